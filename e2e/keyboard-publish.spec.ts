import { expectNoSeriousA11y } from "./support/a11y";
import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { setUpBrandPortal } from "./support/brand-portal";
import { instanceState, unique } from "./support/helpers";
import { E2E } from "./support/env";

// The whole publishing loop by keyboard alone (issue 16, accessibility): select assets in the
// Assets console, Quick Publish › Publish to Brand Portal, confirm, follow the link to the
// instance; then Manage Publication through every step of the wizard (Options with Later and the
// date and time fields, Scope with Add Content, Workflows), Publish Later, and the instance shows
// Scheduled; then Terminate it. Every control is reached with Tab / Shift+Tab, arrows, Enter,
// Space and Escape, each with a visible focus; the page counts pointer events and must end with
// none. axe checks the wizard's steps and the instance pages. (The Brand Portal configuration is
// set up beforehand through the admin screens on another page: not part of the loop.)

test.describe.configure({ mode: "serial", timeout: 240_000 });
test.use({ timezoneId: "Europe/Berlin", locale: "en-US" });

let configTitle: string;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await browser.newPage({ storageState: E2E.adminState, baseURL: E2E.baseURL });
  configTitle = (await setUpBrandPortal(page)).configTitle;
  await page.close();
});

test.beforeEach(async ({ page }) => {
  // Any pointer event the page sees (Playwright's click, hover and tap make them all) fails the test.
  await page.addInitScript(() => {
    const w = window as unknown as { pointerEvents: string[] };
    w.pointerEvents = [];
    for (const type of ["pointerdown", "pointerup", "mousedown", "mouseup", "pointermove"])
      window.addEventListener(type, (e) => e.isTrusted && w.pointerEvents.push(type), true);
  });
});

test.afterEach(async ({ page }) => {
  const events = await page.evaluate(() => (window as unknown as { pointerEvents: string[] }).pointerEvents);
  expect(events, "the test must never use the mouse").toEqual([]);
});

/** Whether the element is the focused one (or holds it: react-aria's checkboxes focus a hidden input). */
const hasFocus = (l: Locator) =>
  l.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false);

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, opts: { back?: boolean; max?: number } = {}) {
  const key = opts.back ? "Shift+Tab" : "Tab";
  for (let i = 0; i < (opts.max ?? 60); i++) {
    if (await hasFocus(target)) return expectVisibleFocus(page);
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target}`);
}

/** Presses `key` (an arrow in a grid or list) until `target` has the focus. */
async function pressUntil(page: Page, key: string, target: Locator, max = 20) {
  for (let i = 0; i < max; i++) {
    if (await hasFocus(target)) return expectVisibleFocus(page);
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target}`);
}

/** The focused control shows it: an outline on it or on the box react-aria draws in its label, or a highlight. */
async function expectVisibleFocus(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return "nothing has the focus";
        for (let e: HTMLElement | null = el; e; e = e.parentElement)
          if (Number(getComputedStyle(e).opacity) < 0.5)
            return `focused but transparent: ${el.outerHTML.slice(0, 160)}`;
        const ringed = (e: Element) => {
          const s = getComputedStyle(e);
          return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1;
        };
        const scope = el.closest("label") ?? el;
        if (ringed(el) || [...scope.querySelectorAll("*")].some(ringed)) return null;
        // Menu items, options and date segments show it with a highlight (a background) instead.
        const bg = getComputedStyle(el).backgroundColor;
        if (el.hasAttribute("data-focused") && bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent") return null;
        return `no visible focus on ${el.outerHTML.slice(0, 160)}`;
      }),
    )
    .toBeNull();
}

/** Chooses this spec's configuration in a Brand Portal configuration picker, when one is offered. */
async function chooseConfigByKeyboard(page: Page, scope: Locator) {
  const select = scope.getByRole("button", { name: /Brand Portal configuration/ });
  if (!(await select.count())) return;
  await tabTo(page, select);
  await page.keyboard.press("Enter");
  const option = page.getByRole("option", { name: new RegExp(configTitle) });
  await expect(page.getByRole("listbox")).toBeVisible();
  for (let i = 0; i < 30 && !(await hasFocus(option)); i++) await page.keyboard.press("ArrowDown");
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(select).toContainText(configTitle);
}

test("Quick Publish by keyboard: select three assets, publish, follow the link to the instance", async ({ page }) => {
  await page.clock.install(); // time flows as usual; it is moved on below to show the result's link stays
  await page.goto("/assets/outpost-demo/landscapes");
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(10);
  const titles = await cards.evaluateAll((els) => els.slice(3, 6).map((e) => e.getAttribute("aria-label")!));

  // Select three cards with their checkboxes (Tab, Space).
  for (const t of titles) {
    await tabTo(page, page.getByRole("checkbox", { name: `Select ${t}` }));
    await page.keyboard.press("Space");
  }
  const bar = page.getByRole("toolbar", { name: "Selection" });
  await expect(bar).toContainText("3 selected");

  // A card's quick actions appear for the keyboard too, Publish among them.
  const quick = page.getByRole("group", { name: `Quick actions for ${titles[0]}` });
  await tabTo(page, quick.getByRole("button", { name: "Publish", exact: true }), { back: true });

  // Quick Publish › Publish to Brand Portal; Escape closes the dialog and the focus goes back.
  const quickPublish = bar.getByRole("button", { name: "Quick Publish" });
  await tabTo(page, quickPublish, { back: true });
  await page.keyboard.press("Enter");
  const item = page.getByRole("menuitem", { name: "Publish to Brand Portal" });
  await expect(item).toBeVisible();
  for (let i = 0; i < 5 && !(await hasFocus(item)); i++) await page.keyboard.press("ArrowDown");
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Publish to Brand Portal" });
  await expect(dialog.getByTestId("publish-summary")).toContainText("3 assets");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect.poll(() => hasFocus(quickPublish)).toBe(true);

  await page.keyboard.press("Enter");
  await expect(item).toBeVisible();
  for (let i = 0; i < 5 && !(await hasFocus(item)); i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(dialog.getByTestId("publish-summary")).toContainText("3 assets");
  await expect.poll(() => hasFocus(dialog)).toBe(true); // the focus moved into the dialog
  await chooseConfigByKeyboard(page, dialog);
  await tabTo(page, dialog.getByRole("button", { name: "Publish", exact: true }));
  await page.keyboard.press("Enter");

  // The result's link to the publication's progress is reachable: F6 goes to the notifications.
  const link = page.getByRole("link", { name: "View progress" });
  await expect(link).toBeVisible();
  // It stays until closed: the time it takes to get there by keyboard must not make it vanish.
  await page.clock.fastForward("00:30");
  await expect(link).toBeVisible();
  await page.keyboard.press("F6");
  await tabTo(page, link, { max: 5 });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/tools\/workflow\/instances\/[a-z0-9]+$/);
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary).toContainText("Publish to Brand Portal");
  await expect(instanceState(page)).toContainText("Completed", { timeout: 60_000 });
  await expectNoSeriousA11y(page, "instance page");
});

test("Manage Publication by keyboard: Later, Add Content, Workflows, Publish Later; Scheduled; Terminate", async ({
  page,
}) => {
  await page.goto("/assets/outpost-demo");
  await tabTo(page, page.getByRole("checkbox", { name: "Select Products" }));
  await page.keyboard.press("Space");
  const bar = page.getByRole("toolbar", { name: "Selection" });
  await expect(bar).toContainText("1 selected");
  await tabTo(page, bar.getByRole("link", { name: "Manage Publication" }), { back: true });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Manage Publication", level: 1 })).toBeVisible();

  // Options: Action stays Publish; Scheduling › Later (arrow keys in a radio group).
  const options = page.getByRole("region", { name: "Options" });
  await tabTo(page, options.getByRole("radio", { name: "Publish to Brand Portal" }));
  await expect(options.getByRole("radio", { name: "Publish to Brand Portal" })).toBeChecked();
  await tabTo(page, options.getByRole("radio", { name: "Now" }));
  await page.keyboard.press("ArrowDown");
  await expect(options.getByRole("radio", { name: "Later" })).toBeChecked();
  await expectVisibleFocus(page);
  await expectNoSeriousA11y(page, "wizard: Options");

  // An activation time in the past is refused with a message, and nothing moves on.
  const at = new Date(Date.now() + 2 * 3600_000); // far enough ahead never to start during the test
  const parts = (d: Date) =>
    Object.fromEntries(
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
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
  const local = parts(at);
  await tabTo(page, options.getByRole("spinbutton", { name: /month/ }));
  await page.keyboard.type(`${local.month}${local.day}${local.year}`);
  await tabTo(page, options.getByRole("spinbutton", { name: /hour/ }));
  await page.keyboard.type(`${local.hour}${local.minute}${local.second}`);
  await tabTo(page, options.getByRole("spinbutton", { name: /AM\/PM/ }));
  await page.keyboard.type(local.dayPeriod.slice(0, 1));
  await chooseConfigByKeyboard(page, options);
  await tabTo(page, page.getByRole("button", { name: "Next" }));
  await page.keyboard.press("Enter");

  // Scope: the folder; Add Content opens a picker, Escape closes it, then an asset is added.
  const scope = page.getByRole("grid", { name: "Scope" });
  await expect(scope.getByRole("row").filter({ hasText: "Products" })).toContainText("8 assets");
  await expectNoSeriousA11y(page, "wizard: Scope");
  const add = page.getByRole("button", { name: "Add Content" });
  await tabTo(page, add, { back: true });
  await page.keyboard.press("Enter");
  const picker = page.getByRole("dialog", { name: "Add Content" });
  await expect(picker).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(picker).toBeHidden();
  await expect.poll(() => hasFocus(add)).toBe(true);

  await page.keyboard.press("Enter");
  await expect(
    picker.getByRole("checkbox", { name: "Add outpost-demo" }).or(picker.getByText("outpost-demo")).first(),
  ).toBeVisible();
  // Into a folder by keyboard: the focus stays in the picker, on the list.
  await tabTo(page, picker.getByRole("button", { name: /outpost-demo|Outpost demo/i }));
  await page.keyboard.press("Enter");
  const brand = picker.getByRole("button", { name: "Brand", exact: true });
  await expect(brand).toBeVisible();
  await expect.poll(() => hasFocus(picker)).toBe(true);
  await tabTo(page, brand);
  await page.keyboard.press("Enter");
  const firstAsset = picker.getByRole("checkbox").first();
  await expect(firstAsset).toBeVisible();
  await expect.poll(() => hasFocus(picker)).toBe(true);
  const added = ((await firstAsset.getAttribute("aria-label")) ?? "").replace(/^Add /, "");
  await tabTo(page, firstAsset);
  await page.keyboard.press("Space");
  await expectNoSeriousA11y(page, "wizard: Add Content");
  await tabTo(page, picker.getByRole("button", { name: "Add (1)" }));
  await page.keyboard.press("Enter");
  await expect(picker).toBeHidden();
  await expect(scope.getByRole("row").filter({ hasText: added })).toBeVisible();

  // Remove it again from the scope, by keyboard: Tab into the grid, arrows to its row and to its button.
  const remove = scope.getByRole("button", { name: `Remove ${added}` });
  await tabTo(page, scope);
  await pressUntil(page, "ArrowDown", scope.getByRole("row").filter({ hasText: added }));
  await pressUntil(page, "ArrowRight", remove);
  await page.keyboard.press("Enter");
  await expect(scope.getByRole("row").filter({ hasText: added })).toHaveCount(0);
  await tabTo(page, page.getByRole("button", { name: "Next" }));
  await page.keyboard.press("Enter");

  // Workflows: the title, then Publish Later.
  const title = unique("Keyboard later");
  const field = page.getByRole("textbox", { name: "Workflow title" });
  await tabTo(page, field, { back: true });
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(title);
  await expectNoSeriousA11y(page, "wizard: Workflows");
  await tabTo(page, page.getByRole("button", { name: "Publish Later" }));
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/tools\/workflow\/instances\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary).toContainText("Scheduled");
  await expectNoSeriousA11y(page, "instance page (scheduled)");

  // The instances list, then Terminate by keyboard (Escape first: the dialog closes, nothing happens).
  await page.goto("/tools/workflow/instances");
  const grid = page.getByRole("grid", { name: "Workflow instances" });
  await expect(grid.getByRole("row").filter({ hasText: title })).toContainText("Scheduled");
  await expectNoSeriousA11y(page, "instances list");
  const terminate = page.getByRole("button", { name: `Terminate ${title}` });
  // The list fits the window (1280 px wide): Terminate in view without scrolling, titles in a usable column.
  await expect(terminate).toBeInViewport({ ratio: 1 });
  expect((await grid.getByRole("columnheader", { name: "Title" }).boundingBox())!.width).toBeGreaterThanOrEqual(200);
  await tabTo(page, grid);
  await pressUntil(page, "ArrowDown", grid.getByRole("row").filter({ hasText: title }));
  await pressUntil(page, "ArrowRight", terminate);
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("alertdialog", { name: "Terminate" });
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect.poll(() => hasFocus(terminate)).toBe(true);
  await page.keyboard.press("Enter");
  await tabTo(page, confirm.getByRole("button", { name: "Terminate" }));
  await page.keyboard.press("Enter");
  await expect(grid.getByRole("row").filter({ hasText: title })).toContainText("Terminated");
  // It never started: no start time (not the time it was created).
  const headers = (await grid.getByRole("columnheader").allTextContents()).map((h) => h.trim());
  await expect(
    grid
      .getByRole("row")
      .filter({ hasText: title })
      .getByRole("gridcell")
      .nth(headers.indexOf("Start time") - 1),
  ).toHaveText("—");
});
