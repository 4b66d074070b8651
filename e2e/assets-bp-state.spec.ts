import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { createFolder, unique } from "./support/helpers";
import { fresh, signInToPortal } from "./support/portal";
import { queuePublication, setUpBrandPortal } from "./support/brand-portal";

// The Brand Portal state of assets in the Assets console, on states written by real deliveries:
// a configuration set up through the UIs, three assets published by the server's agents to the
// embedded portal (one of them fails: its binary is gone), one scheduled, one never published.
// Cards, the list view's Brand Portal column, the details page and the filter show them.

const files = ["alpha.txt", "bravo.txt", "charlie.txt", "delta.txt"];

async function createFolderWithFiles(page: Page, title: string): Promise<string> {
  await page.goto("/assets");
  const name = await createFolder(page, title);
  await page.goto(`/assets/${name}`);
  await page
    .getByLabel("Upload files")
    .setInputFiles(
      files.map((f) => ({ name: f, mimeType: "text/plain", buffer: Buffer.from(`${f} ${unique("content")}\n`) })),
    );
  const uploads = page.getByRole("region", { name: "Uploads" });
  await expect(uploads.getByRole("progressbar", { name: `${files.length} uploaded` })).toHaveAttribute(
    "aria-valuenow",
    "100",
  );
  await uploads.getByRole("button", { name: "Close uploads" }).click();
  return `/content/dam/${name}`;
}

test("published, failed, pending and not published: on cards, in the Brand Portal column, on details, filtered", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { configTitle: config } = await setUpBrandPortal(page);
  const folderTitle = unique("BP State");
  const folder = await createFolderWithFiles(page, folderTitle);
  const at = new Date(Date.now() + 2 * 86_400_000);
  queuePublication({
    config,
    by: "admin",
    publish: [`${folder}/alpha.txt`, `${folder}/bravo.txt`],
    missingBinary: [`${folder}/bravo.txt`],
    schedule: { title: "Launch", at: at.toISOString(), paths: [`${folder}/charlie.txt`] },
  });

  // Card view: the states arrive by themselves (the page polls while something is pending).
  await page.goto(`/assets${folder.slice("/content/dam".length)}`);
  const card = (t: string) => page.getByRole("article", { name: t });
  await expect(card("alpha").getByText(/^Published .* by Administrator/)).toBeVisible({ timeout: 30_000 });
  await expect(card("bravo").getByText(/^Failed: The binary of .*bravo\.txt is missing/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(card("charlie").getByText("Pending")).toBeVisible();
  await expect(card("charlie").getByText(/^Publish scheduled for /)).toBeVisible();
  await expect(card("delta").getByText("Not published")).toBeVisible();

  // List view: the Brand Portal column
  await page.getByRole("button", { name: "List view" }).click();
  const grid = page.getByRole("grid", { name: "Assets" });
  await expect(grid.getByRole("columnheader", { name: "Brand Portal" })).toBeVisible();
  const row = (name: string) => grid.getByRole("row").filter({ hasText: name });
  await expect(row("alpha.txt")).toContainText(/Published .* by Administrator/);
  await expect(row("bravo.txt")).toContainText("Failed");
  await expect(row("charlie.txt")).toContainText("Publish scheduled for");
  await expect(row("delta.txt")).toContainText("Not published");

  // The filter: a state below the folder
  await page.getByRole("button", { name: /Brand Portal/ }).click();
  await page.getByRole("option", { name: "Failed" }).click();
  await expect(page).toHaveURL(/bp=failed/);
  await expect(grid.getByRole("row")).toHaveCount(2); // header + bravo
  await expect(row("bravo.txt")).toBeVisible();
  await expect(page.getByText(`1 item failed on Brand Portal in ${folderTitle} and its subfolders`)).toBeVisible();
  await page.getByRole("button", { name: /Brand Portal/ }).click();
  await page.getByRole("option", { name: /^Pending/ }).click();
  await expect(row("charlie.txt")).toBeVisible();
  await expect(row("alpha.txt")).toHaveCount(0);
  await page.getByRole("button", { name: /Brand Portal/ }).click();
  await page.getByRole("option", { name: "Published", exact: true }).click();
  await expect(row("alpha.txt")).toBeVisible();
  await expect(grid.getByRole("row")).toHaveCount(2);
  await page.getByRole("button", { name: /Brand Portal/ }).click();
  await page.getByRole("option", { name: "Not published" }).click();
  await expect(row("delta.txt")).toBeVisible();
  await expect(grid.getByRole("row")).toHaveCount(2);

  // The details page says the same, with the whole reason
  await page.goto(`/assets${folder.slice("/content/dam".length)}/bravo.txt`);
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText(/Failed: The binary of .*bravo\.txt is missing from the asset store/);
  await page.goto(`/assets${folder.slice("/content/dam".length)}/alpha.txt`);
  await expect(page.getByRole("region", { name: "Details" })).toContainText(/Published .* by Administrator/);
});

test("renaming and deleting published assets: Brand Portal follows, and the Delete dialog says so", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const bp = await setUpBrandPortal(page);
  const folder = await createFolderWithFiles(page, unique("BP Follow"));
  queuePublication({ config: bp.configTitle, by: "admin", publish: [`${folder}/alpha.txt`, `${folder}/bravo.txt`] });
  await page.goto(`/assets${folder.slice("/content/dam".length)}`);
  const card = (t: string) => page.getByRole("article", { name: t });
  for (const t of ["alpha", "bravo"])
    await expect(card(t).getByText(/^Published .* by Administrator/)).toBeVisible({ timeout: 30_000 });

  const renamed = `${unique("renamed")}.txt`;
  await card("alpha").getByRole("button", { name: "Select" }).click();
  const bar = page.getByRole("toolbar", { name: "Selection" });
  await bar.getByRole("button", { name: "Rename" }).click();
  const rename = page.getByRole("dialog", { name: "Rename asset" });
  await rename.getByLabel("Name").fill(renamed);
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(rename).toBeHidden();

  await card("bravo").getByRole("button", { name: "Select" }).click();
  await bar.getByRole("button", { name: "Delete" }).click();
  const remove = page.getByRole("alertdialog", { name: "Delete" });
  await expect(remove).toContainText(
    "This item is published to Brand Portal: deleting also removes it from Brand Portal.",
  );
  await remove.getByRole("button", { name: "Delete" }).click();
  await expect(card("bravo")).toHaveCount(0);
  await expect(card("alpha").getByText(/^Published .* by Administrator/)).toBeVisible({ timeout: 30_000 });

  // On the portal: the renamed asset under its new name, nothing under the old names.
  const slug = bp.tenantUrl.split("/").pop()!;
  const portal = await fresh(browser);
  await signInToPortal(portal, slug, "admin", bp.portalPassword);
  const search = async (q: string) => portal.goto(`/portal/${slug}/search?q=${encodeURIComponent(q)}`);
  await expect(async () => {
    await search(renamed);
    await expect(portal.getByText("1 result")).toBeVisible({ timeout: 1_000 });
    await search("bravo");
    await expect(portal.getByText("No assets match")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await search("alpha.txt");
  await expect(portal.getByText("No assets match")).toBeVisible();
  await portal.context().close();
});
