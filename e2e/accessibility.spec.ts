import { seriousA11y } from "./support/a11y";
import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { TOOL_SECTIONS } from "@/lib/navigation";
import { builtRoutes, sampleUrl } from "./support/built-routes";
import { createUser, unique } from "./support/helpers";

// axe over every console and gateway page of the build (the same listing as the security matrix,
// so a new page is covered without an edit): zero serious or critical violations. Parameters are
// filled with real records where the console has them (else the page's not-found state is checked).
// Portal pages have sessions of their own: portal-accessibility.spec.ts checks them.

const SKIP = new Set(["/_global-error"]);
const pages = builtRoutes().filter(
  (r) => r.kind === "page" && !SKIP.has(r.pattern) && !r.pattern.startsWith("/portal/"),
);

async function values(page: Page): Promise<Record<string, string>> {
  const get = async <T>(url: string): Promise<T | null> => {
    const res = await page.request.get(url);
    return res.ok() ? ((await res.json()) as T) : null;
  };
  const agents = await get<{ agents: { id: string }[] }>("/api/replication/agents");
  const collections = await get<{ collections: { name: string }[] }>("/api/assets/collections");
  return {
    section: TOOL_SECTIONS[0].id,
    ...(agents?.agents[0] ? { id: agents.agents[0].id } : {}),
    ...(collections?.collections[0] ? { name: collections.collections[0].name } : {}),
  };
}

test("every console and gateway page has no serious or critical accessibility violation", async ({ page }) => {
  test.setTimeout(600_000); // about 20 pages, each analysed by axe
  expect(pages.length).toBeGreaterThan(15);
  const params = await values(page);
  const found: string[] = [];
  for (const r of pages) {
    const url = sampleUrl(r.pattern, params);
    if (r.pattern === "/login") continue; // signed in: redirected away; checked below
    await page.goto(url);
    await expect(page.locator("h1").first()).toBeVisible();
    found.push(...(await seriousA11y(page, url)));
  }
  expect(found).toEqual([]);
});

test("the login page and the forbidden page have no serious or critical violation", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const anon = await context.newPage();
  await anon.goto("/login");
  await expect(anon.getByLabel("User name")).toBeVisible();
  const found = await seriousA11y(anon, "/login");
  await context.close();
  expect(found).toEqual([]);
});

test("keyboard only: sign in, open the Assets console, create a folder and find it", async ({ browser, page }) => {
  test.setTimeout(180_000);
  const login = unique("keys");
  await createUser(page, { login, name: "Keyboard Author", role: "Author", password: "keyboard-pass-1" });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const kb = await context.newPage();
  await kb.goto("/login");
  // The user name field has the focus, or is the first stop.
  if (!(await kb.getByLabel("User name").evaluate((el) => el === document.activeElement)))
    await kb.keyboard.press("Tab");
  await kb.keyboard.type(login);
  await kb.keyboard.press("Tab");
  await kb.keyboard.type("keyboard-pass-1");
  await kb.keyboard.press("Enter");
  await expect(kb.getByRole("heading", { name: "Navigation" })).toBeVisible();
  await tabTo(kb, kb.getByRole("link", { name: /^Assets/ }).first());
  await kb.keyboard.press("Enter");
  await expect(kb).toHaveURL(/\/assets/);
  await tabTo(kb, kb.getByRole("button", { name: /^Create/ }).first());
  await kb.keyboard.press("Enter");
  const menuItem = kb.getByRole("menuitem", { name: /Folder/ });
  if (await menuItem.count()) {
    await expect(menuItem.first()).toBeVisible();
    await kb.keyboard.press("Enter");
  }
  const dialog = kb.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const title = unique("Keys");
  await kb.keyboard.type(title);
  await kb.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(kb.getByText(title).first()).toBeVisible();
  await context.close();
});

// Closing the selection bar by keyboard gives focus back to the checkbox that opened it (it fell
// to <body>, so the next Tab started over at the top of the page).
test("keyboard only: closing the selection bar returns focus to the card", async ({ page }) => {
  await page.goto("/assets");
  const checkbox = page.getByRole("article").first().getByRole("checkbox");
  await tabTo(page, checkbox);
  await page.keyboard.press("Space");
  const bar = page.getByRole("toolbar", { name: "Selection" });
  await expect(bar).toContainText("1 selected");
  await bar.getByRole("button", { name: "Close selection" }).focus();
  await page.keyboard.press("Enter");
  await expect(bar).toBeHidden();
  await expect(checkbox).toBeFocused();
  await expect(checkbox).not.toBeChecked();
});

/** Presses Tab until `target` has the focus (at most 80 times): what a keyboard user does. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>) {
  for (let i = 0; i < 80; i++) {
    if (
      await target
        .evaluate((el) => el === document.activeElement || el.contains(document.activeElement))
        .catch(() => false)
    )
      return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}
