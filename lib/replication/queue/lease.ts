import "server-only";
import { direct } from "@/lib/db";
import { sql } from "@/lib/assets/sql";
import { dbProvider } from "@/lib/env";
import { logLeaseExpired, type ExpiredJob } from "@/lib/replication/worker/record-attempt";

// A claimed job's lease: the worker's heartbeat extends it; a worker that died stops extending it,
// and its job returns to the queue (the claim also takes such jobs: this keeps the view true).

/** Whether the lease was still ours (false: another worker has the job now). */
export async function extendLease(id: number, token: string, untilMs: number): Promise<boolean> {
  const until = new Date(untilMs);
  const extend = sql`UPDATE "ReplicationJob" SET "leaseExpiresAt" = ${until}
    WHERE "id" = ${id} AND "leaseToken" = ${token} AND "state" = 'running'`;
  // PostgreSQL: the agent stays busy as long (claim.ts).
  const n = await direct.execute(
    dbProvider === "postgresql"
      ? sql`WITH "busy" AS (UPDATE "ReplicationAgent" SET "busyUntil" = ${until} WHERE "busyToken" = ${token}) ${extend}`
      : extend,
  );
  return n === 1;
}

/** Jobs whose worker died go back to the queue, each with a line in its agent's log saying why. */
export async function reapExpiredLeases(nowMs: number): Promise<number> {
  const now = new Date(nowMs);
  const reaped = await direct.query<ExpiredJob>(sql`UPDATE "ReplicationJob" SET "state" = 'queued', "leaseToken" = NULL,
      "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "nextAttemptAt" = ${now}, "updatedAt" = ${now}
    WHERE "state" = 'running' AND "leaseExpiresAt" < ${now}
    RETURNING "agentId", "action", "kind", "path", "attempts"`);
  for (const job of reaped) await logLeaseExpired(job, now);
  return reaped.length;
}
