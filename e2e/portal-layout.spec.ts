import { test, expect } from "./support/test";
import { unique } from "./support/helpers";
import { expectApart, expectInside, expectNoSidewaysScroll } from "./support/layout";
import { orgId, sampleTenantSignedIn, startIssuer } from "./support/portal";

// The portal on a phone: pages fit the window, and the header's name, tabs and user menu neither
// overlap nor leave it.

const ORG = orgId();
let issuer: Awaited<ReturnType<typeof startIssuer>>;
test.beforeAll(async () => {
  issuer = await startIssuer(ORG);
});
test.afterAll(() => issuer.close());

test("at phone width the header fits: name, tabs and user menu apart and in view, on every kind of page", async ({
  page,
  browser,
  baseURL,
}) => {
  const { slug, boss } = await sampleTenantSignedIn(page, browser, baseURL!, {
    name: unique("Acme Brand"),
    org: ORG,
    issuer,
  });
  await boss.setViewportSize({ width: 390, height: 844 });
  const header = boss.getByRole("banner");
  const tabs = header.getByRole("navigation", { name: "Portal" }).getByRole("link");
  for (const path of ["", "/folders/brand", "/collections/launch"]) {
    await boss.goto(`/portal/${slug}${path}`);
    await expectNoSidewaysScroll(boss);
    const name = header.getByRole("link").first();
    const menu = header.getByRole("button", { name: /^User menu for / });
    await expectInside(menu);
    await expectInside(tabs.last());
    await expectApart(name, menu, ...(await tabs.all()));
  }
  // The user menu opens from there.
  await header.getByRole("button", { name: /^User menu for / }).click();
  await expect(boss.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
});
