import "server-only";
import { db } from "@/lib/db";
import { getActiveConfig, isConfigComplete } from "@/lib/cloud-services/get-config";
import { UserError } from "@/lib/errors";

// Which Brand Portal configuration a publication goes to, and what an administrator must set up
// when there is none. With several complete configurations the author may choose; by default the
// oldest complete one (as getActiveConfig says).

export const SETUP_HINT =
  "Publishing to Brand Portal needs a Brand Portal configuration with a Tenant URL, a Client ID and an OAuth gateway URL, and its public key in the gateway application. An administrator sets it up in Tools › Cloud Services › Legacy Cloud Services.";

export class NotConfiguredError extends UserError {
  constructor(message = SETUP_HINT) {
    super(message, { status: 409, code: "not_configured" });
  }
}

export type PublishingConfig = { id: string; name: string; title: string; tenantUrl: string };

/** Complete configurations, the default first. */
export async function publishingConfigs(): Promise<PublishingConfig[]> {
  const all = await db.brandPortalConfig.findMany({
    select: { id: true, name: true, title: true, tenantUrl: true, clientId: true, gatewayUrl: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return all.filter(isConfigComplete).map(({ id, name, title, tenantUrl }) => ({ id, name, title, tenantUrl }));
}

/** The configuration named, or the default one; a clear refusal when it cannot be used. */
export async function configForPublishing(configId?: string | null): Promise<PublishingConfig> {
  if (!configId) {
    const active = await getActiveConfig();
    if (!active) throw new NotConfiguredError();
    return { id: active.id, name: active.name, title: active.title, tenantUrl: active.tenantUrl };
  }
  const c = await db.brandPortalConfig.findUnique({
    where: { id: configId },
    select: { id: true, name: true, title: true, tenantUrl: true, clientId: true, gatewayUrl: true },
  });
  if (!c) throw new NotConfiguredError("The chosen Brand Portal configuration no longer exists. Choose another one.");
  if (!isConfigComplete(c))
    throw new NotConfiguredError(
      `The Brand Portal configuration "${c.title}" is not complete: an administrator must set its Tenant URL, Client ID and OAuth gateway URL in Tools › Cloud Services › Legacy Cloud Services.`,
    );
  return { id: c.id, name: c.name, title: c.title, tenantUrl: c.tenantUrl };
}
