import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { ClaimedJob } from "@/lib/replication/queue/claim";

// The item's Brand Portal status after a final outcome, as one statement written just before the
// job's own update (on PostgreSQL, in the same statement: see lease.ts). It changes nothing unless the lease is still ours (fencing), and nothing while
// a newer job for the same path is still to run (that job will set it).

type State = "published" | "unpublished" | "failed";

export function markItem(job: ClaimedJob, state: State, at: Date, version: number | null): Prisma.Sql {
  const sql = Prisma.sql;
  const { id, leaseToken: token, configId, path, requestedBy: by } = job;
  const refId = job.refId ?? "";
  const name = path.slice(path.lastIndexOf("/") + 1);
  const v = state === "published" ? version : null;
  // Fenced by the lease, and skipped while a newer job for the same path is still to run.
  const guard = sql`AND (${refId} = '' OR "id" = ${refId})
    AND EXISTS (SELECT 1 FROM "ReplicationJob" j WHERE j."id" = ${id} AND j."leaseToken" = ${token} AND j."state" = 'running')
    AND NOT EXISTS (SELECT 1 FROM "ReplicationJob" n WHERE n."configId" = ${configId} AND n."path" = ${path} AND n."id" > ${id} AND n."state" IN ('queued', 'running'))`;
  // A failure keeps the date and author of the last publication; an asset also records its version.
  const set =
    state === "failed"
      ? sql`"bpState" = ${state}`
      : job.kind === "asset"
        ? sql`"bpState" = ${state}, "bpAt" = ${at}, "bpBy" = ${by}, "bpVersion" = ${v}`
        : sql`"bpState" = ${state}, "bpAt" = ${at}, "bpBy" = ${by}`;
  if (job.kind === "asset") return sql`UPDATE "Asset" SET ${set} WHERE "path" = ${path} ${guard}`;
  if (job.kind === "folder") return sql`UPDATE "Folder" SET ${set} WHERE "path" = ${path} ${guard}`;
  return sql`UPDATE "Collection" SET ${set} WHERE "name" = ${name} ${guard}`;
}
