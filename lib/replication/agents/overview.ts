import "server-only";
import { db } from "@/lib/db";
import { queueCounts } from "@/lib/replication/queue/read-queue";

// What the console shows about agents: each agent's settings and configuration, and its queue's
// state computed from the jobs: Idle (nothing pending), Active – N pending, Blocked – N pending
// (pending but not moving: paused, disabled, every waiting job is waiting out a failure, or one is
// and nothing was delivered since the agent's last error: a token failure holds back the whole
// agent, while the jobs behind the deferred one look untouched). Read from the agent's row, so every
// node says the same.

export type QueueState = "idle" | "active" | "blocked";

export type AgentSummary = {
  id: string;
  name: string;
  description: string;
  position: number;
  enabled: boolean;
  paused: boolean;
  config: { id: string; name: string; title: string; tenantUrl: string };
  queue: { state: QueueState; pending: number; running: number; failed: number; oldestPendingAt: string | null };
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
};

const agentSelect = {
  id: true,
  name: true,
  description: true,
  position: true,
  enabled: true,
  paused: true,
  lastSuccessAt: true,
  lastErrorAt: true,
  lastError: true,
  config: { select: { id: true, name: true, title: true, tenantUrl: true } },
} as const;

export async function agentSummaries(where: { id?: string } = {}): Promise<AgentSummary[]> {
  const agents = await db.replicationAgent.findMany({
    where,
    select: agentSelect,
    orderBy: [{ config: { title: "asc" } }, { position: "asc" }],
  });
  if (!agents.length) return [];
  const counts = await queueCounts(agents.map((a) => a.id));
  return agents.map((a) => {
    const { queued, running, failed, retrying, oldestPendingAt } = counts.get(a.id)!;
    const pending = queued + running;
    const failingSince = a.lastErrorAt !== null && (a.lastSuccessAt === null || a.lastErrorAt > a.lastSuccessAt);
    const stuck =
      !a.enabled || a.paused || (running === 0 && queued > 0 && retrying === queued) || (retrying > 0 && failingSince);
    const state: QueueState = pending === 0 ? "idle" : stuck ? "blocked" : "active";
    return {
      ...a,
      queue: { state, pending, running, failed, oldestPendingAt: oldestPendingAt?.toISOString() ?? null },
      lastSuccessAt: a.lastSuccessAt?.toISOString() ?? null,
      lastErrorAt: a.lastErrorAt?.toISOString() ?? null,
    };
  });
}
