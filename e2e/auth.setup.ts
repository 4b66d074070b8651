import { test as setup, expect } from "./support/test";
import { E2E } from "./support/env";

// Signs in once as the first-start administrator; the console project reuses the session.
setup("sign in as the first-start admin", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?next=%2F/);
  await page.getByLabel("User name").fill("admin");
  await page.getByLabel("Password").fill(E2E.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Navigation" })).toBeVisible();
  await page.context().storageState({ path: E2E.adminState });
});
