import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/tx";
import { notFound, UserError } from "@/lib/errors";
import { markPending, restorePrevious } from "@/lib/replication/queue/items";
import { notifyQueue, unblockAgent } from "@/lib/replication/queue/wake";

// The agent page's queue actions: Retry and Remove one item, Force Retry and Clear all. Items that
// leave the queue unsent get their previous publication status back, and their publication says
// they were not sent (its progress counts only the jobs that remain).

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
    if (!count) return;
    await restorePrevious(tx, [job]);
    if (job.state === "queued" || job.state === "failed") await noteUnsent(tx, [job], agentId, "Remove");
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
        select: { id: true, configId: true, kind: true, path: true, prevBpState: true, publicationId: true },
      });
      for (let i = 0; i < jobs.length; i += 500) {
        await tx.replicationJob.deleteMany({
          where: { id: { in: jobs.slice(i, i + 500).map((j) => j.id) }, state: { in: ["queued", "failed"] } },
        });
      }
      await restorePrevious(tx, jobs);
      await noteUnsent(tx, jobs, agentId, "Clear");
      return jobs.length;
    },
    { timeout: 60_000 },
  );
  notifyQueue(agent.configId);
  return count;
}

/** Adds to each publication of these jobs that they left the queue unsent (its instance page shows it). */
async function noteUnsent(tx: Tx, jobs: { publicationId: string | null }[], agentId: string, how: string) {
  const per = new Map<string, number>();
  for (const j of jobs) if (j.publicationId) per.set(j.publicationId, (per.get(j.publicationId) ?? 0) + 1);
  if (!per.size) return;
  const agent = await tx.replicationAgent.findUnique({ where: { id: agentId }, select: { name: true } });
  for (const [id, n] of per) {
    const pub = await tx.publication.findUnique({ where: { id }, select: { error: true } });
    if (!pub) continue;
    const note = `${n} item${n === 1 ? " was" : "s were"} removed from the queue of ${agent?.name ?? "an agent"} (${how}) before ${n === 1 ? "it was" : "they were"} sent: not delivered to Brand Portal.`;
    await tx.publication.update({
      where: { id },
      data: { error: [pub.error, note].filter(Boolean).join(" ").slice(0, 2000) },
    });
  }
}
