import "server-only";
import { db } from "@/lib/db";
import { notFound, UserError } from "@/lib/errors";
import { markPending, restorePrevious } from "@/lib/replication/queue/items";
import { notifyQueue, unblockAgent } from "@/lib/replication/queue/wake";

// The agent page's queue actions: Retry and Remove one item, Force Retry and Clear all. Items that
// leave the queue unsent get their previous publication status back.

async function jobOf(agentId: string, jobId: number) {
  const job = await db.replicationJob.findFirst({ where: { id: jobId, agentId } });
  if (!job) throw notFound("The queue item");
  return job;
}

export async function retryJob(agentId: string, jobId: number) {
  const job = await jobOf(agentId, jobId);
  if (job.state === "running") throw new UserError("This item is being sent right now.", { status: 409 });
  if (job.state !== "queued" && job.state !== "failed")
    throw new UserError("This item is no longer in the queue.", { status: 409 });
  await db.$transaction(async (tx) => {
    await tx.replicationJob.updateMany({
      where: { id: jobId, state: { in: ["queued", "failed"] } },
      data: { state: "queued", attempts: 0, nextAttemptAt: new Date(), completedAt: null },
    });
    await markPending(tx, [job]);
  });
  unblockAgent(agentId, job.configId);
}

export async function removeJob(agentId: string, jobId: number) {
  const job = await jobOf(agentId, jobId);
  if (job.state === "running")
    throw new UserError("This item is being sent right now: remove it when the attempt has ended.", { status: 409 });
  await db.$transaction(async (tx) => {
    const { count } = await tx.replicationJob.deleteMany({
      where: { id: jobId, state: { in: ["queued", "failed", "done", "skipped"] } },
    });
    if (count) await restorePrevious(tx, [job]);
  });
  notifyQueue(job.configId); // a later job for the same path may run now
}

/** Every waiting or parked item of the agent is tried again now, with its attempts reset. */
export async function forceRetry(agentId: string) {
  const agent = await db.replicationAgent.findUnique({ where: { id: agentId }, select: { configId: true } });
  if (!agent) throw notFound("The replication agent");
  const count = await db.$transaction(async (tx) => {
    const jobs = await tx.replicationJob.findMany({
      where: { agentId, state: "failed" },
      select: { id: true, configId: true, kind: true, path: true, prevBpState: true },
    });
    const n = await tx.replicationJob.updateMany({
      where: { agentId, state: { in: ["queued", "failed"] } },
      data: { state: "queued", nextAttemptAt: new Date(), completedAt: null, attempts: 0 },
    });
    await markPending(tx, jobs);
    return n.count;
  });
  unblockAgent(agentId, agent.configId);
  return count;
}

/** Removes every waiting and parked item of the agent (items being sent finish their attempt). */
export async function clearQueue(agentId: string) {
  const agent = await db.replicationAgent.findUnique({ where: { id: agentId }, select: { configId: true } });
  if (!agent) throw notFound("The replication agent");
  const count = await db.$transaction(
    async (tx) => {
      const jobs = await tx.replicationJob.findMany({
        where: { agentId, state: { in: ["queued", "failed"] } },
        orderBy: { id: "asc" },
        select: { id: true, configId: true, kind: true, path: true, prevBpState: true },
      });
      for (let i = 0; i < jobs.length; i += 500) {
        await tx.replicationJob.deleteMany({
          where: { id: { in: jobs.slice(i, i + 500).map((j) => j.id) }, state: { in: ["queued", "failed"] } },
        });
      }
      await restorePrevious(tx, jobs);
      return jobs.length;
    },
    { timeout: 60_000 },
  );
  notifyQueue(agent.configId);
  return count;
}
