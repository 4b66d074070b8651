import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { createFolder, unique } from "./support/helpers";

/** Holds every upload PUT until `release()`; the name check goes through. */
async function holdUploads(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let seen = false;
  await page.route("**/api/assets/upload**", async (route) => {
    if (route.request().method() !== "PUT") return route.continue();
    seen = true;
    await released;
    await route.continue().catch(() => {}); // the browser aborted it: nothing to continue
  });
  return { release, seen: () => seen };
}

// Cancel in the upload panel: the request is aborted in the browser, the file says "Cancelled",
// and the folder gets no asset.
test("cancelling an upload leaves no asset", async ({ page }) => {
  const title = unique("Cancel Folder");
  await page.goto("/assets");
  const name = await createFolder(page, title);
  await page.goto(`/assets/${name}`);
  await expect(page.getByText("This folder is empty")).toBeVisible();

  // Hold the upload request in flight until the user has cancelled it.
  const held = await holdUploads(page);

  const outcome = new Promise<string>((resolve) => {
    page.on("requestfailed", (r) => r.method() === "PUT" && resolve("aborted"));
    page.on("requestfinished", (r) => r.method() === "PUT" && resolve("sent"));
  });
  await page
    .getByLabel("Upload files")
    .setInputFiles([
      { name: "big.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(2 * 1024 * 1024, 1) },
    ]);
  const uploads = page.getByRole("region", { name: "Uploads" });
  const row = uploads.getByRole("listitem", { name: "big.bin" });
  await expect.poll(held.seen).toBe(true);
  await row.getByRole("button", { name: "Cancel big.bin" }).click();
  await expect(row.getByText("Cancelled", { exact: true })).toBeVisible();
  held.release();
  expect(await outcome).toBe("aborted");

  await page.unroute("**/api/assets/upload**");
  await page.reload();
  await expect(page.getByText("This folder is empty")).toBeVisible();
});

// The upload belongs to the console, not to the folder on screen: moving to a subfolder and back
// keeps its panel (with Cancel) and its outcome, and the folder lists the file once it is stored.
// While it runs, reloading or leaving the site asks first.
test("an upload and its panel outlive moving between folders", async ({ page }) => {
  const title = unique("Upload Away");
  await page.goto("/assets");
  const name = await createFolder(page, title);
  await page.goto(`/assets/${name}`);
  await createFolder(page, "Elsewhere");
  const held = await holdUploads(page);

  await page
    .getByLabel("Upload files")
    .setInputFiles([{ name: "away.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(1024 * 1024, 1) }]);
  await expect.poll(held.seen).toBe(true);
  const leaveAsked = () => page.evaluate(() => !window.dispatchEvent(new Event("beforeunload", { cancelable: true })));
  expect(await leaveAsked()).toBe(true);

  const uploads = page.getByRole("region", { name: "Uploads" });
  const row = uploads.getByRole("listitem", { name: "away.bin" });
  await page.getByRole("article", { name: "Elsewhere" }).getByRole("link", { name: "Elsewhere" }).click();
  await expect(page.getByRole("heading", { name: "Elsewhere", level: 1 })).toBeVisible();
  await expect(row.getByRole("button", { name: "Cancel away.bin" })).toBeVisible();

  await page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByRole("article", { name: "away" })).toHaveCount(0);
  held.release();
  await expect(row.getByText("Uploaded", { exact: true })).toBeVisible();
  await expect(page.getByRole("article", { name: "away" })).toBeVisible();
  expect(await leaveAsked()).toBe(false);
});
