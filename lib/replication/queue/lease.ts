import "server-only";
import { db, direct } from "@/lib/db";
import { Prisma } from "@/generated/sqlite/client";
import { dbProvider } from "@/lib/env";

// Fencing: a worker extends, completes or fails a job only while it still holds the lease token it
// claimed the job with. A worker whose lease expired (and whose job another worker re-claimed)
// changes nothing.

export async function extendLease(id: number, token: string, untilMs: number): Promise<boolean> {
  const { count } = await db.replicationJob.updateMany({
    where: { id, leaseToken: token, state: "running" },
    data: { leaseExpiresAt: new Date(untilMs) },
  });
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

/**
 * Applies `data` only if the lease is still ours. `alongside` (the item's status, guarded by the
 * same lease, see mark-item.ts) is written first, without a transaction: if the process dies in
 * between, the item's status is already true and the job, still leased, is sent again when the
 * lease expires, which the portal answers as a no-op. One round trip saved per job.
 */
export async function finishJob(
  id: number,
  token: string,
  data: JobUpdate,
  alongside: Prisma.Sql[] = [],
): Promise<boolean> {
  for (const statement of alongside) await db.$executeRaw(statement);
  const { count } = await db.replicationJob.updateMany({
    where: { id, leaseToken: token, state: "running" },
    data: { ...data, leaseToken: null, leaseOwner: null, leaseExpiresAt: null },
  });
  return count === 1;
}

/**
 * The common case, done, in plain SQL (the job's hot path: a third of the cost of updateMany).
 * With the item's status (`mark`): on SQLite two statements in a row (in-process, cheap); on
 * PostgreSQL one, the mark as a data-modifying WITH: both parts see the same snapshot, so the
 * mark's lease guard reads the job as it was before this update, exactly as when run first, and
 * one network round trip per job is saved.
 */
export async function completeJob(
  id: number,
  token: string,
  done: { at: Date; status: number; result: string },
  mark?: Prisma.Sql,
): Promise<boolean> {
  const update = Prisma.sql`UPDATE "ReplicationJob" SET "state" = 'done', "completedAt" = ${done.at}, "lastStatus" = ${done.status},
      "lastError" = NULL, "result" = ${done.result}, "leaseToken" = NULL, "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${done.at}
    WHERE "id" = ${id} AND "leaseToken" = ${token} AND "state" = 'running'`;
  if (mark && dbProvider === "postgresql")
    return (await direct.execute(Prisma.sql`WITH "mark" AS (${mark}) ${update}`)) === 1;
  if (mark) await direct.execute(mark);
  return (await direct.execute(update)) === 1;
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
