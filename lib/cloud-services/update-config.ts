import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ConfigSettings } from "@/lib/cloud-services/schemas";
import { unblockAgent } from "@/lib/replication/queue/wake";

/**
 * Saves the Brand Portal Replication dialog (input already validated). Changing where or as whom
 * tokens are requested makes the last token result and cached expiry meaningless: they are reset.
 * Changing where or as whom the agents send makes the items waiting to be tried again due now
 * (their attempts kept): what failed them, a wrong Tenant URL or client ID, is likely what was just
 * fixed, and a retry can wait half an hour. The agents re-read their settings at once, on every node:
 * a worker that had cached them (for 5 s) would otherwise send with the old ones, or wait out an
 * error they caused ("no Tenant URL").
 */
export async function updateConfig(configId: string, settings: ConfigSettings) {
  const before = await db.brandPortalConfig.findUnique({
    where: { id: configId },
    select: { clientId: true, gatewayUrl: true, orgId: true, grantType: true, scope: true, tenantUrl: true },
  });
  if (!before) throw notFound("The Brand Portal configuration");
  const tokenChanged = (["clientId", "gatewayUrl", "orgId", "grantType", "scope"] as const).some(
    (k) => before[k] !== settings[k],
  );
  const now = new Date();
  const [saved, due] = await db.$transaction([
    db.brandPortalConfig.update({
      where: { id: configId },
      data: {
        ...settings,
        ...(tokenChanged ? { lastTokenAt: null, lastTokenOk: null, lastTokenError: null, tokenExpiresAt: null } : {}),
      },
      select: { id: true, name: true },
    }),
    ...(tokenChanged || before.tenantUrl !== settings.tenantUrl
      ? [
          db.replicationJob.updateMany({
            where: { configId, state: "queued", nextAttemptAt: { gt: now } },
            data: { nextAttemptAt: now },
          }),
        ]
      : []),
  ]);
  const agents = await db.replicationAgent.findMany({ where: { configId }, select: { id: true } });
  for (const a of agents) unblockAgent(a.id, configId);
  return { ...saved, retriedNow: due?.count ?? 0 };
}
