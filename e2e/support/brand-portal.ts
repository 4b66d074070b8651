import { execFileSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import { createOrganization, unique } from "./helpers";
import { E2E } from "./env";

// Setting up the Brand Portal integration through the UIs, as the reference's "Test the
// integration" does: a tenant of a gateway organization, a JWT application, a Brand Portal
// configuration with the tenant URL and client ID, and its public key pasted into the application.

/** Creates a tenant; returns its URL and its first Portal administrator's (admin) generated password. */
export async function createTenant(
  page: Page,
  name: string,
  orgTechId: string,
): Promise<{ url: string; password: string }> {
  await page.goto("/tools");
  await page.getByRole("navigation", { name: "Tools sections" }).getByRole("link", { name: "Deployment" }).click();
  await page.getByRole("link", { name: /Brand Portal Tenants/ }).click();
  await expect(page.getByRole("heading", { name: "Brand Portal Tenants", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Create" }).click();
  const dialog = page.getByRole("dialog", { name: "Create Tenant" });
  await dialog.getByLabel("Name").fill(name);
  const slug = await dialog.getByLabel("Slug").inputValue();
  expect(slug).toBe(name.toLowerCase().replace(/[^a-z0-9]+/g, "-"));
  await dialog.getByLabel("Organization ID").fill(orgTechId);
  await expect(dialog.getByLabel("Trusted issuer")).toHaveAttribute("placeholder", `${E2E.baseURL}/gateway`);
  await dialog.getByRole("button", { name: "Create" }).click();
  // the first Portal administrator's generated password is shown once
  await expect(dialog.getByTestId("generated-password")).toHaveText(/^[A-Za-z0-9_-]{16}$/);
  const password = (await dialog.getByTestId("generated-password").textContent())!.trim();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  const url = `${E2E.baseURL}/portal/${slug}`;
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(url);
  return { url, password };
}

export async function addApplication(page: Page, name: string, org: string): Promise<string> {
  await page.goto("/gateway");
  await page.getByRole("button", { name: "Add Application" }).click();
  const dialog = page.getByRole("dialog", { name: "Add Application" });
  await dialog.getByLabel("Application Name").fill(name);
  await dialog.getByRole("button", { name: /Organization/ }).click();
  await page.getByRole("option", { name: new RegExp(org) }).click();
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page).toHaveURL(/\/gateway\/applications\/app-[0-9a-f]{20}$/);
  return (await page.getByTestId("application-id").textContent())!.trim();
}

export async function createConfiguration(
  page: Page,
  title: string,
  tenantUrl: string,
  clientId: string,
): Promise<string> {
  await page.goto("/tools/cloud-services/legacy");
  await page
    .getByRole("region", { name: "Adobe Experience Cloud" })
    .getByRole("article", { name: "Assets Brand Portal" })
    .getByRole("button", { name: "Configure now" })
    .click();
  const create = page.getByRole("dialog", { name: "Create Configuration" });
  await create.getByLabel("Title").fill(title);
  await create.getByRole("button", { name: "Create" }).click();
  const edit = page.getByRole("dialog", { name: "Brand Portal Replication" });
  await expect(edit).toBeVisible();
  await expect(edit.getByLabel("OAuth gateway URL")).toHaveValue(`${E2E.baseURL}/gateway`);
  await edit.getByLabel("Tenant URL").fill(tenantUrl);
  await edit.getByLabel("Client ID").fill(clientId);
  await edit.getByRole("button", { name: "OK", exact: true }).click();
  await expect(edit).toBeHidden();
  await page.getByRole("button", { name: "Display Public Key" }).click();
  const keyDialog = page.getByRole("dialog", { name: "Public Key" });
  const pem = await keyDialog.getByLabel("Public key (PEM)").inputValue();
  expect(pem).toContain("-----BEGIN PUBLIC KEY-----");
  await keyDialog.getByRole("button", { name: "Close" }).click();
  return pem;
}

export async function pastePublicKey(page: Page, clientId: string, pem: string) {
  await page.goto(`/gateway/applications/${clientId}`);
  await page.getByRole("textbox", { name: "Public Key" }).fill(pem);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "Application updated" }).first(),
  ).toBeVisible();
}

/** The whole set-up, once: returns the names a spec needs to find what it created. */
export async function setUpBrandPortal(page: Page) {
  const org = unique("Publish Org");
  const techId = await createOrganization(page, org);
  const tenantName = unique("Publish Portal");
  const { url: tenantUrl, password: portalPassword } = await createTenant(page, tenantName, techId);
  const clientId = await addApplication(page, unique("Publish Author"), org);
  const configTitle = `Publishing ${unique("p").slice(2)}`;
  const pem = await createConfiguration(page, configTitle, tenantUrl, clientId);
  await pastePublicKey(page, clientId, pem);
  return { tenantName, tenantUrl, portalPassword, clientId, configTitle };
}

/** Pauses or resumes the four agents of a configuration (Tools › Deployment › Replication). */
export async function setAgentsPaused(page: Page, configTitle: string, paused: boolean) {
  for (let i = 1; i <= 4; i++) {
    await page.goto("/tools/replication/agents");
    const row = page
      .getByRole("grid", { name: "Agents on author" })
      .getByRole("row")
      .filter({ hasText: configTitle })
      .filter({ hasText: `Brand Portal agent ${i}` });
    const href = await row.getByRole("link", { name: `Brand Portal agent ${i}` }).getAttribute("href");
    await page.goto(href!);
    await expect(page.getByRole("heading", { name: `Brand Portal agent ${i}`, level: 1 })).toBeVisible();
    await page.getByRole("button", { name: paused ? "Pause" : "Resume" }).click();
    const status = page.getByRole("region", { name: "Status" });
    if (paused) await expect(status).toContainText("Agent is paused");
    else await expect(status).not.toContainText("Agent is paused");
  }
}

/**
 * Queues a publication on the server's database (e2e/support/queue-publication.ts), with what the
 * UI cannot make on purpose: an asset whose binary is gone (its delivery fails) and a scheduled
 * publication of chosen assets.
 */
export function queuePublication(input: {
  config: string;
  by: string;
  publish: string[];
  unpublish?: string[];
  missingBinary?: string[];
  schedule?: { title: string; at: string; paths: string[] };
}) {
  const env: NodeJS.ProcessEnv = { ...process.env, OUTPOST_DATA_DIR: E2E.dataDir, OUTPOST_WORKERS: "off" };
  delete env.DATABASE_URL;
  execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "e2e/support/queue-publication.ts", JSON.stringify(input)],
    { env, stdio: "inherit" },
  );
}
