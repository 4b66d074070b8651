import "server-only";
import { db } from "@/lib/db";

// What the console shows about agents: each agent's settings and configuration, and its queue's
// state computed from the jobs: Idle (nothing pending), Active – N pending, Blocked – N pending
// (pending but not moving: paused, disabled, or every waiting job is waiting out a failure).

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
  const ids = agents.map((a) => a.id);
  const live = { agentId: { in: ids }, state: { in: ["queued", "running"] } };
  const [byState, oldest, waitingOnFailure] = await Promise.all([
    db.replicationJob.groupBy({
      by: ["agentId", "state"],
      where: { agentId: { in: ids }, state: { in: ["queued", "running", "failed"] } },
      _count: { _all: true },
    }),
    db.replicationJob.groupBy({ by: ["agentId"], where: live, _min: { createdAt: true } }),
    db.replicationJob.groupBy({
      by: ["agentId"],
      where: { agentId: { in: ids }, state: "queued", lastError: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const count = (agentId: string, state: string) =>
    byState.find((g) => g.agentId === agentId && g.state === state)?._count._all ?? 0;
  return agents.map((a) => {
    const queued = count(a.id, "queued");
    const running = count(a.id, "running");
    const pending = queued + running;
    const retrying = waitingOnFailure.find((g) => g.agentId === a.id)?._count._all ?? 0;
    const stuck = !a.enabled || a.paused || (running === 0 && queued > 0 && retrying === queued);
    const state: QueueState = pending === 0 ? "idle" : stuck ? "blocked" : "active";
    const min = oldest.find((g) => g.agentId === a.id)?._min.createdAt ?? null;
    return {
      ...a,
      queue: { state, pending, running, failed: count(a.id, "failed"), oldestPendingAt: min?.toISOString() ?? null },
      lastSuccessAt: a.lastSuccessAt?.toISOString() ?? null,
      lastErrorAt: a.lastErrorAt?.toISOString() ?? null,
    };
  });
}
