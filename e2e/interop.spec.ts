import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { createOrganization, unique } from "./support/helpers";
import { E2E } from "./support/env";
import { openAgent } from "./support/open-agent";

// Standards interop in the browser: Display Public Key recommends the JWK (with its key ID), which
// the gateway takes as it takes the PEM; a tenant's Token trust sets the audience its tokens must
// carry, and Test Connection's failure says what the tenant expected and what the token carried.

async function setUp(page: Page) {
  const org = unique("Interop Org");
  const techId = await createOrganization(page, org);
  // a tenant
  await page.goto("/tools/replication/tenants");
  await page.getByRole("button", { name: "Create" }).click();
  const create = page.getByRole("dialog", { name: "Create Tenant" });
  const name = unique("Interop Portal");
  await create.getByLabel("Name").fill(name);
  const slug = await create.getByLabel("Slug").inputValue();
  await create.getByLabel("Organization ID").fill(techId);
  await create.getByRole("button", { name: "Create" }).click();
  await expect(create.getByTestId("generated-password")).toBeVisible(); // the first Portal administrator's
  await create.getByRole("button", { name: "Done" }).click();
  await expect(create).toBeHidden();
  const tenantUrl = `${E2E.baseURL}/portal/${slug}`;
  // a JWT application
  await page.goto("/gateway");
  await page.getByRole("button", { name: "Add Application" }).click();
  const add = page.getByRole("dialog", { name: "Add Application" });
  await add.getByLabel("Application Name").fill(unique("AEM Author"));
  await add.getByRole("button", { name: /Organization/ }).click();
  await page.getByRole("option", { name: new RegExp(org) }).click();
  await add.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page).toHaveURL(/\/gateway\/applications\/app-[0-9a-f]{20}$/);
  const clientId = (await page.getByTestId("application-id").textContent())!.trim();
  // a configuration
  await page.goto("/tools/cloud-services/legacy");
  await page
    .getByRole("region", { name: "Adobe Experience Cloud" })
    .getByRole("article", { name: "Assets Brand Portal" })
    .getByRole("button", { name: "Configure now" })
    .click();
  const cfg = page.getByRole("dialog", { name: "Create Configuration" });
  const title = `Interop ${unique("i").slice(2)}`;
  await cfg.getByLabel("Title").fill(title);
  await cfg.getByRole("button", { name: "Create" }).click();
  const edit = page.getByRole("dialog", { name: "Brand Portal Replication" });
  await edit.getByLabel("Tenant URL").fill(tenantUrl);
  await edit.getByLabel("Client ID").fill(clientId);
  await edit.getByRole("button", { name: "OK", exact: true }).click();
  await expect(edit).toBeHidden();
  return { name, slug, clientId, title };
}

test("the JWK with its key ID is recommended and accepted; Token trust's audience shows in Test Connection", async ({
  page,
}) => {
  const { name, clientId, title } = await setUp(page);

  await page.getByRole("button", { name: "Display Public Key" }).click();
  const keyDialog = page.getByRole("dialog", { name: "Public Key" });
  const jwkSection = keyDialog.getByRole("region", { name: "JWK" });
  await expect(jwkSection).toContainText("recommended");
  const jwk = JSON.parse(await keyDialog.getByLabel("Public key (JWK)").inputValue());
  expect(jwk).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
  await expect(jwkSection).toContainText(`Carries the key ID ${jwk.kid}`);
  await expect(keyDialog.getByRole("region", { name: "PEM" })).toContainText("For gateways that take only PEM");
  await keyDialog.getByRole("button", { name: "Close" }).click();
  const download = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Download JWK/ }).click(),
  ]).then(([d]) => d);
  expect(download.suggestedFilename()).toMatch(/-public-key\.jwk\.json$/);

  // the JWK goes to the gateway application
  await page.goto(`/gateway/applications/${clientId}`);
  await page.getByRole("textbox", { name: "Public Key" }).fill(JSON.stringify(jwk, null, 2));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "Application updated" }).first(),
  ).toBeVisible();

  // Token trust: the tenant now expects another audience
  await page.goto("/tools/replication/tenants");
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("audience brand-portal, organization claim org");
  await row.getByRole("button", { name: `Token trust of ${name}` }).click();
  const trust = page.getByRole("dialog", { name: `Token trust: ${name}` });
  await expect(trust.getByLabel("Expected audience")).toHaveValue("brand-portal");
  await trust.getByLabel("Expected audience").fill("https://portal.example/api");
  await trust.getByRole("button", { name: "Save" }).click();
  await expect(trust).toBeHidden();
  await expect(row).toContainText("audience https://portal.example/api, organization claim org");

  const runTest = async () => {
    await page.goto("/tools/replication/agents");
    await openAgent(
      page,
      page
        .getByRole("grid", { name: "Agents on author" })
        .getByRole("row")
        .filter({ hasText: title })
        .getByRole("link", { name: "Brand Portal agent 1" }),
    );
    await page.getByRole("button", { name: "Test Connection" }).click();
    return page.getByRole("dialog", { name: "Test Connection: Brand Portal agent 1" });
  };
  let test1 = await runTest();
  let log = test1.getByRole("log", { name: "Test Connection log" });
  await expect(log).toContainText("Replication test failed", { timeout: 30_000 });
  await expect(log).toContainText(`key ID ${jwk.kid}`);
  await expect(log).toContainText("for audience brand-portal");
  await expect(log).toContainText("The token's audience is brand-portal, but tenant");
  await expect(log).toContainText("expects https://portal.example/api");
  await test1.getByRole("button", { name: "Close" }).click();

  // back to the gateway's audience: the test succeeds
  await page.goto("/tools/replication/tenants");
  await row.getByRole("button", { name: `Token trust of ${name}` }).click();
  await trust.getByLabel("Expected audience").fill("brand-portal");
  await trust.getByRole("button", { name: "Save" }).click();
  await expect(trust).toBeHidden();
  test1 = await runTest();
  log = test1.getByRole("log", { name: "Test Connection log" });
  await expect(log).toContainText("Replication test succeeded", { timeout: 30_000 });
});

test("Token trust refuses bad input with a message per field", async ({ page }) => {
  const { name } = await setUp(page);
  await page.goto("/tools/replication/tenants");
  await page.getByRole("button", { name: `Token trust of ${name}` }).click();
  const trust = page.getByRole("dialog", { name: `Token trust: ${name}` });
  await trust.getByLabel("Trusted issuer").fill("not a url");
  await trust.getByLabel("Expected audience").fill("");
  await trust.getByRole("button", { name: "Save" }).click();
  await expect(trust).toContainText("Trusted issuer is not a URL");
  await expect(trust).toContainText("Enter the audience (aud)");
});
