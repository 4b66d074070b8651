import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ConfigSettings } from "@/lib/cloud-services/schemas";

/**
 * Saves the Brand Portal Replication dialog (input already validated). Changing where or as whom
 * tokens are requested makes the last token result and cached expiry meaningless: they are reset.
 */
export async function updateConfig(configId: string, settings: ConfigSettings) {
  const before = await db.brandPortalConfig.findUnique({
    where: { id: configId },
    select: { clientId: true, gatewayUrl: true, orgId: true, grantType: true, scope: true },
  });
  if (!before) throw notFound("The Brand Portal configuration");
  const tokenChanged = (["clientId", "gatewayUrl", "orgId", "grantType", "scope"] as const).some(
    (k) => before[k] !== settings[k],
  );
  return db.brandPortalConfig.update({
    where: { id: configId },
    data: {
      ...settings,
      ...(tokenChanged ? { lastTokenAt: null, lastTokenOk: null, lastTokenError: null, tokenExpiresAt: null } : {}),
    },
    select: { id: true, name: true },
  });
}
