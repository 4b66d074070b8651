import "server-only";
import { direct } from "@/lib/db";
import { dbProvider } from "@/lib/env";
import { sql, type Sql } from "@/lib/assets/sql";
import { finalItemState, supersededItemState } from "@/lib/replication/queue/items";

// The end of an attempt, written to the job only while the worker still holds the lease it claimed
// the job with (fencing: a worker whose lease expired, and whose job another worker re-claimed,
// changes nothing). Each returns whether the lease was still held. On the driver (lib/db/direct.ts):
// these run once per job.

type Job = {
  id: number;
  agentId: string;
  leaseToken: string;
  configId: string;
  kind: string;
  action: string;
  path: string;
  refId: string | null;
  requestedBy: string | null;
};

const unlease = sql`"leaseToken" = NULL, "leaseOwner" = NULL, "leaseExpiresAt" = NULL`;

/**
 * A success's write on PostgreSQL, handed to the worker instead of run (`via`): the worker runs it
 * inside its next claim (claim.ts), one round trip fewer per job, or on its own if no claim follows.
 * `update` returns the job's id when the lease was still held.
 */
export type FinishParts = { agentId: string; leaseToken: string; update: Sql; item?: Sql };
export type FinishWriter = (parts: FinishParts) => Promise<boolean>;

/**
 * Sets `set` on the job and, with it, the item's status (`item`, guarded by the same lease). On
 * SQLite two statements in a row (in-process, cheap; if the process dies in between, the item's
 * status is already true and the job, still leased, is sent again when the lease expires, which
 * the portal answers as a no-op). On PostgreSQL one, the item's update as a data-modifying WITH:
 * both parts see the same snapshot, so its lease guard reads the job as it was before this update,
 * and a network round trip per job is saved.
 */
async function finish(job: Job, at: Date, set: Sql, item?: Sql, via?: FinishWriter): Promise<boolean> {
  const update = sql`UPDATE "ReplicationJob" SET ${set}, ${unlease}, "updatedAt" = ${at}
    WHERE "id" = ${job.id} AND "leaseToken" = ${job.leaseToken} AND "state" = 'running'`;
  if (dbProvider === "postgresql") {
    const parts = { agentId: job.agentId, leaseToken: job.leaseToken, update, item };
    return via ? via(parts) : writeFinish(parts);
  }
  if (item) await direct.execute(item);
  return (await direct.execute(update)) === 1;
}

/** PostgreSQL: the write on its own, and the agent no longer busy with this job (claim.ts), unless a newer claim marked it. */
export async function writeFinish({ agentId, leaseToken, update, item }: FinishParts): Promise<boolean> {
  const free = sql`"free" AS (UPDATE "ReplicationAgent" SET "busyOwner" = NULL, "busyToken" = NULL, "busyUntil" = NULL
    WHERE "id" = ${agentId} AND "busyToken" = ${leaseToken})`;
  return (await direct.execute(sql`WITH ${free}${item ? sql`, "item" AS (${item})` : sql``} ${update}`)) === 1;
}

/** Delivered: the item is published (or unpublished) at this version. */
export function completeJob(
  job: Job,
  done: { at: Date; status: number; result: string; version: number | null },
  via?: FinishWriter,
): Promise<boolean> {
  const state = job.action === "publish" ? "published" : "unpublished";
  return finish(
    job,
    done.at,
    sql`"state" = 'done', "completedAt" = ${done.at}, "lastStatus" = ${done.status}, "lastError" = NULL,
      "result" = ${done.result.slice(0, 200)}`,
    finalItemState(job, state, done.at, done.version),
    via,
  );
}

/**
 * Done, though the portal kept a newer request for the path (it answered "stale"): not sent again,
 * and the item keeps the status that newer request gave it.
 */
export function supersedeJob(job: Job, at: Date, status: number, via?: FinishWriter): Promise<boolean> {
  return finish(
    job,
    at,
    sql`"state" = 'done', "completedAt" = ${at}, "lastStatus" = ${status}, "lastError" = NULL, "result" = 'stale'`,
    supersededItemState(job),
    via,
  );
}

/** Nothing to send (the item was deleted or moved): the reason is kept as the job's result. */
export function skipJob(job: Job, at: Date, reason: string, via?: FinishWriter): Promise<boolean> {
  return finish(
    job,
    at,
    sql`"state" = 'skipped', "completedAt" = ${at}, "result" = ${reason}, "lastError" = NULL`,
    undefined,
    via,
  );
}

/** Parked as failed: the rest of the queue goes on; Retry or Force Retry brings it back. */
export function failJob(job: Job, at: Date, error: string, status: number | null): Promise<boolean> {
  return finish(
    job,
    at,
    sql`"state" = 'failed', "completedAt" = ${at}, "lastStatus" = ${status}, "lastError" = ${error}`,
    finalItemState(job, "failed", at, null),
  );
}

/** Back in the queue until `next`, the attempt counted. */
export function scheduleRetry(job: Job, at: Date, next: Date, error: string, status: number | null): Promise<boolean> {
  return finish(
    job,
    at,
    sql`"state" = 'queued', "nextAttemptAt" = ${next}, "lastStatus" = ${status}, "lastError" = ${error}`,
  );
}

/** Back in the queue until `next`, the attempt not counted (the job was not at fault, or we stop). */
export function deferJob(job: Job, at: Date, next: Date, error: string | null): Promise<boolean> {
  return finish(
    job,
    at,
    error === null
      ? sql`"state" = 'queued', "attempts" = "attempts" - 1, "nextAttemptAt" = ${next}`
      : sql`"state" = 'queued', "attempts" = "attempts" - 1, "nextAttemptAt" = ${next}, "lastStatus" = NULL, "lastError" = ${error}`,
  );
}

/** Hands a job back untouched (shutdown): it does not count as an attempt. */
export function releaseJob(job: Job, nowMs: number): Promise<boolean> {
  const now = new Date(nowMs);
  return deferJob(job, now, now, null);
}
