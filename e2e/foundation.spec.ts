import { test, expect } from "./support/test";
import { createUser, signInAs, unique } from "./support/helpers";

test("admin creates an author, who sees Assets but is refused Tools › Security, and signs out", async ({
  page,
  browser,
}) => {
  const login = unique("author");
  const password = "author-password-1";
  await createUser(page, { login, name: "Ada Author", role: "Author", password });

  const author = await signInAs(browser, login, password);
  await expect(author.getByRole("link", { name: /Assets/ }).first()).toBeVisible();
  await expect(author.getByRole("banner")).toContainText("Ada Author");

  const res = await author.goto("/tools/security/users");
  expect(res?.status()).toBe(403);
  await expect(author.getByRole("heading", { name: "You don't have access" })).toBeVisible();
  await expect(author.getByText(login)).toHaveCount(0);
  expect((await author.goto("/tools/security"))?.status()).toBe(403);

  // The API refuses with JSON, never a redirect.
  const api = await author.request.get("/api/health");
  expect(api.ok()).toBeTruthy();

  await author.goto("/");
  await author.getByRole("button", { name: /User menu/ }).click();
  await author.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(author).toHaveURL(/\/login/);
  await author.goto("/tools");
  await expect(author).toHaveURL(/\/login\?next=%2Ftools/);
});

test("a wrong password gets one message for known and unknown users", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  for (const login of ["admin", "nobody-here"]) {
    await page.goto("/login");
    await page.getByLabel("User name").fill(login);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Invalid" })).toHaveText("Invalid user name or password");
  }
});

test("the Tools page lists its sections and Security › Users for an administrator", async ({ page }) => {
  await page.goto("/tools");
  const sections = page.getByRole("navigation", { name: "Tools sections" });
  await expect(sections.getByRole("link", { name: "Security" })).toBeVisible();
  await sections.getByRole("link", { name: "Security" }).click();
  await page.getByRole("link", { name: /Users/ }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" })).toContainText("Security");
});

test("overlong input gets a field error", async ({ page }) => {
  await page.goto("/tools/security/users");
  await page.getByRole("button", { name: "Create" }).click();
  const dialog = page.getByRole("dialog", { name: "Create user" });
  await dialog.getByLabel("User name").fill("x".repeat(80));
  await dialog.getByLabel("Name", { exact: true }).fill("Someone");
  await dialog.getByLabel("Initial password").fill("short");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByText("User name must be at most 64 characters")).toBeVisible();
  await expect(dialog.getByText("Password must be at least 10 characters")).toBeVisible();
});
