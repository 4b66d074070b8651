import { randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import * as assets from "@/app/portal/[tenant]/api/v1/assets/route";
import * as collections from "@/app/portal/[tenant]/api/v1/collections/[name]/route";
import * as folders from "@/app/portal/[tenant]/api/v1/folders/route";
import * as ping from "@/app/portal/[tenant]/api/v1/ping/route";
import { POST as tokenPOST } from "@/app/gateway/oauth/token/route";
import { GET as jwksGET } from "@/app/gateway/.well-known/jwks.json/route";
import { GET as discoveryGET } from "@/app/gateway/.well-known/oauth-authorization-server/route";
import { db } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { createApplication } from "@/lib/gateway/create-application";
import { issuer } from "@/lib/gateway/issuer";
import { createOrganization } from "@/lib/gateway/organizations";
import { clearRateLimits } from "@/lib/gateway/rate-limit";
import { SCOPES, type Scope } from "@/lib/gateway/scopes";
import { currentSigningKey } from "@/lib/gateway/signing-keys";
import { updateApplication } from "@/lib/gateway/update-application";
import { createTenant } from "@/lib/portal/tenants";
import { serveRoutes, type Routes } from "./route-server";
import { startFaultProxy } from "./fault-proxy";
import { createConfig } from "./replication-fixtures";

// The whole loop on 127.0.0.1, as an administrator sets it up: the embedded gateway (token
// endpoint, JWKS, metadata) and the portal's receiving API on one real HTTP server at this
// install's public URL, an organization with a JWT application holding the configuration's public
// key, a tenant of that organization, and a Brand Portal configuration with four agents whose
// tenant URL goes through a fault-injecting proxy. Test files call usePublicUrlOnFreePort() first.

export const gatewayRoutes: Routes = {
  "/gateway/oauth/token": { POST: tokenPOST as never },
  "/gateway/.well-known/jwks.json": { GET: jwksGET as never },
  "/gateway/.well-known/oauth-authorization-server": { GET: discoveryGET as never },
};

export const portalRoutes = {
  "/portal/:tenant/api/v1/ping": { GET: ping.GET },
  "/portal/:tenant/api/v1/assets": { PUT: assets.PUT, DELETE: assets.DELETE },
  "/portal/:tenant/api/v1/folders": { PUT: folders.PUT, DELETE: folders.DELETE },
  "/portal/:tenant/api/v1/collections/:name": { PUT: collections.PUT, DELETE: collections.DELETE },
} as unknown as Routes;

export const ALL_SCOPES = [...SCOPES] as Scope[];

let shared: Promise<{ url: string; close: () => Promise<void> }> | null = null;
/** The install's server (gateway + portal) at OUTPOST_PUBLIC_URL, once per test file. */
export function installServer() {
  shared ??= serveRoutes({ ...gatewayRoutes, ...portalRoutes }, { port: Number(new URL(publicUrl).port) });
  return shared;
}
export async function closeInstallServer() {
  if (shared) await (await shared).close();
  shared = null;
}

export async function startReplicationEnv(
  opts: { scopes?: Scope[]; grantType?: string; configScope?: string; serverUrl?: string } = {},
) {
  // serverUrl: the install's gateway and portal already run in another process (cluster tests).
  const server = opts.serverUrl ? { url: opts.serverUrl, close: async () => {} } : await installServer();
  await clearRateLimits();
  const proxy = await startFaultProxy({ target: server.url });
  const suffix = randomBytes(3).toString("hex");
  const admin = await db.user.create({
    data: { login: `admin-${suffix}`, name: "Admin", role: "administrator", passwordHash: "x" },
  });
  const org = await createOrganization(admin.id, `Org ${suffix}`);
  const scopes = opts.scopes ?? ALL_SCOPES;
  const app = await createApplication(admin.id, { name: `Outpost ${suffix}`, description: "", orgId: org.id, scopes });
  const tenant = await createTenant({ name: `Acme ${suffix}`, slug: `acme-${suffix}`, orgTechId: org.techId });
  const { config, agents, publicKeyPem } = await createConfig({
    tenantUrl: `${proxy.url}/portal/${tenant.slug}`,
    gatewayUrl: issuer(),
    clientId: app.clientId,
    grantType: opts.grantType,
    scope: opts.configScope,
  });
  const setApp = (p: { scopes?: Scope[]; publicKey?: string }) =>
    updateApplication(admin.id, {
      clientId: app.clientId,
      name: app.name,
      description: "",
      scopes: p.scopes ?? scopes,
      publicKey: p.publicKey ?? publicKeyPem,
    });
  await setApp({});
  return {
    server,
    proxy,
    tenant,
    config,
    agents,
    org,
    publicKeyPem,
    setApp,
    clientId: app.clientId,
    /** Access tokens the gateway issued to this configuration's client (its audit log). */
    tokensIssued: () => db.gatewayTokenLog.count({ where: { clientId: app.clientId, result: "success" } }),
    close: () => proxy.close(),
  };
}

/** A token signed with the gateway's own key, with any claims (to test the portal's checks). */
export async function gatewaySigned(
  claims: Record<string, unknown>,
  opts: { expSecondsFromNow?: number; typ?: string } = {},
) {
  const { kid, privateKey } = await currentSigningKey();
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: issuer(), aud: "brand-portal", ...claims })
    .setProtectedHeader({ alg: "RS256", kid, typ: opts.typ ?? "at+jwt" })
    .setIssuedAt(now)
    .setExpirationTime(now + (opts.expSecondsFromNow ?? 3600))
    .setJti(randomUUID())
    .sign(privateKey);
}
