import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/replication/queue/tx";

// Fencing: a worker extends, completes or fails a job only while it still holds the lease token it
// claimed the job with. A worker whose lease expired (and whose job another worker re-claimed)
// changes nothing.

export async function extendLease(id: number, token: string, untilMs: number): Promise<boolean> {
  const { count } = await db.replicationJob.updateMany({ where: { id, leaseToken: token, state: "running" }, data: { leaseExpiresAt: new Date(untilMs) } });
  return count === 1;
}

type JobUpdate = {
  state: "queued" | "done" | "failed" | "skipped";
  attempts?: { decrement: number };
  nextAttemptAt?: Date;
  lastError?: string | null;
  lastStatus?: number | null;
  result?: string | null;
  completedAt?: Date | null;
};

/** Applies `data` (and `then`, in the same transaction) only if the lease is still ours. */
export async function finishJob(id: number, token: string, data: JobUpdate, then?: (tx: Tx) => Promise<void>): Promise<boolean> {
  const update = { ...data, leaseToken: null, leaseOwner: null, leaseExpiresAt: null };
  if (!then) {
    const { count } = await db.replicationJob.updateMany({ where: { id, leaseToken: token, state: "running" }, data: update });
    return count === 1;
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.replicationJob.updateMany({ where: { id, leaseToken: token, state: "running" }, data: update });
    if (count !== 1) return false;
    await then(tx);
    return true;
  });
}

/** Hands a job back untouched (shutdown): it does not count as an attempt. */
export function releaseJob(id: number, token: string, nowMs: number): Promise<boolean> {
  return finishJob(id, token, { state: "queued", attempts: { decrement: 1 }, nextAttemptAt: new Date(nowMs) });
}

/** Jobs whose worker died: back to the queue (the claim also takes them; this keeps the view true). */
export async function reapExpiredLeases(nowMs: number): Promise<number> {
  const { count } = await db.replicationJob.updateMany({
    where: { state: "running", leaseExpiresAt: { lt: new Date(nowMs) } },
    data: { state: "queued", leaseToken: null, leaseOwner: null, leaseExpiresAt: null, nextAttemptAt: new Date(nowMs) },
  });
  return count;
}
