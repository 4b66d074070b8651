import "server-only";
import { db } from "@/lib/db";
import type { ReplicationConfig } from "@/lib/replication/delivery/deliver-job";

// An agent's settings and its configuration, as one worker needs them for each job.
export type AgentRuntimeSettings = {
  id: string;
  name: string;
  configId: string;
  enabled: boolean;
  paused: boolean;
  retryDelayMs: number;
  maxAttempts: number;
  logLevel: string;
  connectTimeoutMs: number;
  socketTimeoutMs: number;
  config: ReplicationConfig & { title: string };
};

export async function loadAgentSettings(agentId: string): Promise<AgentRuntimeSettings | null> {
  const a = await db.replicationAgent.findUnique({
    where: { id: agentId },
    select: {
      id: true,
      name: true,
      configId: true,
      enabled: true,
      paused: true,
      retryDelayMs: true,
      maxAttempts: true,
      logLevel: true,
      connectTimeoutMs: true,
      socketTimeoutMs: true,
      config: {
        select: {
          id: true,
          title: true,
          clientId: true,
          gatewayUrl: true,
          grantType: true,
          scope: true,
          tenantUrl: true,
          publicFolderPublish: true,
          keys: { where: { retiredAt: null }, orderBy: { createdAt: "desc" }, take: 1, select: { kid: true } },
        },
      },
    },
  });
  if (!a) return null;
  const { keys, ...config } = a.config;
  return { ...a, config: { ...config, kid: keys[0]?.kid ?? "" } };
}

/** An agent's settings, read again after `ttlMs` or when told (settings changed, Resume). */
export function cachedSettings(agentId: string, ttlMs: number) {
  let cached: { at: number; settings: AgentRuntimeSettings | null } | null = null;
  return {
    async get(): Promise<AgentRuntimeSettings | null> {
      const t = performance.now();
      if (cached && t - cached.at < ttlMs) return cached.settings;
      const settings = await loadAgentSettings(agentId);
      cached = { at: t, settings };
      return settings;
    },
    forget: () => void (cached = null),
  };
}
