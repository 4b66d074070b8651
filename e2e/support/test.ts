import { test as base, type Page } from "@playwright/test";

export { expect } from "@playwright/test";

/**
 * The specs' `test`: every page waits, after `goto` and `reload`, until React has hydrated it
 * (`<html data-hydrated>`, set by the root providers). A click or a keystroke that lands before
 * then is lost, since the server-rendered button has no handler yet.
 */
export const test = base.extend({
  browser: [
    async ({ browser }, provide) => {
      const newContext = browser.newContext.bind(browser);
      const newPage = browser.newPage.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        context.on("page", waitForHydrationOnLoad);
        return context;
      };
      browser.newPage = async (options) => waitForHydrationOnLoad(await newPage(options));
      await provide(browser);
    },
    { scope: "worker" },
  ],
  context: async ({ context }, provide) => {
    context.on("page", waitForHydrationOnLoad);
    await provide(context);
  },
  page: async ({ page }, provide) => {
    await provide(waitForHydrationOnLoad(page));
  },
});

const patched = new WeakSet<Page>();

function waitForHydrationOnLoad(page: Page): Page {
  if (patched.has(page)) return page;
  patched.add(page);
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => hydrated(page, await goto(url, options));
  page.reload = async (options) => hydrated(page, await reload(options));
  return page;
}

type Response = Awaited<ReturnType<Page["goto"]>>;

async function hydrated(page: Page, response: Response): Promise<Response> {
  // Only the app's pages hydrate; a JSON answer or a download does not.
  if (response?.headers()["content-type"]?.startsWith("text/html")) {
    await page.waitForSelector("html[data-hydrated]", { state: "attached" });
  }
  return response;
}
