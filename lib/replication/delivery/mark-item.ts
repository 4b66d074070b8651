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
  // The guard, spelled out in each statement.
  if (job.kind === "asset") {
    if (state === "failed") {
      return sql`UPDATE "Asset" SET "bpState" = ${state}
        WHERE "path" = ${path} AND (${refId} = '' OR "id" = ${refId})
          AND EXISTS (SELECT 1 FROM "ReplicationJob" j WHERE j."id" = ${id} AND j."leaseToken" = ${token} AND j."state" = 'running')
          AND NOT EXISTS (SELECT 1 FROM "ReplicationJob" n WHERE n."configId" = ${configId} AND n."path" = ${path} AND n."id" > ${id} AND n."state" IN ('queued', 'running'))`;
    }
    return sql`UPDATE "Asset" SET "bpState" = ${state}, "bpAt" = ${at}, "bpBy" = ${by}, "bpVersion" = ${v}
      WHERE "path" = ${path} AND (${refId} = '' OR "id" = ${refId})
        AND EXISTS (SELECT 1 FROM "ReplicationJob" j WHERE j."id" = ${id} AND j."leaseToken" = ${token} AND j."state" = 'running')
        AND NOT EXISTS (SELECT 1 FROM "ReplicationJob" n WHERE n."configId" = ${configId} AND n."path" = ${path} AND n."id" > ${id} AND n."state" IN ('queued', 'running'))`;
  }
  if (job.kind === "folder") {
    if (state === "failed") {
      return sql`UPDATE "Folder" SET "bpState" = ${state}
        WHERE "path" = ${path} AND (${refId} = '' OR "id" = ${refId})
          AND EXISTS (SELECT 1 FROM "ReplicationJob" j WHERE j."id" = ${id} AND j."leaseToken" = ${token} AND j."state" = 'running')
          AND NOT EXISTS (SELECT 1 FROM "ReplicationJob" n WHERE n."configId" = ${configId} AND n."path" = ${path} AND n."id" > ${id} AND n."state" IN ('queued', 'running'))`;
    }
    return sql`UPDATE "Folder" SET "bpState" = ${state}, "bpAt" = ${at}, "bpBy" = ${by}
      WHERE "path" = ${path} AND (${refId} = '' OR "id" = ${refId})
        AND EXISTS (SELECT 1 FROM "ReplicationJob" j WHERE j."id" = ${id} AND j."leaseToken" = ${token} AND j."state" = 'running')
        AND NOT EXISTS (SELECT 1 FROM "ReplicationJob" n WHERE n."configId" = ${configId} AND n."path" = ${path} AND n."id" > ${id} AND n."state" IN ('queued', 'running'))`;
  }
  if (state === "failed") {
    return sql`UPDATE "Collection" SET "bpState" = ${state}
      WHERE "name" = ${name} AND (${refId} = '' OR "id" = ${refId})
        AND EXISTS (SELECT 1 FROM "ReplicationJob" j WHERE j."id" = ${id} AND j."leaseToken" = ${token} AND j."state" = 'running')
        AND NOT EXISTS (SELECT 1 FROM "ReplicationJob" n WHERE n."configId" = ${configId} AND n."path" = ${path} AND n."id" > ${id} AND n."state" IN ('queued', 'running'))`;
  }
  return sql`UPDATE "Collection" SET "bpState" = ${state}, "bpAt" = ${at}, "bpBy" = ${by}
    WHERE "name" = ${name} AND (${refId} = '' OR "id" = ${refId})
      AND EXISTS (SELECT 1 FROM "ReplicationJob" j WHERE j."id" = ${id} AND j."leaseToken" = ${token} AND j."state" = 'running')
      AND NOT EXISTS (SELECT 1 FROM "ReplicationJob" n WHERE n."configId" = ${configId} AND n."path" = ${path} AND n."id" > ${id} AND n."state" IN ('queued', 'running'))`;
}
