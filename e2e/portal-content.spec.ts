import { test, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createHash, randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import sharp from "sharp";
import { unique } from "./support/helpers";

// The Brand Portal as its users see it. An Outpost administrator creates a tenant with its first
// Portal administrator; content arrives through the real receiving API (tokens from a gateway this
// spec runs, which the tenant trusts); the Portal administrator sees the folders with thumbnails,
// searches, downloads an asset (same SHA-256 as the original) and a folder as a ZIP; a Portal user
// sees only the public folder and gets 404 for the other by URL. axe on every portal page.

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const ORG = `${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}@OutpostOrg`;

let issuer = "";
let sign: () => Promise<string>;
let jwks: http.Server;

test.beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "e2e", alg: "RS256", use: "sig" };
  // A minimal standard issuer: RFC 8414 metadata naming its JWKS (the portal finds keys by discovery).
  jwks = http.createServer((req, res) => {
    const json = (body: object) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.url === "/.well-known/oauth-authorization-server") {
      json({ issuer, jwks_uri: `${issuer}/.well-known/jwks.json`, response_types_supported: ["none"] });
    } else if (req.url === "/.well-known/jwks.json") json({ keys: [jwk] });
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => jwks.listen(0, "127.0.0.1", r));
  issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
  sign = () =>
    new SignJWT({ scope: "dam-read dam-write", org: ORG, client_id: "e2e-client" })
      .setProtectedHeader({ alg: "RS256", kid: "e2e", typ: "at+jwt" })
      .setIssuer(issuer)
      .setAudience("brand-portal")
      .setSubject("e2e-client")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(privateKey);
});
test.afterAll(() => new Promise<void>((r) => jwks.close(() => r())));

async function createTenant(page: Page, name: string) {
  await page.goto("/tools/replication/tenants");
  await page.getByRole("button", { name: "Create" }).click();
  const dialog = page.getByRole("dialog", { name: "Create Tenant" });
  await dialog.getByLabel("Name").fill(name);
  const slug = await dialog.getByLabel("Slug").inputValue();
  await dialog.getByLabel("Organization ID").fill(ORG);
  await dialog.getByLabel("Trusted issuer").fill(issuer);
  await dialog.getByLabel("Administrator login").fill("boss");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByText(`Tenant ${name} created`)).toBeVisible();
  const password = (await dialog.getByTestId("generated-password").textContent())!.trim();
  await dialog.getByRole("button", { name: "Done" }).click();
  return { slug, password };
}

async function publish(baseURL: string, slug: string) {
  const api = `${baseURL}/portal/${slug}/api/v1`;
  const auth = {
    authorization: `Bearer ${await sign()}`,
    "x-publication-id": "e2e-pub",
    "x-publication-title": "Spring%20campaign",
  };
  const folder = async (path: string, title: string, isPublic: boolean) => {
    const r = await fetch(`${api}/folders?path=${encodeURIComponent(path)}`, {
      method: "PUT",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ title, public: isPublic }),
    });
    expect(r.status).toBe(201);
  };
  const asset = async (path: string, body: Buffer, type: string, meta: object) => {
    const r = await fetch(`${api}/assets?path=${encodeURIComponent(path)}`, {
      method: "PUT",
      headers: {
        ...auth,
        "content-type": type,
        "x-content-sha256": sha(body),
        "x-asset-size": String(body.length),
        "x-asset-version": "1",
        "x-asset-metadata": Buffer.from(JSON.stringify(meta)).toString("base64url"),
      },
      body: new Uint8Array(body),
    });
    expect(r.status).toBe(201);
  };
  const logo = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#1473e6" } })
    .png()
    .toBuffer();
  const hero = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#e6a214" } })
    .jpeg()
    .toBuffer();
  const secret = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#d7373f" } })
    .png()
    .toBuffer();
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
  await folder("/content/dam/brand", "Brand", true);
  await asset("/content/dam/brand/logo.png", logo, "image/png", {
    title: "Acme logo",
    tags: ["logo"],
    width: 900,
    height: 600,
    public: true,
  });
  await asset("/content/dam/brand/hero.jpg", hero, "image/jpeg", {
    title: "Spring hero",
    width: 1600,
    height: 900,
    public: true,
  });
  await asset("/content/dam/brand/guidelines.pdf", pdf, "application/pdf", { title: "Brand guidelines", public: true });
  await folder("/content/dam/internal", "Internal", false);
  await asset("/content/dam/internal/secret.png", secret, "image/png", { title: "Secret launch", public: false });
  return { logo, hero, pdf };
}

async function fresh(browser: Browser): Promise<Page> {
  return (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
}

async function signIn(page: Page, slug: string, login: string, password: string) {
  await page.goto(`/portal/${slug}`);
  await page.getByLabel("User name").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Folders" })).toBeVisible();
}

async function expectNoSeriousA11y(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${page.url()}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
}

test("a Portal administrator browses, searches and downloads; a Portal user sees only the public folder", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000); // a long journey, and axe on six pages of a shared machine
  const name = unique("Acme Content");
  const { slug, password } = await createTenant(page, name);
  const files = await publish(baseURL!, slug);

  const boss = await fresh(browser);
  await signIn(boss, slug, "boss", password);
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
  await signIn(ann, slug, "ann", "ann-password-123");
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
