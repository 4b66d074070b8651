import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/tx";
import { notFound } from "@/lib/errors";

// Reading configurations. Private keys are omitted by the client (lib/db/client.ts) and never
// selected here: whatever these return may be rendered.

const configSelect = {
  id: true,
  name: true,
  title: true,
  tenantUrl: true,
  clientId: true,
  publicFolderPublish: true,
  gatewayUrl: true,
  orgId: true,
  grantType: true,
  scope: true,
  throughputPerMinute: true,
  lastTokenAt: true,
  lastTokenOk: true,
  lastTokenError: true,
  tokenExpiresAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

const keySelect = {
  id: true,
  kid: true,
  publicKeyPem: true,
  thumbprint: true,
  certPem: true,
  certNotAfter: true,
  createdAt: true,
  retiredAt: true,
} as const;
const agentSelect = { id: true, name: true, position: true, enabled: true, paused: true } as const;

export type ConfigSummary = Awaited<ReturnType<typeof listConfigs>>[number];
export type ConfigDetail = Awaited<ReturnType<typeof getConfig>>;

/** Tenant URL and Client ID set: enough for replication to try a token request. */
export const isConfigComplete = (c: { tenantUrl: string; clientId: string; gatewayUrl: string }) =>
  !!(c.tenantUrl && c.clientId && c.gatewayUrl);

export async function listConfigs() {
  return db.brandPortalConfig.findMany({ select: configSelect, orderBy: [{ title: "asc" }, { name: "asc" }] });
}

/** A configuration with its keys (newest first; the first unretired one signs) and its agents. */
export async function getConfig(configId: string) {
  const config = await db.brandPortalConfig.findUnique({
    where: { id: configId },
    select: {
      ...configSelect,
      keys: { select: keySelect, orderBy: { createdAt: "desc" } },
      agents: { select: agentSelect, orderBy: { position: "asc" } },
    },
  });
  if (!config) throw notFound("The Brand Portal configuration");
  return config;
}

export async function findConfigByName(name: string) {
  const row = await db.brandPortalConfig.findUnique({ where: { name }, select: { id: true } });
  return row ? getConfig(row.id) : null;
}

export async function getConfigByName(name: string) {
  const config = await findConfigByName(name);
  if (!config) throw notFound(`The Brand Portal configuration "${name}"`);
  return config;
}

/** The key that signs now (newest unretired) and its public half. */
export function currentKey(config: ConfigDetail) {
  const key = config.keys.find((k) => !k.retiredAt);
  if (!key) throw new Error(`Brand Portal configuration ${config.name} has no current key pair`);
  return key;
}

/**
 * The configuration publications go to when none is named: the oldest complete one. With a single
 * configuration (the usual install, as in AEM) that is simply it.
 */
export async function getActiveConfig(client: Tx = db) {
  const rows = await client.brandPortalConfig.findMany({
    where: { tenantUrl: { not: "" }, clientId: { not: "" }, gatewayUrl: { not: "" } },
    select: configSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 1,
  });
  return rows[0] ?? null;
}
