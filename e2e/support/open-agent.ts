import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Opens an agent's page from its link in the agents table. The table refreshes live, and a click
 * that lands while the page is still hydrating may not navigate: click until the page is there.
 */
export async function openAgent(page: Page, link: Locator): Promise<void> {
  await expect(async () => {
    await link.click();
    await expect(page.getByRole("button", { name: "Test Connection" })).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}
