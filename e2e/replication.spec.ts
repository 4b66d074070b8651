import { test, expect } from "./support/test";
import { createOrganization, createUser, signInAs, unique } from "./support/helpers";
import { addApplication, createConfiguration, createTenant, pastePublicKey } from "./support/brand-portal";
import { E2E } from "./support/env";
import { openAgent } from "./support/open-agent";

// The reference's "Test the integration", end to end through the UIs: the gateway administrator
// registers the console, a tenant is created for the organization, the Brand Portal
// configuration gets the tenant URL and client ID and its public key goes to the gateway; then
// Tools › Deployment › Replication › Agents on author shows the four agents, Test Connection
// succeeds, and Pause/Resume is kept across reloads. An author is refused.

test("Agents on author: the four agents of a configuration, Test Connection succeeds, Pause/Resume is kept", async ({
  page,
  context,
}) => {
  const org = unique("Replication Org");
  const techId = await createOrganization(page, org);
  const { url: tenantUrl } = await createTenant(page, unique("Acme Portal"), techId);
  const clientId = await addApplication(page, unique("AEM Author"), org);
  const title = `Replication ${unique("r").slice(2)}`;
  const pem = await createConfiguration(page, title, tenantUrl, clientId);
  await pastePublicKey(page, clientId, pem);

  // Tools › Deployment › Replication › Agents on author
  await page.goto("/tools");
  await page.getByRole("navigation", { name: "Tools sections" }).getByRole("link", { name: "Deployment" }).click();
  await page.getByRole("link", { name: /^Replication/ }).click();
  await expect(page.getByRole("heading", { name: "Replication", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: /Agents on author/ }).click();
  await expect(page.getByRole("heading", { name: "Agents on author", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" })).toHaveText(
    /Tools\s*Deployment\s*Replication\s*Agents on author/,
  );
  const list = page.getByRole("grid", { name: "Agents on author" });
  const rows = list.getByRole("row").filter({ hasText: title });
  await expect(rows).toHaveCount(4);
  for (let i = 1; i <= 4; i++) {
    const row = rows.filter({ hasText: `Brand Portal agent ${i}` });
    await expect(row).toContainText(tenantUrl);
    await expect(row).toContainText("Enabled");
    await expect(row).toContainText("Idle");
  }

  // Agent page: status block, settings, Test Connection
  await rows.filter({ hasText: "Brand Portal agent 1" }).getByRole("link", { name: "Brand Portal agent 1" }).click();
  await expect(page.getByRole("heading", { name: "Brand Portal agent 1", level: 1 })).toBeVisible();
  const status = page.getByRole("region", { name: "Status" });
  await expect(status).toContainText("Agent is enabled.");
  await expect(status).toContainText("Queue is idle");
  await expect(page.getByRole("region", { name: "Settings" })).toContainText("60,000 ms");
  const agentUrl = page.url();

  await page.getByRole("button", { name: "Test Connection" }).click();
  const test = page.getByRole("dialog", { name: "Test Connection: Brand Portal agent 1" });
  const log = test.getByRole("log", { name: "Test Connection log" });
  await expect(log).toContainText("Replication test succeeded", { timeout: 30_000 });
  await expect(log).toContainText(`Creating the JWT assertion for client ID ${clientId}`);
  await expect(log).toContainText(`Requesting an access token from ${E2E.baseURL}/gateway/oauth/token`);
  await expect(log).toContainText(/Token received: expires in 3[56]\d\d s/);
  await expect(log).toContainText(`Sending a test request: GET ${tenantUrl}/api/v1/ping`);
  await expect(log).toContainText("Tenant answered HTTP 200");
  await test.getByRole("button", { name: "Close" }).click();

  // The test is in the agent's log
  await page.getByRole("link", { name: "View Log" }).click();
  await expect(page.getByRole("grid", { name: "Agent log" })).toContainText(
    "Test Connection: replication test succeeded",
  );

  // Pause: kept across a reload, and the list (open in another tab) shows it without reloading
  const listTab = await context.newPage();
  await listTab.goto("/tools/replication/agents");
  const listRow = listTab
    .getByRole("grid", { name: "Agents on author" })
    .getByRole("row")
    .filter({ hasText: title })
    .filter({ hasText: "Brand Portal agent 1" });
  await expect(listRow).toContainText("Enabled");

  await page.goto(agentUrl);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Agent is paused");
  await page.reload();
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Agent is paused");
  await expect(listRow).toContainText("Paused"); // live: TanStack Query polling, no reload
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("region", { name: "Status" })).not.toContainText("Agent is paused");
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect(listRow).toContainText("Enabled");
  await listTab.close();
});

test("Test Connection names the cause when the gateway has another public key", async ({ page }) => {
  const org = unique("Wrong Key Org");
  const techId = await createOrganization(page, org);
  const { url: tenantUrl } = await createTenant(page, unique("Wrong Key Portal"), techId);
  const clientId = await addApplication(page, unique("Wrong Key App"), org);
  const title = `Wrong key ${unique("w").slice(2)}`;
  await createConfiguration(page, title, tenantUrl, clientId);
  // Someone pastes another configuration's key into the application.
  const other = await createConfiguration(page, `Other ${unique("o").slice(2)}`, tenantUrl, clientId);
  await pastePublicKey(page, clientId, other);

  await page.goto("/tools/replication/agents");
  const row = page
    .getByRole("grid", { name: "Agents on author" })
    .getByRole("row")
    .filter({ hasText: title })
    .filter({ hasText: "Brand Portal agent 2" });
  await openAgent(page, row.getByRole("link", { name: "Brand Portal agent 2" }));
  await page.getByRole("button", { name: "Test Connection" }).click();
  const log = page.getByRole("log", { name: "Test Connection log" });
  await expect(log).toContainText(
    "Replication test failed: The gateway did not verify the assertion with the public key it holds for client ID",
    { timeout: 30_000 },
  );
  await expect(log).toContainText("Token request failed: HTTP 400 invalid_grant: signature verification failed");
});

test("an author is refused the replication screens and their API", async ({ page, browser }) => {
  const login = unique("author");
  await createUser(page, { login, name: "Replication Author", role: "Author", password: "author-password-1" });
  const author = await signInAs(browser, login, "author-password-1");

  await author.goto("/tools");
  await expect(
    author.getByRole("navigation", { name: "Tools sections" }).getByRole("link", { name: "Deployment" }),
  ).toHaveCount(0);
  await expect(author.getByRole("link", { name: /Replication|Brand Portal Tenants/ })).toHaveCount(0);
  for (const url of [
    "/tools/deployment",
    "/tools/replication",
    "/tools/replication/agents",
    "/tools/replication/tenants",
  ]) {
    const res = await author.goto(url);
    expect(res?.status()).toBe(403);
    await expect(author.getByRole("heading", { name: "You don't have access" })).toBeVisible();
    await expect(author.getByText("Brand Portal agent")).toHaveCount(0);
  }
  const api = await author.request.get("/api/replication/agents");
  expect(api.status()).toBe(403);
  expect(await api.json()).toMatchObject({ error: "forbidden" });
  const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const unauth = await anon.request.get(`${E2E.baseURL}/api/replication/agents`);
  expect(unauth.status()).toBe(401);
  await anon.close();
});
