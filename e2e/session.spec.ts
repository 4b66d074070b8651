import { test, expect } from "./support/test";
import { expectNoSeriousA11y } from "./support/a11y";
import { createUser, signInAs, unique } from "./support/helpers";
import { E2E } from "./support/env";

test("API routes answer 401 and 403 as JSON, never a redirect", async ({ page, browser, playwright }) => {
  const anon = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const r401 = await anon.get("/api/me", { maxRedirects: 0 });
  expect(r401.status()).toBe(401);
  expect(await r401.json()).toMatchObject({ error: "unauthenticated" });

  const login = unique("reader");
  await createUser(page, { login, name: "Reader", role: "Author", password: "reader-password-1" });
  const author = await signInAs(browser, login, "reader-password-1");
  const r403 = await author.request.get("/api/users", { maxRedirects: 0 });
  expect(r403.status()).toBe(403);
  expect(await r403.json()).toMatchObject({ error: "forbidden" });
  expect(await (await author.request.get("/api/me")).json()).toMatchObject({ login, role: "author" });
  const admin = await page.request.get("/api/users?q=" + login);
  expect((await admin.json()).rows[0]).toMatchObject({ login });
  expect(JSON.stringify(await admin.json())).not.toContain("passwordHash");
});

test("the session cookie is httpOnly, SameSite=Lax and lasts 8 hours; the device cookie a year", async ({
  browser,
}) => {
  const page = await signInAs(browser, "admin", "e2e-admin-password-1");
  const cookie = (await page.context().cookies()).find((c) => c.name === "outpost_session")!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  const hours = (cookie.expires * 1000 - Date.now()) / 3_600_000;
  expect(hours).toBeGreaterThan(7.9);
  expect(hours).toBeLessThanOrEqual(8);
  // The device cookie: this browser signed in as admin, so strangers' guesses do not lock it out.
  const device = (await page.context().cookies()).find((c) => c.name === "outpost_device")!;
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect((device.expires * 1000 - Date.now()) / 86_400_000).toBeGreaterThan(364);
});

test("a deep link survives signing in", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/tools/security/users?q=adm");
  await expect(page).toHaveURL(/\/login\?next=%2Ftools%2Fsecurity%2Fusers%3Fq%3Dadm/);
  // keyboard only: type, Tab, type, Enter
  await page.getByLabel("User name").focus();
  await page.keyboard.type("admin");
  await page.keyboard.press("Tab");
  await page.keyboard.type("e2e-admin-password-1");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/tools\/security\/users\?q=adm/);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

  // A next= that browsers read as another site ("/\evil", "/<TAB>/evil") goes to the start page.
  for (const next of ["/%5Cevil.example/phish", "/%09/evil.example/phish", "/%0a/x"]) {
    const res = await page.goto(`/login?next=${next}`);
    expect(res?.status(), next).toBe(200);
    expect(new URL(page.url()).host, next).toBe(new URL(E2E.baseURL).host);
    await expect(page.getByRole("heading", { name: "Navigation" })).toBeVisible();
  }
});

test("health reports the version and the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(await res.json()).toMatchObject({
    status: "ok",
    database: "ok",
    provider: "sqlite",
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
  });
});

test("the shell pages have no serious accessibility violations", async ({ page }) => {
  for (const url of ["/", "/tools/security", "/tools/security/users", "/account"]) {
    await page.goto(url);
    await expect(page.getByRole("banner")).toBeVisible();
    await expectNoSeriousA11y(page, url);
  }
});

test("an address with a malformed %-escape is a 400 that says so, not a 500", async ({ page }) => {
  for (const path of [
    "/tools/cloud-services/brand-portal/%ZZ",
    "/portal/%ZZ",
    "/assets/%E0%A4%A",
    "/api/replication/agents/%ZZ",
    "/portal/acme/api/v1/assets/%ZZ",
  ]) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
    expect(await res.text(), path).toContain("malformed %-escape");
  }
});

test("a live page whose session ends stops polling and offers to sign in again", async ({ page }) => {
  await page.goto("/tools/nodes");
  await expect(page.getByRole("grid", { name: "Nodes" })).toBeVisible();
  await page.context().clearCookies(); // as when the session expires: every poll is now a 401
  const alert = page.getByRole("alert").filter({ hasText: "Live updates stopped: your session has ended." });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert.getByRole("link", { name: "Sign in again" })).toHaveAttribute(
    "href",
    "/login?next=%2Ftools%2Fnodes",
  );
  let polls = 0;
  page.on("request", (r) => r.url().includes("/api/") && polls++);
  await page.waitForTimeout(5_000);
  expect(polls).toBe(0);
});
