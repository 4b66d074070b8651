import "server-only";
import { db } from "@/lib/db";
import { notFound, UserError } from "@/lib/errors";
import type { Tx } from "@/lib/replication/queue/tx";
import { notifyQueue, queueEvents } from "@/lib/replication/queue/wake";

// The agent page's queue actions: Retry and Remove one item, Force Retry and Clear all. Items that
// leave the queue unsent get their previous publication status back.

type JobRef = { id: number; configId: string; kind: string; path: string; prevBpState: string | null };

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
  wake(agentId, job.configId);
}

export async function removeJob(agentId: string, jobId: number) {
  const job = await jobOf(agentId, jobId);
  if (job.state === "running")
    throw new UserError("This item is being sent right now: remove it when the attempt has ended.", { status: 409 });
  await db.$transaction(async (tx) => {
    const { count } = await tx.replicationJob.deleteMany({
      where: { id: jobId, state: { in: ["queued", "failed", "done", "skipped"] } },
    });
    if (count) await restoreItems(tx, [job]);
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
  wake(agentId, agent.configId);
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
      await restoreItems(tx, jobs);
      return jobs.length;
    },
    { timeout: 60_000 },
  );
  notifyQueue(agent.configId);
  return count;
}

function wake(agentId: string, configId: string) {
  queueEvents.emit("unblock", agentId);
  notifyQueue(configId);
}

async function markPending(tx: Tx, jobs: JobRef[]) {
  for (const j of jobs) await setItemState(tx, j, "pending", null);
}

/** Puts back the status items had before they were queued, when nothing else is queued for them. */
async function restoreItems(tx: Tx, jobs: JobRef[]) {
  const first = new Map<string, JobRef>();
  for (const j of jobs) if (!first.has(`${j.configId}\n${j.path}`)) first.set(`${j.configId}\n${j.path}`, j);
  for (const j of first.values()) {
    const live = await tx.replicationJob.count({
      where: { configId: j.configId, path: j.path, state: { in: ["queued", "running"] } },
    });
    if (!live) await setItemState(tx, j, j.prevBpState === "pending" ? null : j.prevBpState, "pending");
  }
}

async function setItemState(tx: Tx, j: JobRef, bpState: string | null, onlyIf: string | null) {
  const guard = onlyIf ? { bpState: onlyIf } : {};
  if (j.kind === "asset") await tx.asset.updateMany({ where: { path: j.path, ...guard }, data: { bpState } });
  else if (j.kind === "folder") await tx.folder.updateMany({ where: { path: j.path, ...guard }, data: { bpState } });
  else
    await tx.collection.updateMany({
      where: { name: j.path.slice(j.path.lastIndexOf("/") + 1), ...guard },
      data: { bpState },
    });
}
