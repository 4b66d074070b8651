import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { createFolder, createUser, signInAs, unique } from "./support/helpers";

// The console reads as one product: Tools › Workflow is a section of the Tools page, the browser
// tab names an item by its title, every console page's breadcrumbs start at Navigation, and an
// administrator is never told a section is empty "for your role".

const crumbs = (page: Page) => page.getByRole("navigation", { name: "Breadcrumbs" });

async function expectRootCrumb(page: Page, url: string) {
  await page.goto(url);
  await expect(crumbs(page).getByRole("link").first()).toHaveText("Navigation");
  await expect(crumbs(page).getByRole("link").first()).toHaveAttribute("href", "/");
}

test("Tools › Workflow is a section; no section tells an administrator it is empty for their role", async ({
  page,
}) => {
  await page.goto("/tools");
  const sections = page.getByRole("navigation", { name: "Tools sections" });
  await sections.getByRole("link", { name: "Workflow" }).click();
  await expect(page).toHaveURL(/\/tools\/workflow$/);
  await expect(page.getByRole("region", { name: "Workflow" })).toBeVisible();
  await expect(crumbs(page)).toHaveText(/Navigation\s*Tools\s*Workflow/);
  for (const name of ["Cloud Services", "Deployment", "Workflow", "Security", "OAuth Gateway"]) {
    await sections.getByRole("link", { name }).click();
    await expect(page.getByRole("region", { name })).toBeVisible();
    await expect(page.getByText(/for your role/)).toHaveCount(0);
  }
});

test("the browser tab shows the title of a folder, an asset and a collection, not the file name", async ({ page }) => {
  const folderTitle = unique("Tab Folder");
  await page.goto("/assets");
  const name = await createFolder(page, folderTitle);
  await page.goto(`/assets/${name}`);
  await expect(page).toHaveTitle(`${folderTitle} · Outpost`);

  await page
    .getByLabel("Upload files")
    .setInputFiles([{ name: "spring-brochure.txt", mimeType: "text/plain", buffer: Buffer.from("spring\n") }]);
  await page.getByRole("article", { name: "spring-brochure" }).getByRole("link", { name: "spring-brochure" }).click();
  await expect(page.getByRole("heading", { name: "spring-brochure", level: 1 })).toBeVisible();
  const assetTitle = unique("Spring Brochure");
  await page.getByLabel("Title").fill(assetTitle);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: assetTitle, level: 1 })).toBeVisible();
  await page.reload();
  await expect(page).toHaveTitle(`${assetTitle} · Outpost`);
  await expect(page).not.toHaveTitle(/spring-brochure\.txt/);

  const collectionTitle = unique("Tab Collection");
  await page.goto("/collections");
  await page.getByRole("button", { name: "Create" }).click();
  const dialog = page.getByRole("dialog", { name: "Create Collection" });
  await dialog.getByLabel("Title").fill(collectionTitle);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("row", { name: new RegExp(collectionTitle) }).click();
  await expect(page.getByRole("heading", { name: collectionTitle, level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(`${collectionTitle} · Outpost`);
});

test("breadcrumbs start at Navigation on every console page, gateway and collections included", async ({ page }) => {
  for (const url of [
    "/assets",
    "/collections",
    "/tools/cloud-services",
    "/tools/cloud-services/legacy",
    "/tools/replication",
    "/tools/replication/agents",
    "/tools/replication/tenants",
    "/tools/security/users",
    "/gateway",
    "/gateway/organizations",
    "/gateway/keys",
    "/account",
  ])
    await expectRootCrumb(page, url);
  await page.goto("/gateway");
  await expect(crumbs(page)).toHaveText(/^Navigation\s*Tools\s*OAuth Gateway\s*JWT Applications$/);
  await page.goto("/collections");
  await expect(crumbs(page)).toHaveText(/^Navigation\s*Assets\s*Collections$/);
});

test("an author sees only the sections they have consoles in, and is refused the others", async ({ page, browser }) => {
  const login = unique("shell-author");
  await createUser(page, { login, name: "Shell Author", role: "Author", password: "author-password-1" });
  const author = await signInAs(browser, login, "author-password-1");
  await author.goto("/tools/security");
  await expect(author.getByRole("heading", { name: "You don't have access" })).toBeVisible();
  await expectRootCrumb(author, "/assets");
  await author.context().close();
});
