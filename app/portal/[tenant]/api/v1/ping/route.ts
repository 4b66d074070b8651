import { portalJson } from "@/lib/portal/portal-error";
import { portalRoute } from "@/lib/portal/portal-route";

// Test Connection's request: proves the token is accepted for this tenant (scope dam-read).
export const GET = portalRoute<{ tenant: string }>("dam-read", async ({ tenant, caller }) =>
  portalJson(200, {
    ok: true,
    protocol: 1,
    tenant: { slug: tenant.slug, name: tenant.name },
    organization: tenant.orgTechId,
    clientId: caller.clientId,
    scopes: caller.scopes,
  }),
);
