import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { createFolder, createUser, instanceState, signInAs, unique } from "./support/helpers";
import { setAgentsPaused, setUpBrandPortal } from "./support/brand-portal";
import { E2E } from "./support/env";
import { configNameFromTitle } from "@/lib/cloud-services/config-name";

// The reference's "Publish assets to Brand Portal", now and later, on the demo content: Quick
// Publish three assets and they arrive at the embedded portal tenant (and one unpublished is gone
// again); Manage Publication of a folder with Later 15 seconds ahead, whose instance shows
// Scheduled, then Running with progress, then Completed; an author cannot see another author's
// instance. The browser runs in Berlin time: the activation time typed there is stored in UTC.

// Each test sets up or waits for agents on a shared 2-core machine: more time than the default minute.
test.describe.configure({ mode: "serial", timeout: 300_000 });
test.use({ timezoneId: "Europe/Berlin", locale: "en-US" });

let bp: Awaited<ReturnType<typeof setUpBrandPortal>>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await browser.newPage({ storageState: E2E.adminState, baseURL: E2E.baseURL });
  bp = await setUpBrandPortal(page);
  await page.close();
});

const card = (page: Page, title: string) => page.getByRole("article", { name: title, exact: true });

/** Picks this spec's configuration when the dialog offers several. */
async function chooseConfig(page: Page, scope: Locator) {
  const select = scope.getByRole("button", { name: /Brand Portal configuration/ });
  if (await select.count()) {
    await select.click();
    await page.getByRole("option", { name: new RegExp(bp.configTitle) }).click();
  }
}

/** The tenant's Content column on Tools › Deployment › Brand Portal Tenants. */
async function tenantContent(page: Page) {
  await page.goto("/tools/replication/tenants");
  const grid = page.getByRole("grid", { name: "Tenants" });
  const headers = (await grid.getByRole("columnheader").allTextContents()).map((h) => h.trim());
  const row = grid.getByRole("row", { name: new RegExp(bp.tenantName) });
  return row.locator('[role="rowheader"], [role="gridcell"]').nth(headers.indexOf("Content"));
}

async function quickPublish(
  page: Page,
  titles: string[],
  item: "Publish to Brand Portal" | "Unpublish from Brand Portal",
) {
  for (const t of titles) await card(page, t).getByRole("button", { name: "Select" }).click();
  const bar = page.getByRole("toolbar", { name: "Selection" });
  await expect(bar).toContainText(`${titles.length} selected`);
  await bar.getByRole("button", { name: "Quick Publish" }).click();
  await page.getByRole("menuitem", { name: item }).click();
  const dialog = page.getByRole("dialog", { name: item });
  const n = `${titles.length} asset${titles.length === 1 ? "" : "s"}`;
  await expect(dialog.getByTestId("publish-summary")).toContainText(n);
  await chooseConfig(page, dialog);
  await dialog.getByRole("button", { name: item.startsWith("Publish") ? "Publish" : "Unpublish", exact: true }).click();
  const verb = titles.length === 1 ? "has" : "have";
  const toast = page.getByText(
    `${n} ${verb} been queued up for ${item.startsWith("Publish") ? "publishing to" : "removal from"} Brand Portal`,
  );
  await expect(toast).toBeVisible();
  await page.getByRole("link", { name: "View progress" }).click();
  await expect(page).toHaveURL(/\/tools\/workflow\/instances\/[a-z0-9]+$/);
}

test("Quick Publish: three demo assets arrive at the portal tenant; one unpublished is gone again", async ({
  page,
}) => {
  await page.goto("/assets/outpost-demo/landscapes");
  await expect(page.getByRole("article")).toHaveCount(10);
  const titles = await page
    .getByRole("article")
    .evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute("aria-label")!));
  expect(titles).toHaveLength(3);

  // The card's quick action offers Publish too.
  await card(page, titles[0]).hover();
  await expect(card(page, titles[0]).getByRole("button", { name: "Publish", exact: true })).toBeVisible();

  await quickPublish(page, titles, "Publish to Brand Portal");
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary).toContainText("Publish to Brand Portal");
  await expect(instanceState(page)).toContainText("Completed", { timeout: 30_000 });
  await expect(page.getByTestId("progress-counts")).toHaveText("3 done · 0 failed · 3 total");
  await expect(page.getByRole("grid", { name: "Items" }).getByRole("row").filter({ hasText: "Done" })).toHaveCount(3);
  await expect(await tenantContent(page)).toContainText("3 assets");

  // Unpublish one of them: gone from the portal.
  await page.goto("/assets/outpost-demo/landscapes");
  await quickPublish(page, [titles[2]], "Unpublish from Brand Portal");
  await expect(instanceState(page)).toContainText("Completed", { timeout: 30_000 });
  await expect(await tenantContent(page)).toContainText("2 assets");

  // The Assets console says so: the unpublished card is Not published (unpublished …), the others Published.
  await page.goto("/assets/outpost-demo/landscapes");
  await expect(card(page, titles[2])).toContainText(/Not published/);
  await expect(card(page, titles[2])).toContainText(/unpublished/);
  await expect(card(page, titles[0])).toContainText("Published");
});

test("Manage Publication of a folder, Later 15 seconds ahead: Scheduled, Running with progress, Completed", async ({
  page,
}) => {
  // The agents are paused while it starts, so that Running stays on screen until they resume.
  await setAgentsPaused(page, bp.configTitle, true);
  // Staggered publishing: a throughput cap on the configuration, shown on the running instance.
  await page.goto(`/tools/cloud-services/brand-portal/${configNameFromTitle(bp.configTitle)}`);
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Brand Portal Replication" });
  await edit.getByRole("button", { name: "Advanced" }).click();
  await edit.getByLabel("Throughput cap (assets per minute)").fill("6000");
  await edit.getByRole("button", { name: "OK", exact: true }).click();
  await expect(edit).toBeHidden();
  await page.goto("/assets/outpost-demo");
  await card(page, "Products").getByRole("button", { name: "Select" }).click();
  await page.getByRole("toolbar", { name: "Selection" }).getByRole("link", { name: "Manage Publication" }).click();
  await expect(page.getByRole("heading", { name: "Manage Publication", level: 1 })).toBeVisible();

  // Options
  const options = page.getByRole("region", { name: "Options" });
  await expect(options.getByRole("radio", { name: "Publish to Brand Portal" })).toBeChecked();
  await options.getByText("Later", { exact: true }).click();
  await expect(options.getByRole("radio", { name: "Later" })).toBeChecked();
  await expect(options.getByTestId("time-zone")).toContainText("Time zone: Europe/Berlin");
  await chooseConfig(page, options);
  // More than a year ahead is refused at Next, on this step, with the reason.
  await options.getByRole("spinbutton", { name: /month/ }).click();
  await page.keyboard.type(`1231${new Date().getFullYear() + 2}`);
  await options.getByRole("spinbutton", { name: /hour/ }).click();
  await page.keyboard.type("110000");
  await options.getByRole("spinbutton", { name: /AM\/PM/ }).click();
  await page.keyboard.type("A");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(options).toContainText("The activation date is more than a year ahead");
  const at = new Date(Date.now() + 15_000);
  const local = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: "Europe/Berlin",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hour12: true,
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  await options.getByRole("spinbutton", { name: /month/ }).click();
  await page.keyboard.type(`${local.month}${local.day}${local.year}`);
  await options.getByRole("spinbutton", { name: /hour/ }).click();
  await page.keyboard.type(`${local.hour}${local.minute}${local.second}`);
  await options.getByRole("spinbutton", { name: /AM\/PM/ }).click();
  await page.keyboard.type(local.dayPeriod.slice(0, 1));
  await page.getByRole("button", { name: "Next" }).click();

  // Scope: the folder and what it includes
  const scope = page.getByRole("grid", { name: "Scope" });
  await expect(scope.getByRole("row").filter({ hasText: "Products" })).toContainText("8 assets");
  await expect(page.getByTestId("scope-totals")).toContainText("1 folder with 8 assets");
  await page.getByRole("button", { name: "Next" }).click();

  // Workflows
  const title = unique("Products later");
  await page.getByLabel("Workflow title").fill(title);
  await page.getByRole("button", { name: "Publish Later" }).click();

  await expect(page).toHaveURL(/\/tools\/workflow\/instances\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary).toContainText("Scheduled");
  const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  await expect(summary).toContainText(`${utc.format(at)} UTC`); // typed in Berlin time, shown in UTC
  await expect(summary).toContainText("Running", { timeout: 30_000 });
  await expect(page.getByTestId("progress-counts")).toHaveText("0 done · 0 failed · 9 total");
  await expect(page.getByRole("progressbar", { name: `Progress of ${title}` })).toBeVisible();
  await expect(page.getByTestId("throughput-cap")).toHaveText("Throughput cap: 6,000 assets/min");

  // The list shows it too, live.
  await page.goto("/tools/workflow/instances");
  const row = page.getByRole("grid", { name: "Workflow instances" }).getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Running");
  const url = await row.getByRole("link", { name: title }).getAttribute("href");

  await setAgentsPaused(page, bp.configTitle, false);
  await page.goto(url!);
  await expect(instanceState(page)).toContainText("Completed", { timeout: 30_000 });
  await expect(page.getByTestId("progress-counts")).toHaveText("9 done · 0 failed · 9 total");
});

test("unpublishing a collection from Brand Portal says its assets stay; the wizard shows it as a collection", async ({
  page,
}) => {
  const kept = "Removing a collection does not remove its assets from Brand Portal.";
  await page.goto("/collections");
  await page
    .getByRole("row", { name: /Demo highlights/ })
    .getByRole("checkbox")
    .click({ force: true });
  const bar = page.getByRole("toolbar", { name: "Selection" });
  // The same words as Quick Publish's command and the dialog it opens.
  await bar.getByRole("button", { name: "Unpublish from Brand Portal", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Unpublish from Brand Portal" });
  await expect(dialog.getByTestId("publish-summary")).toHaveText(`Remove 1 collection from Brand Portal. ${kept}`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // Manage Publication › Unpublish: the Scope step says the same, with the collection's own icon.
  await bar.getByRole("link", { name: "Manage Publication" }).click();
  const options = page.getByRole("region", { name: "Options" });
  await options.getByText("Unpublish from Brand Portal", { exact: true }).click();
  await expect(options.getByRole("radio", { name: "Unpublish from Brand Portal" })).toBeChecked();
  await page.getByRole("button", { name: "Next" }).click();
  const scope = page.getByRole("grid", { name: "Scope" });
  const row = scope.getByRole("row").filter({ hasText: "Demo highlights" });
  await expect(row).toContainText("The collection only: its 8 members are not removed");
  await expect(row.locator("svg.lucide-library")).toBeVisible();
  await expect(page.getByTestId("scope-totals")).toHaveText(`1 collection. ${kept}`);

  // Reload keeps the step and the choices; the browser's Back and Forward move between steps.
  await page.reload();
  await expect(page.getByTestId("scope-totals")).toHaveText(`1 collection. ${kept}`);
  await page.goBack();
  await expect(options.getByRole("radio", { name: "Unpublish from Brand Portal" })).toBeChecked();
  await page.goForward();
  await expect(row).toContainText("The collection only: its 8 members are not removed");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(options.getByRole("radio", { name: "Unpublish from Brand Portal" })).toBeChecked();
  await page.getByRole("button", { name: "Next" }).click();

  // Its only item removed, the scope is empty: no summary waits for a preview that never runs.
  await row.getByRole("button", { name: "Remove Demo highlights" }).click();
  await expect(scope).toContainText("Nothing to publish");
  await expect(page.getByTestId("scope-totals")).toHaveText("");
});

test("Manage Publication of 100 assets: the selection is kept in the tab, not in the address", async ({ page }) => {
  const title = unique("Hundred");
  await page.goto("/assets");
  const name = await createFolder(page, title);
  await card(page, title).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText("This folder is empty")).toBeVisible();
  await page.getByLabel("Upload files").setInputFiles(
    Array.from({ length: 100 }, (_, i) => ({
      name: `note-${i}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from(`note ${i}`),
    })),
  );
  const uploads = page.getByRole("region", { name: "Uploads" });
  await expect(uploads.getByRole("progressbar", { name: "100 uploaded" })).toBeVisible({ timeout: 120_000 });
  await uploads.getByRole("button", { name: "Close uploads" }).click();

  // Select every asset on both pages of 50.
  await page.getByRole("button", { name: "List view" }).click();
  const grid = page.getByRole("grid").first();
  await grid.getByRole("checkbox", { name: "Select All" }).click({ force: true });
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(grid.getByRole("row", { name: /note-99\.txt/ })).toBeVisible();
  await grid.getByRole("checkbox", { name: "Select All" }).click({ force: true });
  const bar = page.getByRole("toolbar", { name: "Selection" });
  await expect(bar).toContainText("100 selected");
  await bar.getByRole("link", { name: "Manage Publication" }).click();

  await expect(page).toHaveURL(/\/publication\?selection=[0-9a-f]{16}$/);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("scope-totals")).toContainText("100 assets");
  await page.reload();
  await expect(page.getByTestId("scope-totals")).toContainText("100 assets");

  // Another tab has no such selection, and says so.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.getByRole("alert").filter({ hasText: "this tab does not have them" })).toBeVisible();
  await other.close();
  // Cancel goes back to the folder the items are in.
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`/assets/${name}$`));
});

test("a wrong Client ID holds the item back; correcting it in Cloud Services sends it at once", async ({ page }) => {
  const setClientId = async (clientId: string) => {
    await page.goto(`/tools/cloud-services/brand-portal/${configNameFromTitle(bp.configTitle)}`);
    await page.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: "Brand Portal Replication" });
    await edit.getByLabel("Client ID").fill(clientId);
    await edit.getByRole("button", { name: "OK", exact: true }).click();
    await expect(edit).toBeHidden();
  };
  await setClientId("outpost-app-unknown");
  await page.goto("/assets/outpost-demo/landscapes");
  const title = await page.getByRole("article").nth(3).getAttribute("aria-label");
  await quickPublish(page, [title!], "Publish to Brand Portal");
  const instance = page.url();
  // The gateway refuses the token: the item waits for the agent's Retry Delay (a minute).
  await expect(page.getByRole("grid", { name: "Items" })).toContainText("No access token", { timeout: 30_000 });

  await setClientId(bp.clientId);
  await expect(
    page.getByText("Brand Portal Replication settings saved. 1 waiting item is tried again now"),
  ).toBeVisible();
  await page.goto(instance);
  await expect(instanceState(page)).toContainText("Completed", { timeout: 20_000 });
  await expect(page.getByTestId("progress-counts")).toHaveText("1 done · 0 failed · 1 total");
});

test("an author cannot see another author's instance; the administrator sees all", async ({ page, browser }) => {
  const a = unique("author-a");
  const b = unique("author-b");
  await createUser(page, { login: a, name: "Author A", role: "Author", password: "author-password-1" });
  await createUser(page, { login: b, name: "Author B", role: "Author", password: "author-password-1" });

  const authorA = await signInAs(browser, a, "author-password-1");
  await authorA.goto("/tools");
  await authorA.getByRole("navigation", { name: "Tools sections" }).getByRole("link", { name: "Workflow" }).click();
  await expect(authorA.getByRole("link", { name: /Instances/ })).toBeVisible();
  await authorA.goto("/assets/outpost-demo/brand");
  await expect(authorA.getByRole("article")).toHaveCount(5); // four patterns and the guidelines
  const first = await authorA.getByRole("article").first().getAttribute("aria-label");
  await quickPublish(authorA, [first!], "Publish to Brand Portal");
  const instance = new URL(authorA.url()).pathname;
  await expect(authorA.getByRole("region", { name: "Summary" })).toContainText("Author A");

  const authorB = await signInAs(browser, b, "author-password-1");
  await authorB.goto("/tools/workflow/instances");
  await expect(authorB.getByRole("heading", { name: "Instances", level: 1 })).toBeVisible();
  await expect(authorB.getByRole("grid", { name: "Workflow instances" })).toContainText("No publications yet");
  const res = await authorB.goto(instance);
  expect(res?.status()).toBe(404);
  await expect(authorB.getByText("Author A")).toHaveCount(0);
  const api = await authorB.request.get(`/api/publication/instances/${instance.split("/").pop()}`);
  expect(api.status()).toBe(404);

  // The administrator sees both authors' work.
  await page.goto("/tools/workflow/instances");
  await expect(page.getByRole("grid", { name: "Workflow instances" })).toContainText("Author A");
  await authorA.context().close();
  await authorB.context().close();
});
