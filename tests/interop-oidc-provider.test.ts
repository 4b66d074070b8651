import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importSPKI, type JWK } from "jose";
import Provider from "oidc-provider";
import { db } from "@/lib/db";
import { ASSERTION_ALG, generateConfigKeyPair } from "@/lib/cloud-services/key-pair";
import { publicKeyView } from "@/lib/cloud-services/public-key";
import { requestAccessToken } from "@/lib/ims/request-token";
import { TokenError } from "@/lib/ims/token-error";
import { createTenant, updateTenantTrust } from "@/lib/portal/tenants";
import { systemClock } from "@/lib/clock";
import { testConnection } from "@/lib/replication/test-connection";
import { createHttpTransport } from "@/lib/http/transport";
import { serveRoutes } from "./support/route-server";
import { portalRoutes } from "./support/replication-env";
import { createConfig } from "./support/replication-fixtures";

// Outpost against an OAuth server nobody here wrote: node-oidc-provider (from the npm registry) on
// loopback, with private_key_jwt clients whose public keys are registered once from the PEM that
// Display Public Key shows (a JWK without kid, as a PEM carries none) and once from the JWK (with
// its kid). The console's token client and Test Connection use it as their gateway, and a portal
// tenant trusts it by its issuer URL alone and receives an asset with one of its JWT access tokens.

const ORG = "F00DF00D01@OutpostOrg";
const AUDIENCE = "https://portal.example/acme"; // the resource the tenant expects tokens for
const SCOPE = "dam-read dam-sync dam-write cc-share";
const transport = createHttpTransport();
const deps = { transport, clock: systemClock, connectTimeoutMs: 5_000, socketTimeoutMs: 5_000 };

let op: { server: Server; issuer: string };
let portal: { url: string; close: () => Promise<void> };
const slug = `acme-${randomBytes(3).toString("hex")}`;
type Cfg = Awaited<ReturnType<typeof createConfig>> & { kid: string };
let pemCfg: Cfg;
let jwkCfg: Cfg;
let wrongCfg: Cfg;

async function config(clientId: string, tenantUrl: string, gatewayUrl: string): Promise<Cfg> {
  const c = await createConfig({ tenantUrl, gatewayUrl, clientId, grantType: "client-credentials", scope: SCOPE });
  const key = await db.configKeyPair.findFirstOrThrow({ where: { configId: c.config.id } });
  return { ...c, kid: key.kid };
}

/** The key as a server that takes PEM stores it: the key material only, no kid. */
async function jwkFromPem(pem: string): Promise<JWK> {
  const { kty, n, e } = await exportJWK(await importSPKI(pem, ASSERTION_ALG, { extractable: true }));
  return { kty, n, e };
}

beforeAll(async () => {
  portal = await serveRoutes(portalRoutes);
  // the provider's address first: its issuer is fixed when it is constructed
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_q, r) => void r.writeHead(503).end();
  const server = createServer((q, r) => handler(q, r));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  op = { server, issuer };

  const tenantUrl = `${portal.url}/portal/${slug}`;
  pemCfg = await config("outpost-pem", tenantUrl, issuer);
  jwkCfg = await config("outpost-jwk", tenantUrl, issuer);
  wrongCfg = await config("outpost-wrong", tenantUrl, issuer);
  const pemView = await publicKeyView({ ...pemCfg.config, ...(await keyOf(pemCfg)) });
  const jwkView = await publicKeyView({ ...jwkCfg.config, ...(await keyOf(jwkCfg)) });
  const other = await generateConfigKeyPair();

  const signing = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
  const signingJwk = { ...(await exportJWK(signing.privateKey)), kid: "op-key-1", alg: "RS256", use: "sig" };
  const client = (client_id: string, key: JWK) => ({
    client_id,
    token_endpoint_auth_method: "private_key_jwt",
    token_endpoint_auth_signing_alg: "RS256",
    grant_types: ["client_credentials"],
    response_types: [],
    redirect_uris: [],
    scope: SCOPE,
    jwks: { keys: [key] },
  });
  const provider = new Provider(issuer, {
    clients: [
      client("outpost-pem", await jwkFromPem(pemView.pem)), // pasted as PEM
      client("outpost-jwk", jwkView.jwk), // pasted as JWK, kid included
      client("outpost-wrong", await jwkFromPem(other.publicKeyPem)), // holds another key
    ],
    jwks: { keys: [signingJwk] },
    scopes: SCOPE.split(" "),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: SCOPE,
          audience: AUDIENCE,
          accessTokenFormat: "jwt",
          accessTokenTTL: 600,
          jwt: { sign: { alg: "RS256" } },
        }),
      },
    },
    // the organization claim the tenant reads, as a customer's server would add it
    extraTokenClaims: () => ({ org: ORG }),
  });
  handler = provider.callback();

  await createTenant({ name: "Acme", slug, orgTechId: ORG });
  await updateTenantTrust({ slug, orgTechId: ORG, issuer, audience: AUDIENCE, orgClaim: "org" });
});

afterAll(async () => {
  transport.close();
  await portal?.close();
  op?.server.closeAllConnections();
  await new Promise<void>((r) => (op ? op.server.close(() => r()) : r()));
});

async function keyOf(c: Cfg) {
  const k = await db.configKeyPair.findFirstOrThrow({ where: { configId: c.config.id } });
  return { kid: k.kid, publicKeyPem: k.publicKeyPem, createdAt: k.createdAt, certNotAfter: k.certNotAfter };
}
const imsConfig = (c: Cfg) => ({
  id: c.config.id,
  clientId: c.config.clientId,
  gatewayUrl: c.config.gatewayUrl,
  grantType: c.config.grantType,
  scope: c.config.scope,
});

describe("node-oidc-provider as the console's gateway", () => {
  it("a key registered from the JWK: the assertion names its kid and is accepted at once", async () => {
    const lines: string[] = [];
    const token = await requestAccessToken(imsConfig(jwkCfg), { ...deps, log: (l) => lines.push(l) });
    expect(lines.join("\n")).toMatch(
      /Discovered token endpoint http:\/\/127\.0\.0\.1:\d+\/token \(.*\/\.well-known\/(oauth-authorization-server|openid-configuration)\)/,
    );
    expect(lines.filter((l) => l.startsWith("Requesting an access token"))).toHaveLength(1);
    expect(lines.join("\n")).toContain(`key ID ${jwkCfg.kid}`);
    expect(decodeProtectedHeader(token.token)).toMatchObject({ typ: "at+jwt", alg: "RS256" });
    expect(decodeJwt(token.token)).toMatchObject({ iss: op.issuer, aud: AUDIENCE, client_id: "outpost-jwk", org: ORG });
    expect(token.scope).toBe(SCOPE);
  });

  it("a key registered from the PEM: refused with the kid, accepted without, and remembered", async () => {
    const lines: string[] = [];
    await requestAccessToken(imsConfig(pemCfg), { ...deps, log: (l) => lines.push(l) });
    const text = lines.join("\n");
    expect(text).toContain(
      `The gateway refused the assertion naming key ID ${pemCfg.kid}: sending it once more without a key ID`,
    );
    expect(text).toContain("The gateway accepted the assertion without a key ID");
    // the next request leaves the kid out from the start: one request, no refusal
    const next: string[] = [];
    await requestAccessToken(imsConfig(pemCfg), { ...deps, log: (l) => next.push(l) });
    expect(next.filter((l) => l.startsWith("Requesting an access token"))).toHaveLength(1);
    expect(next.join("\n")).toContain(`no key ID; key ${pemCfg.kid}`);
  });

  it("a client that holds another key: the failure names the key ID sent and what the server may hold", async () => {
    const err = await requestAccessToken(imsConfig(wrongCfg), deps).catch((e) => e);
    expect(err).toBeInstanceOf(TokenError);
    expect(err.detail).toBe(
      `HTTP 401 invalid_client: client authentication failed (assertion sent with key ID ${wrongCfg.kid}, and again without a key ID)`,
    );
    expect(err.cause).toContain(`The assertion was sent with key ID ${wrongCfg.kid}, and again without a key ID.`);
    expect(err.cause).toContain(
      `The application may hold another key, or this key under another key ID: paste the JWK from Display Public Key (it carries key ID ${wrongCfg.kid})`,
    );
  });

  for (const which of ["PEM", "JWK"] as const) {
    it(`Test Connection succeeds with the client registered from the ${which}`, async () => {
      const cfg = which === "PEM" ? pemCfg : jwkCfg;
      const r = await testConnection(cfg.agents[0].id);
      const text = r.lines.map((l) => l.text).join("\n");
      expect(r.ok, text).toBe(true);
      expect(text).toMatch(new RegExp(`Token received: .*JWT issued by ${op.issuer} for audience ${AUDIENCE}`));
      expect(text).toMatch(new RegExp(`Tenant answered HTTP 200: tenant "Acme" \\(${slug}\\), organization ${ORG}`));
      expect(r.lines.at(-1)!.text).toBe("Replication test succeeded");
    });
  }

  it("Test Connection's failure says what the tenant expected and what the token carried", async () => {
    await updateTenantTrust({ slug, orgTechId: ORG, issuer: op.issuer, audience: "brand-portal", orgClaim: "org" });
    try {
      const r = await testConnection(jwkCfg.agents[0].id);
      expect(r.ok).toBe(false);
      expect(r.cause).toMatch(
        new RegExp(
          `^The portal refused the token: The token's audience is ${AUDIENCE}, but tenant ${slug} expects brand-portal\\.`,
        ),
      );
    } finally {
      await updateTenantTrust({ slug, orgTechId: ORG, issuer: op.issuer, audience: AUDIENCE, orgClaim: "org" });
    }
  });
});

describe("a portal tenant trusting node-oidc-provider by its issuer URL", () => {
  it("receives a published asset with one of its JWT access tokens", async () => {
    const token = await requestAccessToken(imsConfig(jwkCfg), deps);
    const body = randomBytes(2048);
    const path = "/content/dam/interop/logo.png";
    const res = await fetch(`${portal.url}/portal/${slug}/api/v1/assets?path=${encodeURIComponent(path)}`, {
      method: "PUT",
      headers: {
        authorization: `Bearer ${token.token}`,
        "content-type": "image/png",
        "x-content-sha256": createHash("sha256").update(body).digest("hex"),
        "x-asset-version": "1",
        "x-asset-size": String(body.length),
        "x-asset-metadata": Buffer.from(JSON.stringify({ title: "Logo", public: false })).toString("base64url"),
      },
      body: new Uint8Array(body),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    const tenant = await db.portalTenant.findUniqueOrThrow({ where: { slug } });
    const asset = await db.portalAsset.findFirstOrThrow({ where: { tenantId: tenant.id, path } });
    expect(asset).toMatchObject({ title: "Logo", size: BigInt(body.length), version: 1 });
  });

  it("refuses the provider's opaque tokens, saying so", async () => {
    // the same server issuing opaque tokens (its default format) for the client: what the tenant says
    const res = await fetch(`${portal.url}/portal/${slug}/api/v1/ping`, {
      headers: { authorization: "Bearer 8xLOxBtZp8" },
    });
    expect(res.status).toBe(401);
    expect((await res.json()).message).toMatch(/^The token is opaque .*signed by http:\/\/127\.0\.0\.1:\d+\./);
  });
});
