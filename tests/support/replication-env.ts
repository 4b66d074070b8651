import { randomBytes } from "node:crypto";
import * as assets from "@/app/portal/[tenant]/api/v1/assets/route";
import * as collections from "@/app/portal/[tenant]/api/v1/collections/[name]/route";
import * as folders from "@/app/portal/[tenant]/api/v1/folders/route";
import * as ping from "@/app/portal/[tenant]/api/v1/ping/route";
import { serveRoutes, type Routes } from "./route-server";
import { startFaultProxy } from "./fault-proxy";
import { createTestIssuer } from "./test-issuer";
import { createConfig, createTenantRow } from "./replication-fixtures";

// The whole loop on 127.0.0.1: a gateway (token endpoint, JWKS, metadata) and the portal's
// receiving API on one real HTTP server, a fault proxy in front of the portal, a tenant that
// trusts the gateway, and a Brand Portal configuration with four agents pointed at both.

export const portalRoutes = {
  "/portal/:tenant/api/v1/ping": { GET: ping.GET },
  "/portal/:tenant/api/v1/assets": { PUT: assets.PUT, DELETE: assets.DELETE },
  "/portal/:tenant/api/v1/folders": { PUT: folders.PUT, DELETE: folders.DELETE },
  "/portal/:tenant/api/v1/collections/:name": { PUT: collections.PUT, DELETE: collections.DELETE },
} as unknown as Routes;

export const ORG = "A1B2C3D4E5@OutpostOrg";
export const ALL_SCOPES = ["dam-read", "dam-sync", "dam-write", "cc-share"];

export async function startReplicationEnv(opts: { scopes?: string[]; grantType?: string; configScope?: string } = {}) {
  const issuer = await createTestIssuer();
  const server = await serveRoutes({ ...issuer.routes(), ...portalRoutes });
  issuer.setBase(server.url);
  const proxy = await startFaultProxy(server.url);
  const suffix = randomBytes(3).toString("hex");
  const tenant = await createTenantRow({ slug: `acme-${suffix}`, orgTechId: ORG, issuer: issuer.issuer });
  const clientId = `client-${suffix}`;
  const { config, agents, publicKeyPem } = await createConfig({
    tenantUrl: `${proxy.url}/portal/${tenant.slug}`,
    gatewayUrl: issuer.issuer,
    clientId,
    grantType: opts.grantType,
    scope: opts.configScope,
  });
  issuer.register(clientId, { publicKeyPem, org: ORG, scopes: opts.scopes ?? ALL_SCOPES });
  return {
    issuer, server, proxy, tenant, config, agents, clientId, publicKeyPem,
    async close() {
      await proxy.close();
      await server.close();
    },
  };
}
