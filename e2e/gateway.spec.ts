import { request as playwrightRequest, type Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createRemoteJWKSet, importPKCS8, jwtVerify, SignJWT } from "jose";
import { createOrganization, createUser, signInAs, unique } from "./support/helpers";
import { E2E } from "./support/env";

// The gateway from an administrator's seat (register a console), from an author's (refused), and
// from a console's (the token endpoint and JWKS need no session).

const ISSUER = `${E2E.baseURL}/gateway`;

async function addApplication(page: Page, name: string, org: string) {
  await page.goto("/gateway");
  await page.getByRole("button", { name: "Add Application" }).click();
  const dialog = page.getByRole("dialog", { name: "Add Application" });
  await dialog.getByLabel("Application Name").fill(name);
  await dialog.getByLabel("Description").fill("Outpost author console");
  await dialog.getByRole("button", { name: /Organization/ }).click();
  await page.getByRole("option", { name: new RegExp(org) }).click();
  for (const scope of ["dam-read", "dam-sync", "dam-write", "cc-share"])
    await expect(dialog.getByRole("checkbox", { name: new RegExp(scope) })).toBeChecked();
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page).toHaveURL(/\/gateway\/applications\/app-[0-9a-f]{20}$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

test("an administrator registers a console: organization, application, ID copied, public key saved, token issued without a session", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/tools/gateway");
  await page.getByRole("link", { name: /JWT Applications/ }).click();
  await expect(page.getByRole("heading", { name: "JWT Applications", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" })).toHaveText(
    /Tools\s*OAuth Gateway\s*JWT Applications/,
  );

  const org = unique("Acme Brands");
  const techId = await createOrganization(page, org);
  const appName = unique("AEM Author");
  await addApplication(page, appName, org);

  // Application ID: shown, copied to the clipboard; the secret is masked and not in the page's HTML
  const clientId = (await page.getByTestId("application-id").textContent())!.trim();
  expect(clientId).toMatch(/^app-[0-9a-f]{20}$/);
  await page.getByRole("button", { name: "Copy application ID" }).click();
  await expect(page.getByText("Application ID copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(clientId);
  await expect(
    page.getByText("Ensure that you do not inadvertently copy the application secret instead of application ID"),
  ).toBeVisible();
  const initialHtml = await page.content();
  await expect(page.getByTestId("application-secret")).toHaveText(/^•+$/);
  await page.getByRole("button", { name: "Reveal application secret" }).click();
  await expect(page.getByTestId("application-secret")).toHaveText(/^ops_/);
  const secret = (await page.getByTestId("application-secret").textContent())!;
  expect(secret).not.toBe(clientId);
  expect(initialHtml).not.toContain(secret);
  await page.getByRole("button", { name: "Hide application secret" }).click();
  await expect(page.getByTestId("application-secret")).toHaveText(/^•+$/);

  // A private key pasted by mistake is refused and never sent; a 2048-bit public key is saved
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: "spki", format: "pem" }) as string;
  const privatePem = privateKey.export({ type: "pkcs8", format: "pem" }) as string;
  const keyField = page.getByRole("textbox", { name: "Public Key" });
  await keyField.fill(privatePem);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/This is a private key\. Paste the public key only/)).toBeVisible();
  await expect(keyField).toHaveValue("");
  await keyField.fill(publicPem);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "Application updated" }).first(),
  ).toBeVisible();
  await expect(page.getByText("RSA-2048").first()).toBeVisible();
  await page.reload();
  await expect(keyField).toHaveValue(publicPem.trim());

  // The console's side: a signed assertion, no cookies at all
  const anon = await playwrightRequest.newContext({ baseURL: E2E.baseURL, storageState: { cookies: [], origins: [] } });
  const now = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "RS256" })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(`${ISSUER}/oauth/token`)
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .setJti(randomUUID())
    .sign(await importPKCS8(privatePem, "RS256"));
  const res = await anon.post("/gateway/oauth/token", {
    form: { grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "dam-read dam-sync dam-write cc-share" });
  const { payload } = await jwtVerify(
    body.access_token,
    createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`)),
    { issuer: ISSUER, audience: "brand-portal" },
  );
  expect(payload).toMatchObject({ sub: clientId, client_id: clientId, org: techId });
  const replay = await anon.post("/gateway/oauth/token", {
    form: { grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion },
  });
  expect(replay.status()).toBe(400);
  expect((await replay.json()).error).toBe("invalid_grant");
  await anon.dispose();

  // Both requests are in the application's token log, newest first
  await page.reload();
  const log = page.getByRole("grid", { name: "Token requests" });
  await expect(log.getByRole("row")).toHaveCount(3);
  await expect(log.getByRole("row").nth(1)).toContainText("invalid_grant");
  await expect(log.getByRole("row").nth(2)).toContainText("Token issued");
});

test("a refused Create keeps keyboard focus in the dialog, so Escape still closes it", async ({ page }) => {
  await page.goto("/gateway/organizations");
  await page.getByRole("button", { name: "Create Organization" }).click();
  const dialog = page.getByRole("dialog", { name: "Create Organization" });
  const create = dialog.getByRole("button", { name: "Create", exact: true });
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await page.keyboard.press("Tab"); // Cancel
  await page.keyboard.press("Tab");
  await expect(create).toBeFocused();
  await page.keyboard.press("Enter"); // Name left empty
  await expect(dialog.getByText("Enter a name")).toBeVisible();
  await expect(create).toBeFocused(); // a button disabled while sending would have dropped it to <body>
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("applications are searchable and deleted with confirmation", async ({ page }) => {
  const org = unique("Globex");
  await createOrganization(page, org);
  const keep = unique("Keep me");
  const drop = unique("Drop me");
  await addApplication(page, keep, org);
  await addApplication(page, drop, org);

  await page.goto("/gateway");
  await page.getByRole("searchbox", { name: "Search applications" }).fill(drop);
  await expect(page.getByRole("link", { name: drop })).toBeVisible();
  await expect(page.getByRole("link", { name: keep })).toHaveCount(0);
  await page.getByRole("link", { name: drop }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete application" });
  await expect(confirm).toContainText(drop);
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/gateway$/);
  await expect(page.getByRole("link", { name: keep })).toBeVisible();
  await expect(page.getByRole("link", { name: drop })).toHaveCount(0);
});

test("an author cannot open the gateway, while its public endpoints need no session", async ({ page, browser }) => {
  const login = unique("author");
  await createUser(page, { login, name: "Gail Author", role: "Author", password: "author-password-1" });
  const author = await signInAs(browser, login, "author-password-1");
  for (const path of ["/gateway", "/gateway/organizations", "/gateway/keys"]) {
    const res = await author.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(author.getByRole("heading", { name: "You don't have access" })).toBeVisible();
  }
  await expect(author.getByText("JWT Applications")).toHaveCount(0);
  await author.goto("/tools/gateway");
  await expect(author.getByRole("link", { name: /JWT Applications/ })).toHaveCount(0);

  const anon = await playwrightRequest.newContext({ baseURL: E2E.baseURL, storageState: { cookies: [], origins: [] } });
  const jwks = await anon.get("/gateway/.well-known/jwks.json");
  expect(jwks.status()).toBe(200);
  expect((await jwks.json()).keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
  for (const path of [
    "/gateway/.well-known/oauth-authorization-server",
    "/.well-known/oauth-authorization-server/gateway",
  ]) {
    const meta = await anon.get(path);
    expect(meta.status(), path).toBe(200);
    expect(await meta.json()).toMatchObject({ issuer: ISSUER, token_endpoint: `${ISSUER}/oauth/token` });
  }
  const refused = await anon.post("/gateway/oauth/token", { form: { grant_type: "client_credentials" } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: "invalid_client" });
  const huge = await anon.post("/gateway/oauth/token", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: `grant_type=client_credentials&x=${"a".repeat(20_000)}`,
  });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error).toBe("invalid_request");
  const json = await anon.post("/gateway/oauth/token", { data: { grant_type: "client_credentials" } });
  expect(json.status()).toBe(415);
  const page403 = await anon.get("/gateway", { maxRedirects: 0 });
  expect(page403.status()).toBe(307); // the admin pages send anonymous visitors to the login page
  await anon.dispose();
});
