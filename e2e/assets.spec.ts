import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import sharp from "sharp";
import { createFolder, createUser, signInAs, unique } from "./support/helpers";
import { expectInside, expectNoSidewaysScroll } from "./support/layout";

// The Assets console journey: folder, uploads with progress and thumbnails, metadata (and a stale
// save refused), a collection from a selection, search, delete.

const png = (color: string, w = 900, h = 600) =>
  sharp({ create: { width: w, height: h, channels: 3, background: color } })
    .png()
    .toBuffer();
const card = (page: Page, title: string) => page.getByRole("article", { name: title, exact: true });

async function select(page: Page, title: string) {
  await card(page, title).getByRole("button", { name: "Select" }).click();
}

test("create a folder, upload, edit metadata, collect, search and delete", async ({ page, context }) => {
  const title = unique("E2E Folder");
  const word = unique("sunset");
  await page.goto("/assets");
  await expect(page.getByRole("heading", { name: "Assets", level: 1 })).toBeVisible();

  // Create › Folder: the name follows the title.
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByRole("menuitem", { name: "Folder" }).click();
  const create = page.getByRole("dialog", { name: "Create Folder" });
  await create.getByLabel("Title").fill(title);
  const name = title.toLowerCase().replace(" ", "-");
  await expect(create.getByLabel("Name")).toHaveValue(name);
  await create.getByRole("button", { name: "Create" }).click();
  await expect(create).toBeHidden();
  await card(page, title).getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/assets/${name}$`));
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText("This folder is empty")).toBeVisible();

  // Upload three files: progress per file, an outcome per file, thumbnails for the images.
  await page.getByLabel("Upload files").setInputFiles([
    { name: "coral.png", mimeType: "image/png", buffer: await png("#ff7f50") },
    { name: "ocean.png", mimeType: "image/png", buffer: await png("#1e90ff", 640, 960) },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Outpost notes\n".repeat(2000)) },
  ]);
  const uploads = page.getByRole("region", { name: "Uploads" });
  for (const file of ["coral.png", "ocean.png", "notes.txt"]) {
    const row = uploads.getByRole("listitem", { name: file });
    await expect(row.getByRole("progressbar", { name: file })).toHaveAttribute("aria-valuenow", "100");
    await expect(row.getByText("Uploaded", { exact: true })).toBeVisible();
  }
  await expect(uploads.getByRole("progressbar", { name: "3 uploaded" })).toHaveAttribute("aria-valuenow", "100");
  await uploads.getByRole("button", { name: "Close uploads" }).click();
  for (const t of ["coral", "ocean"]) {
    await expect(card(page, t).locator("img")).toHaveAttribute("src", /rendition=thumbnail/);
    await expect
      .poll(() =>
        card(page, t)
          .locator("img")
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBe(t === "coral" ? 320 : 213);
  }
  await expect(card(page, "notes")).toContainText("Text");

  // Properties: edit and save; a second window with the old values is refused.
  const stale = await context.newPage();
  await stale.goto(`/assets/${name}/coral.png`);
  await card(page, "coral").getByRole("link", { name: "coral" }).click();
  await expect(page.getByRole("heading", { name: "coral", level: 1 })).toBeVisible();
  await expect(page.getByText("900 × 600").first()).toBeVisible();
  const form = page.getByRole("form", { name: "Properties" });
  await form.getByLabel("Title").fill(`Coral ${word}`);
  await form.getByLabel("Description").fill("A warm colour field");
  await form.getByLabel("Tags").fill("colour, warm");
  await form.getByLabel("Creator").fill("E2E");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Properties saved")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Coral ${word}`, level: 1 })).toBeVisible();
  await page.reload();
  await expect(form.getByLabel("Tags")).toHaveValue("colour, warm");

  const staleForm = stale.getByRole("form", { name: "Properties" });
  await staleForm.getByLabel("Title").fill("Someone else's title");
  await staleForm.getByRole("button", { name: "Save" }).click();
  await expect(staleForm.getByRole("alert")).toContainText("changed by someone else");
  await expect(stale.getByRole("button", { name: "Reload" })).toBeVisible();
  await stale.close();

  // Select two assets and make a collection of them.
  await page.goto(`/assets/${name}`);
  await select(page, `Coral ${word}`);
  await select(page, "ocean");
  const bar = page.getByRole("toolbar", { name: "Selection" });
  await expect(bar).toContainText("2 selected");
  await bar.getByRole("button", { name: "Add to Collection" }).click();
  const add = page.getByRole("dialog", { name: "Add to Collection" });
  await add.getByRole("radio", { name: "New collection" }).click();
  const collection = unique("E2E Picks");
  await add.getByLabel("Title").fill(collection);
  await add.getByRole("button", { name: "Create" }).click();
  await expect(add).toBeHidden();
  await expect(page.getByText(`Collection ${collection} created`)).toBeVisible();
  await expect(bar).toBeHidden();
  await page.goto("/collections");
  await page.getByRole("row", { name: new RegExp(collection) }).click();
  await expect(page.getByRole("heading", { name: collection, level: 1 })).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(2);
  await expect(page.getByText("2 assets")).toBeVisible();
  // Removing one member speaks of one asset (then Cancel: the collection keeps both for below).
  await select(page, "ocean");
  await page
    .getByRole("toolbar", { name: "Selection" })
    .getByRole("button", { name: "Remove from Collection" })
    .click();
  const remove = page.getByRole("alertdialog", { name: "Remove from Collection" });
  await expect(remove).toContainText(`Remove ocean from ${collection}? The asset itself stays where it is.`);
  await remove.getByRole("button", { name: "Cancel" }).click();
  await expect(remove).toBeHidden();

  // Search from the root finds the asset by its new title, anywhere below.
  await page.goto("/assets");
  await page.getByRole("searchbox", { name: "Search assets" }).fill(word);
  await expect(page.getByText(`1 result for “${word}”`)).toBeVisible();
  await expect(card(page, `Coral ${word}`)).toContainText(`/content/dam/${name}/coral.png`);
  await page.getByRole("searchbox", { name: "Search assets" }).fill("");
  await expect(card(page, title)).toBeVisible();

  // Delete the folder: it is not empty, so the console asks again and says what goes.
  await select(page, title);
  await page.getByRole("toolbar", { name: "Selection" }).getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete" });
  await expect(confirm).toContainText(title);
  await confirm.getByRole("button", { name: "Delete" }).click();
  const again = page.getByRole("alertdialog", { name: "Delete folders that are not empty?" });
  await expect(again).toContainText("0 folders and 3 assets");
  await again.getByRole("button", { name: "Delete everything" }).click();
  await expect(page.getByText("Deleted 1 folder and 3 assets")).toBeVisible();
  await expect(card(page, title)).toHaveCount(0);
  await page.goto("/collections");
  await page.getByRole("row", { name: new RegExp(collection) }).click();
  await expect(page.getByText("This collection is empty.")).toBeVisible(); // the collection stays; its deleted assets left it
});

test("bad names, a name conflict, the list view, drag and drop, rename and move", async ({ page }) => {
  await page.goto("/assets");
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByRole("menuitem", { name: "Folder" }).click();
  const create = page.getByRole("dialog", { name: "Create Folder" });
  await create.getByLabel("Title").fill("Bad name");
  await create.getByLabel("Name").fill("Bad/Name");
  await create.getByRole("button", { name: "Create" }).click();
  await expect(create.getByText("Use lowercase letters, digits, '-' and '_' only")).toBeVisible();
  const name = unique("conflicts");
  await create.getByLabel("Name").fill(name);
  await create.getByRole("button", { name: "Create" }).click();
  await expect(create).toBeHidden();
  await page.goto(`/assets/${name}`);

  const logo = await png("#123456", 200, 200);
  await page.getByLabel("Upload files").setInputFiles([
    { name: "logo.png", mimeType: "image/png", buffer: logo },
    { name: ".env", mimeType: "text/plain", buffer: Buffer.from("SECRET=1") },
    { name: "fake.jpg", mimeType: "image/jpeg", buffer: logo },
  ]);
  const uploads = page.getByRole("region", { name: "Uploads" });
  await expect(uploads.getByRole("listitem", { name: ".env" }).getByRole("alert")).toHaveText(
    "Name cannot start with a dot.",
  );
  await expect(uploads.getByRole("listitem", { name: "fake.jpg" })).toContainText(
    "The extension .jpg says JPEG image, but the content is a PNG image.",
  );
  await expect(uploads).toContainText("2 uploaded, 1 failed");

  await page
    .getByLabel("Upload files")
    .setInputFiles([{ name: "logo.png", mimeType: "image/png", buffer: await png("#654321", 300, 100) }]);
  const conflict = page.getByRole("dialog", { name: "Name conflict" });
  await expect(conflict).toContainText("logo.png");
  await conflict.getByRole("button", { name: "Replace" }).click();
  await expect(uploads.getByText("Uploaded as version 2")).toBeVisible();

  await page.getByRole("button", { name: "List view" }).click();
  const grid = page.getByRole("grid", { name: "Assets" });
  await expect(grid.getByRole("row", { name: /logo\.png/ })).toContainText("300 × 100");
  await expect(grid.getByRole("row", { name: /fake\.jpg/ })).toContainText("PNG");
  await expect(grid.getByRole("row", { name: /logo\.png/ })).toContainText("Not published");
  await grid.getByRole("columnheader", { name: "Size" }).click();
  await expect(page).toHaveURL(/sort=size/);

  // Drag and drop a file onto the folder.
  const dropped = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["dropped by the browser test"], "dropped.txt", { type: "text/plain" }));
    return dt;
  });
  await grid.dispatchEvent("dragenter", { dataTransfer: dropped });
  await expect(page.getByText(/Drop files to upload them to/)).toBeVisible();
  await grid.dispatchEvent("drop", { dataTransfer: dropped });
  await expect(
    uploads.getByRole("listitem", { name: "dropped.txt" }).getByText("Uploaded", { exact: true }),
  ).toBeVisible();
  await uploads.getByRole("button", { name: "Close uploads" }).click();

  // Select all on the page, leave selection mode; then rename and move one asset.
  await grid.getByRole("checkbox", { name: "Select All" }).click({ force: true });
  const bar = page.getByRole("toolbar", { name: "Selection" });
  await expect(bar).toContainText("3 selected"); // logo.png, fake.jpg, dropped.txt
  await bar.getByRole("button", { name: "Close selection" }).click();
  await expect(bar).toBeHidden();
  await grid
    .getByRole("row", { name: /dropped\.txt/ })
    .getByRole("checkbox")
    .click({ force: true });
  await bar.getByRole("button", { name: "Rename" }).click();
  const rename = page.getByRole("dialog", { name: "Rename asset" });
  const renamed = `${unique("renamed")}.txt`;
  await rename.getByLabel("Name").fill(renamed);
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(grid.getByRole("row", { name: new RegExp(renamed) })).toBeVisible();
  await grid
    .getByRole("row", { name: new RegExp(renamed) })
    .getByRole("checkbox")
    .click({ force: true });
  await bar.getByRole("button", { name: "Move" }).click();
  const move = page.getByRole("dialog", { name: /^Move/ });
  await move.getByRole("navigation", { name: "Destination" }).getByRole("button", { name: "Assets" }).click();
  await expect(move).toContainText("Destination: /content/dam");
  await move.getByRole("button", { name: "Move here" }).click();
  await expect(page.getByText("Moved dropped to Assets")).toBeVisible();
  await expect(grid.getByRole("row", { name: new RegExp(renamed) })).toHaveCount(0);
  await page.goto(`/assets?view=list&q=${renamed}`);
  await expect(
    page.getByRole("grid", { name: "Assets" }).getByRole("row", { name: new RegExp(renamed) }),
  ).toContainText("/content/dam");

  await page.goto(`/assets/${name}?view=list`);
  await page
    .getByRole("grid", { name: "Assets" })
    .getByRole("row", { name: /logo\.png/ })
    .click();
  await expect(page.getByRole("heading", { name: "logo", level: 1 })).toBeVisible();
  await expect(page.getByText("Version 2 (current)")).toBeVisible();
});

test("an asset's details fit a phone: one column, every card inside the window; two columns on a laptop", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/assets/outpost-demo/landscapes/landscape-01.jpg");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page);
  for (const card of ["Renditions", "Versions", "Basic", "Details"])
    await expectInside(page.getByRole("region", { name: card }));
  await expectInside(page.getByRole("link", { name: "Download Version 1 (current)" }));

  await page.setViewportSize({ width: 1280, height: 800 });
  const renditions = await page.getByRole("region", { name: "Renditions" }).boundingBox();
  const basic = await page.getByRole("region", { name: "Basic" }).boundingBox();
  expect(basic!.x).toBeGreaterThan(renditions!.x + renditions!.width); // side by side
});

test("authors use the Assets console; the API needs a session", async ({ page, browser }) => {
  const login = unique("assets-author");
  await createUser(page, { login, name: "Asset Author", role: "Author", password: "author-password-1" });
  const author = await signInAs(browser, login, "author-password-1");
  await author.goto("/assets/outpost-demo");
  await expect(author.getByRole("heading", { name: "Outpost demo", level: 1 })).toBeVisible();
  await expect(card(author, "Landscapes")).toBeVisible();
  await author.goto("/collections");
  await expect(author.getByRole("row", { name: /Demo highlights/ })).toBeVisible();

  const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const res = await anon.request.get("/api/assets/browse");
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: "unauthenticated" });
  const up = await anon.request.put("/api/assets/upload?folder=/content/dam&name=x.txt", { data: "x" });
  expect(up.status()).toBe(401);
  await anon.close();
});

// a/Report.txt and b/Report.txt chosen together: no Name conflict to answer (the other file is not
// on the server yet), and neither is refused; the second is numbered as Keep both numbers it.
test("files of one name chosen together are all uploaded", async ({ page }) => {
  await page.goto("/assets");
  const name = await createFolder(page, unique("Twins"));
  await page.goto(`/assets/${name}`);
  await page.getByLabel("Upload files").setInputFiles([
    { name: "Report.txt", mimeType: "text/plain", buffer: Buffer.from("from a/") },
    { name: "Report.txt", mimeType: "text/plain", buffer: Buffer.from("from b/") },
  ]);
  const uploads = page.getByRole("region", { name: "Uploads" });
  for (const file of ["Report.txt", "Report-1.txt"])
    await expect(uploads.getByRole("listitem", { name: file }).getByText("Uploaded", { exact: true })).toBeVisible();
  await expect(uploads.getByRole("progressbar", { name: "2 uploaded" })).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Name conflict" })).toHaveCount(0);
});

// Paging, sorting, the view and the filters are history entries: Back and Forward move between
// them and stay in the folder. A typed search replaces its entry.
test("Back and Forward return to the page, sort and view of the folder", async ({ page }) => {
  await page.goto("/assets");
  const name = await createFolder(page, unique("Pages"));
  await page.goto(`/assets/${name}`);
  const files = Array.from({ length: 51 }, (_, i) => ({
    name: `f${String(i + 1).padStart(2, "0")}.txt`,
    mimeType: "text/plain",
    buffer: Buffer.from(`file ${i + 1}`),
  }));
  await page.getByLabel("Upload files").setInputFiles(files);
  const uploads = page.getByRole("region", { name: "Uploads" });
  await expect(uploads.getByRole("progressbar", { name: "51 uploaded" })).toBeVisible({ timeout: 30_000 });
  await uploads.getByRole("button", { name: "Close uploads" }).click();

  const pages = page.getByRole("navigation", { name: "Pages" });
  const search = page.getByRole("searchbox", { name: "Search assets" });
  await expect(pages).toContainText("Page 1 of 2");
  await pages.getByRole("button", { name: "Next" }).click();
  await expect(pages).toContainText("Page 2 of 2");
  await expect(page.getByRole("article", { name: "f51" })).toBeVisible();
  await page.getByRole("button", { name: "List view" }).click();
  await expect(page.getByRole("grid", { name: "Assets" })).toBeVisible();
  await search.fill("f0");
  await expect(page).toHaveURL(/q=f0/);

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/assets/${name}\\?page=2$`));
  await expect(page.getByRole("article", { name: "f51" })).toBeVisible();
  await expect(pages).toContainText("Page 2 of 2");
  await expect(search).toHaveValue("");
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/assets/${name}$`));
  await expect(pages).toContainText("Page 1 of 2");
  await expect(page.getByRole("article", { name: "f01" })).toBeVisible();
  await page.goForward();
  await page.goForward();
  await expect(page.getByRole("grid", { name: "Assets" })).toBeVisible();
  await expect(search).toHaveValue("f0");
  await expect(page.getByText(/results? for “f0”/)).toBeVisible();
});

// The search field takes at most the 200 characters the server searches for (it answered "Check
// the input." under an endless Loading…), and a long word in the result count wraps.
test("a long search is cut at 200 characters and its count wraps", async ({ page }) => {
  await page.goto("/assets");
  const search = page.getByRole("searchbox", { name: "Search assets" });
  await search.fill("x".repeat(250));
  await expect(search).toHaveValue("x".repeat(200));
  await expect(page.getByText(`0 results for “${"x".repeat(200)}”`, { exact: false })).toBeVisible();
  await expect(page.getByText("Check the input.")).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  await page.goto(`/assets?q=${"y".repeat(250)}`);
  await expect(page.getByText(`0 results for “${"y".repeat(200)}”`, { exact: false })).toBeVisible();
});
