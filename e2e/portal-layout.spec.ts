import { test, expect } from "./support/test";
import { unique } from "./support/helpers";
import { expectApart, expectInside, expectNoSidewaysScroll } from "./support/layout";
import { orgId, publishCollection, sampleTenantSignedIn, startIssuer } from "./support/portal";

// The portal on a phone and on a laptop: pages fit the window, the header's name, tabs and user
// menu neither overlap nor leave it, and cards hold their badges.

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

test("a collection card holds its Administrators only badge beside the asset count", async ({
  page,
  browser,
  baseURL,
}) => {
  const { slug, boss } = await sampleTenantSignedIn(page, browser, baseURL!, {
    name: unique("Acme Cards"),
    org: ORG,
    issuer,
  });
  await publishCollection(baseURL!, slug, issuer.sign, "board", {
    title: "Board",
    memberPaths: ["/content/dam/brand/logo.png"],
    public: false,
  });
  await boss.setViewportSize({ width: 1280, height: 800 });
  await boss.goto(`/portal/${slug}`);
  for (const name of [/Board/, /Internal/]) {
    const card = boss.getByRole("link", { name }).filter({ hasText: "Administrators only" });
    const badge = card.getByText("Administrators only");
    await expectInside(badge, card);
    expect((await badge.boundingBox())!.height, "one line").toBeLessThan(26);
  }
});
