import { test, expect } from "./support/test";
import { unique } from "./support/helpers";

// Cancel in the upload panel: the request is aborted in the browser, the file says "Cancelled",
// and the folder gets no asset.
test("cancelling an upload leaves no asset", async ({ page }) => {
  const title = unique("Cancel Folder");
  await page.goto("/assets");
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByRole("menuitem", { name: "Folder" }).click();
  const create = page.getByRole("dialog", { name: "Create Folder" });
  await create.getByLabel("Title").fill(title);
  const name = await create.getByLabel("Name").inputValue();
  await create.getByRole("button", { name: "Create" }).click();
  await expect(create).toBeHidden();
  await page.goto(`/assets/${name}`);
  await expect(page.getByText("This folder is empty")).toBeVisible();

  // Hold the upload request in flight until the user has cancelled it.
  let held!: () => void;
  const release = new Promise<void>((r) => (held = r));
  let sawUpload = false;
  await page.route("**/api/assets/upload**", async (route) => {
    if (route.request().method() !== "PUT") return route.continue(); // the name check goes through
    sawUpload = true;
    await release;
    await route.continue().catch(() => {}); // the browser aborted it: nothing to continue
  });

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
  await expect.poll(() => sawUpload).toBe(true);
  await row.getByRole("button", { name: "Cancel big.bin" }).click();
  await expect(row.getByText("Cancelled", { exact: true })).toBeVisible();
  held();
  expect(await outcome).toBe("aborted");

  await page.unroute("**/api/assets/upload**");
  await page.reload();
  await expect(page.getByText("This folder is empty")).toBeVisible();
});
