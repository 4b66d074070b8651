import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Browser, type Page } from "@playwright/test";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import sharp from "sharp";

// The Brand Portal's specs share these: a tenant created in the console with its first Portal
// administrator, signing in at the tenant URL, content published through the real receiving API
// (tokens from a minimal issuer the spec runs, which the tenant trusts), and axe.

export const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** A gateway organization's tech id, unique per call. */
export const orgId = () => `${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}@OutpostOrg`;

/** A page in a context of its own, signed in nowhere. */
export async function fresh(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

/**
 * Tools › Deployment › Brand Portal Tenants › Create, as an Outpost administrator; returns the slug
 * and the first Portal administrator's generated password (shown once).
 */
export async function createPortalTenant(
  page: Page,
  t: { name: string; adminLogin?: string; org?: string; issuer?: string },
): Promise<{ slug: string; password: string }> {
  await page.goto("/tools/replication/tenants");
  await page.getByRole("button", { name: "Create" }).click();
  const dialog = page.getByRole("dialog", { name: "Create Tenant" });
  await dialog.getByLabel("Name").fill(t.name);
  const slug = await dialog.getByLabel("Slug").inputValue();
  await dialog.getByLabel("Organization ID").fill(t.org ?? orgId());
  if (t.issuer) await dialog.getByLabel("Trusted issuer").fill(t.issuer);
  await expect(dialog.getByLabel("Administrator login")).toHaveValue("admin");
  if (t.adminLogin) await dialog.getByLabel("Administrator login").fill(t.adminLogin);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByText(`Tenant ${t.name} created`)).toBeVisible();
  await expect(dialog.getByText(`/portal/${slug}`)).toBeVisible();
  const password = (await dialog.getByTestId("generated-password").textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  return { slug, password };
}

/** Fills and sends the portal's sign-in form on the current page. */
export async function portalSignIn(page: Page, login: string, password: string) {
  await page.getByLabel("User name").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens the tenant URL (sent to its sign-in page), signs in and waits for the landing page. */
export async function signInToPortal(page: Page, slug: string, login: string, password: string) {
  await page.goto(`/portal/${slug}`);
  await portalSignIn(page, login, password);
  await expect(page.getByRole("navigation", { name: "Folders" })).toBeVisible();
}

/**
 * A new tenant trusting `issuer`, with the sample content, and its Portal administrator signed in
 * on a page of their own (`boss`).
 */
export async function sampleTenantSignedIn(
  page: Page,
  browser: Browser,
  baseURL: string,
  t: { name: string; org: string; issuer: { issuer: string; sign: () => Promise<string> } },
) {
  const { slug, password } = await createPortalTenant(page, { name: t.name, org: t.org, issuer: t.issuer.issuer });
  await publishSample(baseURL, slug, t.issuer.sign);
  const boss = await fresh(browser);
  await signInToPortal(boss, slug, "admin", password);
  return { slug, password, boss };
}

/**
 * A minimal standard issuer (RFC 8414 metadata naming its JWKS: the portal finds keys by
 * discovery) that signs access tokens for one organization. Start it in beforeAll, close it after.
 */
export async function startIssuer(org: string) {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "e2e", alg: "RS256", use: "sig" };
  let issuer = "";
  const server = http.createServer((req, res) => {
    const json = (body: object) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.url === "/.well-known/oauth-authorization-server") {
      json({ issuer, jwks_uri: `${issuer}/.well-known/jwks.json`, response_types_supported: ["none"] });
    } else if (req.url === "/.well-known/jwks.json") json({ keys: [jwk] });
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sign = () =>
    new SignJWT({ scope: "dam-read dam-write", org, client_id: "e2e-client" })
      .setProtectedHeader({ alg: "RS256", kid: "e2e", typ: "at+jwt" })
      .setIssuer(issuer)
      .setAudience("brand-portal")
      .setSubject("e2e-client")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(privateKey);
  return { issuer, sign, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Publishes the sample content through the receiving API: a public folder "Brand" with a logo, a
 * hero image and a PDF, a non-public folder "Internal" with one image, and a public collection
 * "launch" of the logo and the internal image. Returns the originals' bytes.
 */
export async function publishSample(baseURL: string, slug: string, sign: () => Promise<string>) {
  const api = `${baseURL}/portal/${slug}/api/v1`;
  const auth = await publicationHeaders(sign);
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
  await publishCollection(baseURL, slug, sign, "launch", {
    title: "Launch kit",
    memberPaths: ["/content/dam/brand/logo.png", "/content/dam/internal/secret.png"],
    public: true,
  });
  return { logo, hero, pdf };
}

/** Publishes (or replaces) a collection through the receiving API. */
export async function publishCollection(
  baseURL: string,
  slug: string,
  sign: () => Promise<string>,
  name: string,
  c: { title: string; memberPaths: string[]; public: boolean },
) {
  const r = await fetch(`${baseURL}/portal/${slug}/api/v1/collections/${name}`, {
    method: "PUT",
    headers: { ...(await publicationHeaders(sign)), "content-type": "application/json" },
    body: JSON.stringify({ title: c.title, description: "", memberPaths: c.memberPaths, public: c.public }),
  });
  expect(r.status).toBeLessThan(300);
}

const publicationHeaders = async (sign: () => Promise<string>) => ({
  authorization: `Bearer ${await sign()}`,
  "x-publication-id": "e2e-pub",
  "x-publication-title": "Spring%20campaign",
});
