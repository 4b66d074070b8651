import { expect, type Browser, type Page } from "@playwright/test";

/** A name no other spec (or earlier run) uses. */
export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Signs in through the login page in a fresh context (no stored session). */
export async function signInAs(browser: Browser, login: string, password: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("User name").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Navigation" })).toBeVisible();
  return page;
}

/** Creates a console user through Tools › Security › Users (as the signed-in administrator). */
export async function createUser(
  page: Page,
  user: { login: string; name: string; role: "Administrator" | "Author"; password: string },
) {
  await page.goto("/tools/security/users");
  await page.getByRole("button", { name: "Create" }).click();
  const dialog = page.getByRole("dialog", { name: "Create user" });
  await dialog.getByLabel("User name").fill(user.login);
  await dialog.getByLabel("Name", { exact: true }).fill(user.name);
  await dialog.getByRole("button", { name: /Role/ }).click();
  await page.getByRole("option", { name: new RegExp(`^${user.role}`) }).click();
  await dialog.getByLabel("Initial password").fill(user.password);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: new RegExp(user.login) })).toBeVisible();
}

/** Assets › Create › Folder in the folder on screen; returns the new folder's name. */
export async function createFolder(page: Page, title: string): Promise<string> {
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByRole("menuitem", { name: "Folder" }).click();
  const create = page.getByRole("dialog", { name: "Create Folder" });
  await create.getByLabel("Title").fill(title);
  const name = await create.getByLabel("Name").inputValue();
  await create.getByRole("button", { name: "Create" }).click();
  await expect(create).toBeHidden();
  return name;
}

/** Creates a gateway organization (Tools › OAuth Gateway) and returns its technical ID. */
export async function createOrganization(page: Page, name: string): Promise<string> {
  await page.goto("/gateway/organizations");
  await page.getByRole("button", { name: "Create Organization" }).click();
  const dialog = page.getByRole("dialog", { name: "Create Organization" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toBeVisible();
  const techId = (await row.getByText(/@OutpostOrg$/).textContent())!.trim();
  expect(techId).toMatch(/^[0-9A-F]{10}@OutpostOrg$/);
  return techId;
}

/**
 * A workflow instance's State (the first fact of its Summary). Not the Summary's text: its
 * "Completed" date label is there while the instance still runs.
 */
export const instanceState = (page: Page) =>
  page.getByRole("region", { name: "Summary" }).getByRole("definition").first();
