import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/replication/queue/tx";

// Keeps each configuration's waiting jobs with agents that work: a disabled or paused agent hands
// its queued jobs to the others, and an agent that comes back takes its share again. Running jobs
// stay where they are. Moving jobs between agents never reorders one path: the claim compares ids
// across all agents of the configuration.

async function eligibleAgents(tx: Tx, configId: string) {
  return tx.replicationAgent.findMany({
    where: { configId, enabled: true, paused: false },
    orderBy: { position: "asc" },
    select: { id: true },
  });
}

async function queuedCounts(tx: Tx, agentIds: string[]) {
  const groups = await tx.replicationJob.groupBy({
    by: ["agentId"],
    where: { agentId: { in: agentIds }, state: "queued" },
    _count: { _all: true },
  });
  const counts = new Map(agentIds.map((id) => [id, 0]));
  for (const g of groups) counts.set(g.agentId, g._count._all);
  return counts;
}

/** Moves the queued jobs of agents that do not work (disabled, paused) to those that do. */
export async function moveStrandedJobs(configId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const targets = (await eligibleAgents(tx, configId)).map((a) => a.id);
    if (!targets.length) return 0;
    const stranded = await tx.replicationJob.findMany({
      where: { configId, state: "queued", agentId: { notIn: targets } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    if (!stranded.length) return 0;
    const counts = await queuedCounts(tx, targets);
    const moves = new Map<string, number[]>(targets.map((t) => [t, []]));
    for (const job of stranded) {
      let best = targets[0];
      for (const t of targets) if (counts.get(t)! < counts.get(best)!) best = t;
      counts.set(best, counts.get(best)! + 1);
      moves.get(best)!.push(job.id);
    }
    let moved = 0;
    for (const [agentId, ids] of moves) {
      for (let i = 0; i < ids.length; i += 500) {
        moved += (
          await tx.replicationJob.updateMany({
            where: { id: { in: ids.slice(i, i + 500) }, state: "queued" },
            data: { agentId },
          })
        ).count;
      }
    }
    return moved;
  });
}

/** An agent that came back takes an even share of the configuration's queued jobs. */
export async function takeShare(agentId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const agent = await tx.replicationAgent.findUnique({
      where: { id: agentId },
      select: { configId: true, enabled: true, paused: true },
    });
    if (!agent || !agent.enabled || agent.paused) return 0;
    const ids = (await eligibleAgents(tx, agent.configId)).map((a) => a.id);
    const counts = await queuedCounts(tx, ids);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const target = Math.floor(total / ids.length);
    let need = target - counts.get(agentId)!;
    let moved = 0;
    for (const [from, n] of [...counts].sort((a, b) => b[1] - a[1])) {
      if (need <= 0) break;
      if (from === agentId || n <= target) continue;
      const take = Math.min(need, n - target);
      // The newest jobs move: the oldest stay next in line where they are.
      const jobs = await tx.replicationJob.findMany({
        where: { agentId: from, state: "queued" },
        orderBy: { id: "desc" },
        take,
        select: { id: true },
      });
      const { count } = await tx.replicationJob.updateMany({
        where: { id: { in: jobs.map((j) => j.id) }, state: "queued" },
        data: { agentId },
      });
      moved += count;
      need -= count;
    }
    return moved;
  });
}
