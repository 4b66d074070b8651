import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/tx";

// What the console shows of the queue: per-agent counts, an agent's items page by page, and
// whether a configuration still has work in flight.

const LIVE = ["queued", "running"];

export type AgentQueueCounts = {
  queued: number;
  running: number;
  failed: number;
  /** Queued again after a failed attempt. */
  retrying: number;
  oldestPendingAt: Date | null;
};

export async function queueCounts(agentIds: string[]): Promise<Map<string, AgentQueueCounts>> {
  const [byState, oldest, retrying] = await Promise.all([
    db.replicationJob.groupBy({
      by: ["agentId", "state"],
      where: { agentId: { in: agentIds }, state: { in: [...LIVE, "failed"] } },
      _count: { _all: true },
    }),
    db.replicationJob.groupBy({
      by: ["agentId"],
      where: { agentId: { in: agentIds }, state: { in: LIVE } },
      _min: { createdAt: true },
    }),
    db.replicationJob.groupBy({
      by: ["agentId"],
      where: { agentId: { in: agentIds }, state: "queued", lastError: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const count = (agentId: string, state: string) =>
    byState.find((g) => g.agentId === agentId && g.state === state)?._count._all ?? 0;
  return new Map(
    agentIds.map((id) => [
      id,
      {
        queued: count(id, "queued"),
        running: count(id, "running"),
        failed: count(id, "failed"),
        retrying: retrying.find((g) => g.agentId === id)?._count._all ?? 0,
        oldestPendingAt: oldest.find((g) => g.agentId === id)?._min.createdAt ?? null,
      },
    ]),
  );
}

/** An agent's waiting, running and parked items, oldest first. */
export async function queueItems(agentId: string, page: number, pageSize: number) {
  const where = { agentId, state: { in: [...LIVE, "failed"] } };
  const [rows, total] = await Promise.all([
    db.replicationJob.findMany({ where, orderBy: { id: "asc" }, skip: (page - 1) * pageSize, take: pageSize }),
    db.replicationJob.count({ where }),
  ]);
  return { rows, total };
}

/** Jobs of the configuration's agents still waiting or being sent. */
export function liveJobCount(tx: Tx, configId: string): Promise<number> {
  return tx.replicationJob.count({ where: { agent: { configId }, state: { in: LIVE } } });
}
