import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { builtRoutes, sampleUrl } from "./support/built-routes";
import { unique } from "./support/helpers";
import { fresh, orgId, sampleTenantSignedIn, signInToPortal, startIssuer } from "./support/portal";
import { seriousA11y } from "./support/a11y";

// axe over every Brand Portal page of the build (the same listing as the security matrix), as a
// Portal administrator and as a Portal user (who sees less, and the not-found page where an
// administrator's page is refused), plus the anonymous sign-in page: zero serious or critical
// violations. A portal page the build lists but this spec cannot fill in fails it, so a new page
// is covered by adding its sample URL below.

const ORG = orgId();
let issuer: Awaited<ReturnType<typeof startIssuer>>;
test.beforeAll(async () => {
  issuer = await startIssuer(ORG);
});
test.afterAll(() => issuer.close());

/** The URLs each portal page is checked at (besides the plain sample URL), by pattern. */
const VARIANTS: Record<string, string[]> = {
  "/portal/[tenant]": ["?view=list"],
  "/portal/[tenant]/folders/[...path]": ["?view=list&sort=size&dir=desc"],
  "/portal/[tenant]/search": ["?q=logo", "?q=brand&type=image&view=list", "?q=nothing-matches-this"],
  "/portal/[tenant]/collections/[name]": ["?view=list"],
};
/** Pages only a Portal administrator has: a Portal user gets the not-found page there. */
const ADMIN_ONLY = new Set(["/portal/[tenant]/users", "/portal/[tenant]/report"]);
const SIGN_IN = "/portal/[tenant]/login";

test("every portal page has no serious or critical accessibility violation, for either role", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000); // about 25 page views, each analysed by axe on a shared machine
  const pages = builtRoutes()
    .filter((r) => r.kind === "page" && r.pattern.startsWith("/portal/"))
    .map((r) => r.pattern);
  expect(pages.length).toBeGreaterThanOrEqual(9);

  const { slug, boss } = await sampleTenantSignedIn(page, browser, baseURL!, {
    name: unique("Axe Portal"),
    org: ORG,
    issuer,
  });
  // A Portal user, created on the Users page.
  await boss.goto(`/portal/${slug}/users`);
  await boss.getByRole("button", { name: "Create" }).click();
  const dialog = boss.getByRole("dialog", { name: "Create portal user" });
  await dialog.getByLabel("User name").fill("reader");
  await dialog.getByLabel("Display name").fill("Rea Der");
  await dialog.getByLabel("Initial password").fill("reader-password-1");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  const reader = await fresh(browser);
  await signInToPortal(reader, slug, "reader", "reader-password-1");

  // Real records for the parameters: a public asset (both roles see it), the public folder and collection.
  await boss.goto(`/portal/${slug}/folders/brand`);
  const href = await boss
    .getByRole("link", { name: /Acme logo/ })
    .first()
    .getAttribute("href");
  const id = href!.split("/").pop()!;
  const values = { tenant: slug, path: "brand", id, name: "launch" };

  const found: string[] = [];
  const check = async (who: Page, url: string, expectNotFound: boolean) => {
    const res = await who.goto(url);
    if (expectNotFound) {
      expect(res?.status(), url).toBe(404);
      await expect(who.getByRole("heading", { name: "Page not found" })).toBeVisible();
    } else {
      expect(res?.status(), url).toBe(200);
      await expect(who.locator("h1").first()).toBeVisible();
    }
    found.push(...(await seriousA11y(who)));
  };
  for (const pattern of pages) {
    if (pattern === SIGN_IN) continue; // signed in: sent on; checked anonymously below
    const base = sampleUrl(pattern, values);
    for (const suffix of ["", ...(VARIANTS[pattern] ?? [])]) {
      await check(boss, base + suffix, false);
      await check(reader, base + suffix, ADMIN_ONLY.has(pattern));
    }
  }
  // Not found as such: a folder the Portal user may not see, an asset id of nothing.
  await check(reader, `/portal/${slug}/folders/internal`, true);
  await check(boss, `/portal/${slug}/assets/nothing-here`, true);

  const anon = await fresh(browser);
  const login = await anon.goto(sampleUrl(SIGN_IN, values));
  expect(login?.status()).toBe(200);
  await expect(anon.getByLabel("User name")).toBeVisible();
  found.push(...(await seriousA11y(anon)));
  // The sign-in page showing its error.
  await anon.getByLabel("User name").fill("nobody");
  await anon.getByLabel("Password").fill("wrong-password-1");
  await anon.getByRole("button", { name: "Sign in" }).click();
  await expect(anon.getByRole("alert").filter({ hasText: "Invalid user name or password" })).toBeVisible();
  found.push(...(await seriousA11y(anon)));

  expect(found).toEqual([]);
});
