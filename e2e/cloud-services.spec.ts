import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { createUser, signInAs, unique } from "./support/helpers";
import { E2E } from "./support/env";

// Tools › Cloud Services › Legacy Cloud Services: an administrator creates a Brand Portal
// configuration, fills the Brand Portal Replication dialog, takes the public key to the gateway,
// rotates it and deletes the configuration. Every page, RSC payload, action response and download
// on the way is searched for private key material.

const PRIVATE = /PRIVATE KEY|privateEnc/;

/**
 * Records the body of every response the page gets from Outpost (documents, RSC payloads, server
 * action results, API responses, downloads, scripts): each request is fetched by the test and then
 * handed to the page, so even streamed action results that the browser cuts short are read whole.
 */
async function recordResponses(page: Page) {
  const seen: { url: string; body: string; action: boolean; rsc: boolean }[] = [];
  await page.route(`${E2E.baseURL}/**`, async (route) => {
    const req = route.request();
    let res;
    try {
      res = await route.fetch({ maxRedirects: 0 });
    } catch {
      return route.abort().catch(() => undefined); // the page went away meanwhile
    }
    const body = await res.body();
    const headers = req.headers();
    seen.push({
      url: req.url(),
      body: body.toString("latin1"),
      action: "next-action" in headers,
      rsc: "rsc" in headers,
    });
    await route.fulfill({ response: res, body }).catch(() => undefined);
  });
  return {
    assertClean() {
      expect(seen.length).toBeGreaterThan(10);
      const leaks = seen.filter((r) => PRIVATE.test(r.body)).map((r) => r.url);
      expect(leaks, "responses containing private key material").toEqual([]);
      return seen;
    },
  };
}

async function assertPageClean(page: Page) {
  expect(await page.content()).not.toMatch(PRIVATE);
}

test("configure Brand Portal: Configure now → Create → Brand Portal Replication → OK → public key, downloads, rotation, delete", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: E2E.baseURL });
  const responses = await recordResponses(page);
  const title = `E2E Portal ${unique("p").slice(2)}`;

  await page.goto("/tools");
  await page.getByRole("navigation", { name: "Tools sections" }).getByRole("link", { name: "Cloud Services" }).click();
  await page.getByRole("link", { name: /Legacy Cloud Services/ }).click();
  await expect(page.getByRole("heading", { name: "Legacy Cloud Services", level: 1 })).toBeVisible();
  await assertPageClean(page);

  const provider = page.getByRole("region", { name: "Adobe Experience Cloud" });
  const card = provider.getByRole("article", { name: "Assets Brand Portal" });
  await card.getByRole("button", { name: "Configure now" }).click();

  const create = page.getByRole("dialog", { name: "Create Configuration" });
  await create.getByLabel("Title").fill(title);
  const name = await create.getByLabel("Name").inputValue();
  expect(name).toBe(title.toLowerCase().replace(/ /g, "-"));
  await create.getByRole("button", { name: "Create" }).click();

  await expect(page).toHaveURL(new RegExp(`/tools/cloud-services/brand-portal/${name}$`));
  const edit = page.getByRole("dialog", { name: "Brand Portal Replication" });
  await expect(edit).toBeVisible();
  await expect(edit.getByLabel("OAuth gateway URL")).toHaveValue(`${E2E.baseURL}/gateway`);
  await expect(edit.getByRole("checkbox", { name: "Public Folder Publish" })).not.toBeChecked();

  // Bad input: a specific message each, nothing saved.
  await edit.getByLabel("Tenant URL").fill("ftp://portal.example.com/acme");
  await edit.getByRole("button", { name: "OK", exact: true }).click();
  await expect(edit.getByText(/Tenant URL must start with https:\/\//)).toBeVisible();
  await expect(
    edit.getByText("Enter the Client ID: the Application ID shown on the gateway's application page"),
  ).toBeVisible();
  await edit.getByLabel("Tenant URL").fill("https://admin:secret@portal.example.com/acme");
  await edit.getByLabel("Client ID").fill("kQ8f2Lm9Xz7Rt4Vb1Nw6Hy3Jc5Pd0Sg8Ae2Uo7Ik4Ql");
  await expect(
    edit.getByText("This looks like the application secret, not the Application ID", { exact: false }),
  ).toBeVisible();
  await edit.getByRole("button", { name: "OK", exact: true }).click();
  await expect(edit.getByText(/must not contain a user name or password/)).toBeVisible();

  // Good input.
  await edit.getByLabel("Tenant URL").fill(`${E2E.baseURL}/portal/acme`);
  await edit.getByLabel("Client ID").fill("outpost-app-e2e01");
  await expect(edit.getByText("This looks like the application secret", { exact: false })).toHaveCount(0);
  await edit.getByText("Public Folder Publish", { exact: true }).click(); // the label: react-aria hides the input
  await expect(edit.getByRole("checkbox", { name: "Public Folder Publish" })).toBeChecked();
  await edit.getByLabel("Organization ID").fill("E2E0RG@OutpostOrg");
  await edit.getByRole("button", { name: "Advanced" }).click();
  await expect(edit.getByLabel("Access token scope")).toHaveValue("dam-read dam-sync dam-write cc-share");
  await edit.getByRole("button", { name: "OK", exact: true }).click();
  await expect(edit).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/brand-portal/${name}$`)); // ?edit=1 is gone: a reload does not reopen the dialog

  const settings = page.getByRole("region", { name: "Brand Portal Replication" });
  await expect(settings).toContainText(`${E2E.baseURL}/portal/acme`);
  await expect(settings).toContainText("outpost-app-e2e01");
  await expect(settings).toContainText("On: published assets are visible to every Brand Portal user");
  const status = page.getByRole("region", { name: "Status" });
  await expect(status).toContainText("No token requested yet");
  await expect(status).toContainText("Brand Portal agent 4: enabled");
  const fingerprint = (await status.getByTestId("key-fingerprint").textContent())!;
  await assertPageClean(page);

  // Edit → Cancel leaves nothing behind.
  await page.getByRole("button", { name: "Edit" }).click();
  await expect(edit.getByLabel("Client ID")).toHaveValue("outpost-app-e2e01");
  await edit.getByLabel("Client ID").fill("something-else");
  await edit.getByRole("button", { name: "Cancel" }).click();
  await expect(edit).toBeHidden();
  await page.reload();
  await expect(settings).toContainText("outpost-app-e2e01");

  // Display Public Key: PEM (copied to the clipboard) and JWK.
  await page.getByRole("button", { name: "Display Public Key" }).click();
  const keyDialog = page.getByRole("dialog", { name: "Public Key" });
  const pem = await keyDialog.getByLabel("Public key (PEM)").inputValue();
  expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
  const jwk = JSON.parse(await keyDialog.getByLabel("Public key (JWK)").inputValue());
  expect(jwk).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", e: "AQAB" });
  expect(jwk.d).toBeUndefined();
  await keyDialog.getByRole("button", { name: "Copy PEM" }).click();
  await expect(keyDialog.getByRole("button", { name: "Copy PEM" })).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pem);
  await assertPageClean(page);
  await keyDialog.getByRole("button", { name: "Close" }).click();

  // Download Public Key for OAuth Gateway, and the certificate.
  const [pemDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download Public Key for OAuth Gateway" }).click(),
  ]);
  expect(pemDownload.suggestedFilename()).toBe(`${name}-public-key.pem`);
  const pemFile = readFileSync((await pemDownload.path())!, "utf8");
  expect(pemFile).toContain("-----BEGIN PUBLIC KEY-----");
  expect(pemFile).toBe(pem);
  const [crtDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: `Download Certificate (${name}.crt)` }).click(),
  ]);
  expect(crtDownload.suggestedFilename()).toBe(`${name}.crt`);
  const crtFile = readFileSync((await crtDownload.path())!, "utf8");
  expect(crtFile).toContain("-----BEGIN CERTIFICATE-----");
  await expect(page.getByText(/Self-signed X\.509, valid until/)).toBeVisible();
  for (const file of [pemFile, crtFile]) expect(file).not.toMatch(PRIVATE);

  // Rotate key pair: a warning first, then a new current key and the old one marked retired.
  await page.getByRole("button", { name: "Rotate key pair" }).click();
  const rotate = page.getByRole("alertdialog", { name: "Rotate key pair" });
  await expect(rotate).toContainText("The gateway application must get the new public key");
  await rotate.getByRole("button", { name: "Rotate key pair" }).click();
  await expect(rotate).toBeHidden();
  const keys = page.getByRole("table", { name: "Key pairs" });
  await expect(keys.getByRole("row")).toHaveCount(3);
  await expect(keys).toContainText("Current");
  await expect(keys).toContainText("Retired");
  await expect(status.getByTestId("key-fingerprint")).not.toHaveText(fingerprint);
  const rotatedPem = await (await page.request.get(`/api/cloud-services/brand-portal/${name}/public-key`)).text();
  expect(rotatedPem).toContain("BEGIN PUBLIC KEY");
  expect(rotatedPem).not.toBe(pem);
  await assertPageClean(page);

  // A name clash is refused with its own message.
  await page.goto("/tools/cloud-services/legacy");
  await expect(
    page.getByRole("list", { name: "Assets Brand Portal configurations" }).getByRole("link", { name: title }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Configure now" }).click();
  await create.getByLabel("Title").fill(title);
  await create.getByRole("button", { name: "Create" }).click();
  await expect(create.getByText(`A configuration named "${name}" already exists. Choose another name.`)).toBeVisible();
  await create.getByRole("button", { name: "Cancel" }).click();

  // The raw responses of the API routes, as a browser gets them.
  for (const p of ["public-key", "certificate", "status"]) {
    const body = await (await page.request.get(`/api/cloud-services/brand-portal/${name}/${p}`)).text();
    expect(body).not.toMatch(PRIVATE);
  }

  // Delete: asks first, then removes the configuration (agents and keys go with it).
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  const del = page.getByRole("alertdialog", { name: "Delete configuration" });
  await expect(del).toContainText("Its four replication agents and its key pairs are deleted with it");
  await del.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/tools\/cloud-services\/legacy$/);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect((await page.request.get(`/api/cloud-services/brand-portal/${name}/public-key`)).status()).toBe(404);

  const all = responses.assertClean();
  // The scan saw server action responses and RSC payloads, not only documents, and it sees key
  // material where there is some: the public key is in the pages' payloads.
  expect(all.filter((r) => r.action).length).toBeGreaterThanOrEqual(7); // create ×2, update ×3, rotate, delete
  expect(all.filter((r) => r.rsc).length).toBeGreaterThanOrEqual(3);
  expect(all.some((r) => r.body.includes("BEGIN PUBLIC KEY"))).toBe(true);
});

test("an author is refused Cloud Services: no tile, 403 pages, 403 JSON", async ({ page, browser }) => {
  // An administrator's configuration the author must not see.
  await page.goto("/tools/cloud-services/legacy");
  await page.getByRole("button", { name: "Configure now" }).click();
  const create = page.getByRole("dialog", { name: "Create Configuration" });
  const title = `Hidden ${unique("h").slice(2)}`;
  await create.getByLabel("Title").fill(title);
  const name = await create.getByLabel("Name").inputValue();
  await create.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("dialog", { name: "Brand Portal Replication" })).toBeVisible();
  // Cancel right after Create: the configuration stays (as in AEM), marked as not configured yet.
  await page.getByRole("dialog", { name: "Brand Portal Replication" }).getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Not configured yet")).toBeVisible();

  const login = unique("author");
  await createUser(page, { login, name: "Cloud Author", role: "Author", password: "author-password-1" });
  const author = await signInAs(browser, login, "author-password-1");

  await author.goto("/tools");
  await expect(
    author.getByRole("navigation", { name: "Tools sections" }).getByRole("link", { name: "Cloud Services" }),
  ).toHaveCount(0);
  for (const url of ["/tools/cloud-services/legacy", `/tools/cloud-services/brand-portal/${name}`]) {
    const res = await author.goto(url);
    expect(res?.status()).toBe(403);
    await expect(author.getByRole("heading", { name: "You don't have access" })).toBeVisible();
    await expect(author.getByText(title)).toHaveCount(0);
  }
  for (const p of ["public-key", "certificate", "status"]) {
    const res = await author.request.get(`/api/cloud-services/brand-portal/${name}/${p}`);
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ error: "forbidden", message: "You don't have access to this." });
  }
});
