import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { generateConfigKeyPair } from "@/lib/cloud-services/key-pair";
import { db } from "@/lib/db";
import { readLog } from "@/lib/replication/log/read-log";
import { testConnection } from "@/lib/replication/test-connection";
import { issuer } from "@/lib/gateway/issuer";
import { clearRateLimits } from "@/lib/gateway/rate-limit";
import { ALL_SCOPES, closeInstallServer, startReplicationEnv } from "./support/replication-env";

await vi.hoisted(async () => (await import("./support/public-url")).usePublicUrlOnFreePort());

// Test Connection runs the real flow and names the cause of each failure in words a person can
// act on. Each case breaks one thing of a working set-up (embedded gateway, portal, agents).

let env: Awaited<ReturnType<typeof startReplicationEnv>>;
let agentId: string;
let closedPort: number;

beforeAll(async () => {
  env = await startReplicationEnv();
  agentId = env.agents[0].id;
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  closedPort = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
});
afterAll(async () => {
  await env.close();
  await closeInstallServer();
});

const good = () => ({
  tenantUrl: `${env.proxy.url}/portal/${env.tenant.slug}`,
  gatewayUrl: issuer(),
  clientId: env.clientId,
  scope: ALL_SCOPES.join(" "),
});
beforeEach(async () => {
  await clearRateLimits();
  await db.brandPortalConfig.update({ where: { id: env.config.id }, data: good() });
  await env.setApp({ scopes: ALL_SCOPES, publicKey: env.publicKeyPem });
  await db.portalTenant.update({ where: { id: env.tenant.id }, data: { orgTechId: env.org.techId } });
});

const run = async () => {
  const r = await testConnection(agentId);
  return { ...r, text: r.lines.map((l) => l.text).join("\n") };
};

describe("Test Connection", () => {
  it("succeeds, one timestamped line per step, the verdict at the bottom", async () => {
    const r = await run();
    expect(r.ok).toBe(true);
    const steps = [
      /Discovered token endpoint .*\/gateway\/oauth\/token/,
      new RegExp(`Creating the JWT assertion for client ID ${env.clientId}`),
      /Requesting an access token from http:\/\/127\.0\.0\.1:\d+\/gateway\/oauth\/token/,
      /Token received: expires in 3600 s .*granted scopes: dam-read dam-sync dam-write cc-share/,
      /Sending a test request: GET http:\/\/127\.0\.0\.1:\d+\/portal\/acme-\w+\/api\/v1\/ping/,
      /Tenant answered HTTP 200: tenant "Acme \w+" \(acme-\w+\), organization \w+@OutpostOrg, protocol 1/,
    ];
    let at = 0;
    for (const step of steps) {
      const i = r.lines.findIndex((l, k) => k >= at && step.test(l.text));
      expect(i, `step ${step}`).toBeGreaterThanOrEqual(at);
      at = i;
    }
    expect(r.lines.every((l) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(l.at))).toBe(true);
    expect(r.lines.at(-1)!.text).toBe("Replication test succeeded");
    expect((await readLog(agentId, { q: "Test Connection" })).rows[0].message).toBe(
      "Test Connection: replication test succeeded",
    );
    expect((await db.brandPortalConfig.findUniqueOrThrow({ where: { id: env.config.id } })).lastTokenOk).toBe(true);
  });

  it("wrong key: the public key in the gateway application does not match", async () => {
    await env.setApp({ publicKey: (await generateConfigKeyPair()).publicKeyPem });
    const r = await run();
    expect(r.ok).toBe(false);
    const { kid } = await db.configKeyPair.findFirstOrThrow({ where: { configId: env.config.id, retiredAt: null } });
    expect(r.text).toContain(`The gateway refused the assertion naming key ID ${kid}: sending it once more without`);
    expect(r.text).toMatch(/Token request failed: HTTP 400 invalid_grant: signature verification failed/);
    expect(r.cause).toBe(
      `The gateway did not verify the assertion with the public key it holds for client ID ${env.clientId}: the key in the gateway application does not match this configuration, or the Client ID is not the application's. The assertion was sent with key ID ${kid}, and again without a key ID. The application may hold another key, or this key under another key ID: paste the JWK from Display Public Key (it carries key ID ${kid}) into the application, or the PEM if the gateway takes only PEM.`,
    );
    expect(r.lines.at(-1)!.text).toBe(`Replication test failed: ${r.cause}`);
    expect((await db.brandPortalConfig.findUniqueOrThrow({ where: { id: env.config.id } })).lastTokenError).toBe(
      r.cause,
    );
  });

  it("unknown client ID, and an application without a public key: the gateway answers as for a wrong key", async () => {
    await db.brandPortalConfig.update({ where: { id: env.config.id }, data: { clientId: "nobody-knows-me" } });
    expect((await run()).cause).toMatch(
      /^The gateway did not verify the assertion with the public key it holds for client ID nobody-knows-me: .* or the Client ID is not the application's\./,
    );
    await db.brandPortalConfig.update({ where: { id: env.config.id }, data: { clientId: env.clientId } });
    await env.setApp({ publicKey: "" });
    expect((await run()).cause).toMatch(/^The gateway did not verify the assertion/);
    // the gateway's token log keeps the precise reason for the administrator
    const [row] = await db.gatewayTokenLog.findMany({ where: { clientId: env.clientId }, orderBy: { id: "desc" } });
    expect(row.reason).toMatch(/^no public key is registered for application/);
  });

  it("scope missing, at the gateway or in the token", async () => {
    await env.setApp({ scopes: ["dam-read"] });
    const r = await run();
    expect(r.text).toMatch(/HTTP 400 invalid_scope: scope dam-sync dam-write cc-share is not granted/);
    expect(r.cause).toMatch(
      /^Scope missing: the gateway application does not grant all of the requested scopes \(dam-read dam-sync dam-write cc-share\)/,
    );
    await env.setApp({ scopes: ALL_SCOPES });
    await db.brandPortalConfig.update({ where: { id: env.config.id }, data: { scope: "dam-read" } });
    expect((await run()).cause).toMatch(/^Scope missing: the token does not grant dam-write/);
  });

  it("tenant not found, and a portal that refuses the token's organization", async () => {
    await db.brandPortalConfig.update({
      where: { id: env.config.id },
      data: { tenantUrl: `${env.proxy.url}/portal/no-such-tenant` },
    });
    const r = await run();
    expect(r.text).toMatch(/Tenant answered HTTP 404 tenant_not_found/);
    expect(r.cause).toMatch(/^Tenant not found: There is no tenant "no-such-tenant"/);
    await db.brandPortalConfig.update({ where: { id: env.config.id }, data: good() });
    await db.portalTenant.update({ where: { id: env.tenant.id }, data: { orgTechId: "OTHER@OutpostOrg" } });
    expect((await run()).cause).toMatch(
      new RegExp(
        `^The portal refused the token: The token belongs to organization ${env.org.techId} \\(claim org\\), but tenant .* belongs to OTHER@OutpostOrg`,
      ),
    );
  });

  it("a tenant that expects another audience, or a claim the token lacks: what it expected and what the token carried", async () => {
    await db.portalTenant.update({ where: { id: env.tenant.id }, data: { audience: "https://portal.example/api" } });
    let r = await run();
    expect(r.text).toMatch(/Token received: .*JWT issued by http:\/\/\S+\/gateway for audience brand-portal/);
    expect(r.cause).toBe(
      `The portal refused the token: The token's audience is brand-portal, but tenant ${env.tenant.slug} expects https://portal.example/api. Have the issuer issue tokens for https://portal.example/api (for an OAuth server: the resource or audience it gives this client), or change the tenant's expected audience. Check that the tenant trusts this gateway.`,
    );
    await db.portalTenant.update({
      where: { id: env.tenant.id },
      data: { audience: "brand-portal", orgClaim: "tenant_org" },
    });
    r = await run();
    expect(r.cause).toMatch(
      new RegExp(
        `^The portal refused the token: The token has no tenant_org claim, but tenant ${env.tenant.slug} expects tenant_org = ${env.org.techId} .*\\(claims it carries: aud, client_id, exp, iat, iss, jti, org, scope, sub\\)`,
      ),
    );
    await db.portalTenant.update({ where: { id: env.tenant.id }, data: { orgClaim: "" } }); // not checked
    expect((await run()).ok).toBe(true);
    await db.portalTenant.update({ where: { id: env.tenant.id }, data: { orgClaim: "org" } });
  });

  it("connection refused, with host and port, at the gateway and at the tenant", async () => {
    await db.brandPortalConfig.update({
      where: { id: env.config.id },
      data: { gatewayUrl: `http://127.0.0.1:${closedPort}/gateway` },
    });
    expect((await run()).cause).toBe(
      `Cannot reach the OAuth gateway: Connection refused by 127.0.0.1:${closedPort}: nothing is listening there. Check the OAuth gateway URL and that the gateway is running.`,
    );
    await db.brandPortalConfig.update({
      where: { id: env.config.id },
      data: { ...good(), tenantUrl: `http://127.0.0.1:${closedPort}/portal/x` },
    });
    expect((await run()).cause).toMatch(
      new RegExp(`^Cannot reach the tenant: Connection refused by 127\\.0\\.0\\.1:${closedPort}`),
    );
  });

  it("a tenant that does not answer in time, and a TLS error", async () => {
    const silent = createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as AddressInfo).port;
    await db.replicationAgent.update({ where: { id: agentId }, data: { socketTimeoutMs: 1000 } });
    await db.brandPortalConfig.update({
      where: { id: env.config.id },
      data: { tenantUrl: `http://127.0.0.1:${port}/portal/x` },
    });
    expect((await run()).cause).toMatch(
      new RegExp(
        `^Cannot reach the tenant: 127\\.0\\.0\\.1:${port} did not answer in time \\(nothing received for 1000 ms\\)`,
      ),
    );
    silent.closeAllConnections();
    silent.close();
    await db.replicationAgent.update({ where: { id: agentId }, data: { socketTimeoutMs: 60_000 } });
    // https to a plain-http server
    const plain = new URL(env.proxy.url);
    await db.brandPortalConfig.update({
      where: { id: env.config.id },
      data: { tenantUrl: `https://127.0.0.1:${plain.port}/portal/${env.tenant.slug}` },
    });
    expect((await run()).cause).toMatch(
      new RegExp(
        `^Cannot reach the tenant: TLS error with 127\\.0\\.0\\.1:${plain.port}: .*Check the portal's certificate\\.$`,
      ),
    );
  });

  it("an incomplete configuration", async () => {
    await db.brandPortalConfig.update({ where: { id: env.config.id }, data: { tenantUrl: "" } });
    expect((await run()).cause).toMatch(/no Tenant URL/);
    await db.brandPortalConfig.update({ where: { id: env.config.id }, data: { ...good(), clientId: "" } });
    expect((await run()).cause).toMatch(/no Client ID/);
  });
});
