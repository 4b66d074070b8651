import { test, expect } from "./support/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { unique } from "./support/helpers";
import {
  createPortalTenant,
  fresh,
  orgId,
  portalSignIn,
  publishSample,
  sha,
  sampleTenantSignedIn,
  signInToPortal,
  startIssuer,
} from "./support/portal";
import { expectNoSeriousA11y } from "./support/a11y";

// The Brand Portal as its users see it. An Outpost administrator creates a tenant with its first
// Portal administrator; content arrives through the real receiving API (tokens from a gateway this
// spec runs, which the tenant trusts); the Portal administrator sees the folders with thumbnails,
// searches, downloads an asset (same SHA-256 as the original) and a folder as a ZIP; a Portal user
// sees only the public folder and gets 404 for the other by URL. axe on the pages it passes
// (every page, for both roles: portal-accessibility.spec.ts).

const ORG = orgId();
let issuer: Awaited<ReturnType<typeof startIssuer>>;
test.beforeAll(async () => {
  issuer = await startIssuer(ORG);
});
test.afterAll(() => issuer.close());

test("a Portal administrator browses, searches and downloads; a Portal user sees only the public folder", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000); // a long journey, and axe on six pages of a shared machine
  const name = unique("Acme Content");
  const { slug, password } = await createPortalTenant(page, {
    name,
    adminLogin: "boss",
    org: ORG,
    issuer: issuer.issuer,
  });
  const files = await publishSample(baseURL!, slug, issuer.sign);

  const boss = await fresh(browser);
  await signInToPortal(boss, slug, "boss", password);
  await expect(boss.getByRole("heading", { name, level: 1 })).toBeVisible();
  const folders = boss.getByRole("region", { name: "Folders" }).or(boss.locator("section[aria-labelledby=folders-h]"));
  await expect(folders.getByRole("link", { name: /Brand.*Public/ })).toBeVisible();
  await expect(folders.getByRole("link", { name: /Internal.*Administrators only/ })).toBeVisible();
  await expectNoSeriousA11y(boss);

  // The public folder: cards with the portal's own thumbnails (made in the background).
  await folders.getByRole("link", { name: /Brand/ }).click();
  await expect(boss).toHaveURL(new RegExp(`/portal/${slug}/folders/brand$`));
  await expect(boss.getByRole("heading", { name: "Brand", level: 1 })).toBeVisible();
  const logoCard = boss.getByRole("listitem").filter({ hasText: "Acme logo" });
  await expect(async () => {
    await boss.reload();
    await expect(logoCard.locator("img")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  expect(await logoCard.locator("img").evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(320);
  await expect(boss.getByRole("listitem").filter({ hasText: "Brand guidelines" })).toContainText("PDF");
  await expectNoSeriousA11y(boss);
  await boss.getByRole("link", { name: "List view" }).click();
  await expect(boss.getByRole("row", { name: /Spring hero.*1600 × 900/ })).toBeVisible();

  // The whole folder as one ZIP.
  const [zip] = await Promise.all([
    boss.waitForEvent("download"),
    boss.getByRole("button", { name: "Download folder" }).click(),
  ]);
  expect(zip.suggestedFilename()).toBe("brand.zip");
  const zipPath = await zip.path();
  expect(execFileSync("unzip", ["-Z1", zipPath], { encoding: "utf8" }).trim().split("\n").sort()).toEqual([
    "guidelines.pdf",
    "hero.jpg",
    "logo.png",
  ]);
  expect(sha(execFileSync("unzip", ["-p", zipPath, "hero.jpg"]))).toBe(sha(files.hero));

  // Search keeps the term in the URL and shows the same cards.
  await boss.getByRole("banner").getByRole("link", { name: "Search" }).click();
  await boss.getByRole("searchbox").fill("logo");
  await boss.getByRole("button", { name: "Search" }).click();
  await expect(boss).toHaveURL(/\/search\?q=logo/);
  await expect(boss.getByText("1 result")).toBeVisible();
  await expectNoSeriousA11y(boss);
  await boss.getByRole("link", { name: /Acme logo/ }).click();

  // The asset page: preview, metadata, renditions, who published it; the original's bytes.
  await expect(boss.getByRole("heading", { name: "Acme logo", level: 1 })).toBeVisible();
  await expect(boss.getByText("Spring campaign")).toBeVisible();
  await expect(boss.getByText("e2e-client")).toBeVisible();
  await expect(boss.getByText("Web (1280 px)")).toBeVisible();
  await expectNoSeriousA11y(boss);
  const [dl] = await Promise.all([
    boss.waitForEvent("download"),
    boss.getByRole("link", { name: "Download", exact: true }).click(),
  ]);
  expect(dl.suggestedFilename()).toBe("logo.png");
  expect(sha(readFileSync(await dl.path()))).toBe(sha(files.logo));

  // The publish report.
  await boss.getByRole("banner").getByRole("link", { name: "Report" }).click();
  await expect(boss.getByRole("heading", { name: "Publish report" })).toBeVisible();
  await expect(boss.getByRole("row", { name: /Spring campaign.*e2e-client/ })).toContainText("4");
  await expectNoSeriousA11y(boss);

  // A Portal user, created on the Users page, sees the public folder only.
  await boss.getByRole("banner").getByRole("link", { name: "Users" }).click();
  await boss.getByRole("button", { name: "Create" }).click();
  const dialog = boss.getByRole("dialog", { name: "Create portal user" });
  await dialog.getByLabel("User name").fill("ann");
  await dialog.getByLabel("Display name").fill("Ann Designer");
  await dialog.getByLabel("Initial password").fill("ann-password-123");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();

  const ann = await fresh(browser);
  await signInToPortal(ann, slug, "ann", "ann-password-123");
  await expect(ann.getByRole("link", { name: /Brand/ }).first()).toBeVisible();
  await expect(ann.getByText("Internal")).toHaveCount(0);
  await expect(ann.getByText("Administrators only")).toHaveCount(0);
  const hidden = await ann.goto(`/portal/${slug}/folders/internal`);
  expect(hidden?.status()).toBe(404);
  await expect(ann.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const report = await ann.goto(`/portal/${slug}/report`);
  expect(report?.status()).toBe(404);
  await ann.goto(`/portal/${slug}/search?q=secret`);
  await expect(ann.getByText("No assets match")).toBeVisible();
});

test("folder, collection and asset pages render without React errors; a collection downloads as a ZIP; a tenant named … Brand Portal is named once", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const org = orgId();
  const own = await startIssuer(org);
  try {
    const name = `${unique("Acme")} Brand Portal`;
    const { slug, password } = await createPortalTenant(page, { name, adminLogin: "boss", org, issuer: own.issuer });
    await publishSample(baseURL!, slug, own.sign);

    const boss = await fresh(browser);
    // Hydration errors (React #418: markup the browser must repair, such as a <nav> inside a <p>) reach the console.
    const errors: string[] = [];
    boss.on("pageerror", (e) => errors.push(e.message));
    boss.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    await boss.goto(`/portal/${slug}`);
    await expect(boss.getByText(`to ${name}`, { exact: true })).toBeVisible();
    await expect(boss).toHaveTitle(`Sign in · ${name}`);
    await portalSignIn(boss, "boss", password);
    await expect(boss.getByRole("navigation", { name: "Folders" })).toBeVisible();

    await boss.goto(`/portal/${slug}/folders/brand`);
    await expect(boss.getByRole("heading", { name: "Brand", level: 1 })).toBeVisible();
    // Breadcrumbs name folders by their titles, as the heading and the tree do.
    await expect(
      boss.getByRole("navigation", { name: "Breadcrumbs" }).getByText("Brand", { exact: true }),
    ).toBeVisible();
    const asset = await boss
      .getByRole("link", { name: /Acme logo/ })
      .first()
      .getAttribute("href");
    await boss.goto(`/portal/${slug}/collections/launch`);
    await expect(boss.getByRole("heading", { name: "Launch kit", level: 1 })).toBeVisible();
    await expect(boss).toHaveTitle(`Launch kit · ${name}`);
    // The collection as one ZIP, named after it: both members for an administrator.
    const [zip] = await Promise.all([
      boss.waitForEvent("download"),
      boss.getByRole("button", { name: "Download collection" }).click(),
    ]);
    expect(zip.suggestedFilename()).toBe("launch.zip");
    expect(
      execFileSync("unzip", ["-Z1", await zip.path()], { encoding: "utf8" })
        .trim()
        .split("\n")
        .sort(),
    ).toEqual(["logo.png", "secret.png"]);
    await boss.goto(asset!);
    await expect(boss.getByRole("heading", { name: "Acme logo", level: 1 })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await own.close();
  }
});

test("an asset card and its checkbox show keyboard focus", async ({ page, browser, baseURL }) => {
  const { slug, boss } = await sampleTenantSignedIn(page, browser, baseURL!, {
    name: unique("Acme Focus"),
    org: ORG,
    issuer,
  });
  await boss.goto(`/portal/${slug}/folders/brand`);
  const card = boss
    .getByRole("listitem")
    .filter({ has: boss.getByRole("checkbox", { name: /^Select / }) })
    .first();
  const box = card.getByRole("checkbox").locator("xpath=..");
  const shadow = (l: typeof card) => l.evaluate((e) => getComputedStyle(e).boxShadow);
  const [cardAtRest, boxAtRest] = [await shadow(card), await shadow(box)];

  // Tab from the checkbox before the grid: the first card's link, then its checkbox.
  await boss.getByRole("checkbox", { name: "Select all on this page" }).focus();
  await boss.keyboard.press("Tab");
  await expect(card.getByRole("link")).toBeFocused();
  // the link's own outline is clipped by the card's overflow-hidden: the card shows the focus
  await expect.poll(() => shadow(card)).not.toBe(cardAtRest); // polled: the card's shadow has a transition
  await boss.keyboard.press("Tab");
  await expect(card.getByRole("checkbox")).toBeFocused();
  await expect.poll(() => shadow(box)).not.toBe(boxAtRest);
  await expect.poll(() => shadow(card)).toBe(cardAtRest);
});
