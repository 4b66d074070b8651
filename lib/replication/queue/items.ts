import "server-only";
import { chunks, join, raw, sql, type Sql } from "@/lib/assets/sql";
import type { Tx } from "@/lib/db/tx";

// The items a job is about, and their Brand Portal status (bpState, bpAt, bpBy, bpVersion): the
// only place that writes it. One mapping from a job's kind and path to its row: assets and folders
// by path, collections by name ("/collections/<name>").

export type ItemKind = "asset" | "folder" | "collection";
type ItemRef = { kind: ItemKind | string; path: string };

const TARGETS = {
  asset: { table: raw(`"Asset"`), column: raw(`"path"`) },
  folder: { table: raw(`"Folder"`), column: raw(`"path"`) },
  collection: { table: raw(`"Collection"`), column: raw(`"name"`) },
} as const;

const KINDS = Object.keys(TARGETS) as ItemKind[];
const targetOf = (kind: string) => TARGETS[kind as ItemKind] ?? TARGETS.collection;

/** The value of the item's key column for a job's path. */
export const itemKey = (kind: string, path: string) =>
  kind === "collection" ? path.slice(path.lastIndexOf("/") + 1) : path;

const keysOf = (items: ItemRef[], kind: ItemKind) => [
  ...new Set(items.filter((i) => i.kind === kind).map((i) => itemKey(kind, i.path))),
];

/** Each item's id and status before it is queued, by `${kind}\n${path}`. */
export async function currentStates(
  tx: Tx,
  items: ItemRef[],
): Promise<Map<string, { id: string; bpState: string | null }>> {
  const out = new Map<string, { id: string; bpState: string | null }>();
  for (const kind of KINDS) {
    const { table, column } = TARGETS[kind];
    for (const part of chunks(keysOf(items, kind))) {
      const found = await tx.$queryRaw<{ id: string; k: string; bpState: string | null }[]>`
        SELECT "id", ${column} AS "k", "bpState" FROM ${table} WHERE ${column} IN (${join(part)})`;
      for (const r of found)
        out.set(`${kind}\n${kind === "collection" ? `/collections/${r.k}` : r.k}`, { id: r.id, bpState: r.bpState });
    }
  }
  return out;
}

/** Items that are queued (again) show "pending". */
export async function markPending(tx: Tx, items: ItemRef[]): Promise<void> {
  for (const kind of KINDS) {
    const { table, column } = TARGETS[kind];
    for (const part of chunks(keysOf(items, kind)))
      await tx.$executeRaw`UPDATE ${table} SET "bpState" = 'pending' WHERE ${column} IN (${join(part)})`;
  }
}

type LeftJob = ItemRef & { configId: string; prevBpState: string | null };

/** Items whose jobs left the queue unsent get back the status they had, unless another job waits. */
export async function restorePrevious(tx: Tx, jobs: LeftJob[]): Promise<void> {
  const first = new Map<string, LeftJob>();
  for (const j of jobs) if (!first.has(`${j.configId}\n${j.path}`)) first.set(`${j.configId}\n${j.path}`, j);
  for (const j of first.values()) {
    const { table, column } = targetOf(j.kind);
    const state = j.prevBpState === "pending" ? null : j.prevBpState;
    await tx.$executeRaw`UPDATE ${table} SET "bpState" = ${state}
      WHERE ${column} = ${itemKey(j.kind, j.path)} AND "bpState" = 'pending'
        AND NOT EXISTS (SELECT 1 FROM "ReplicationJob" l WHERE l."configId" = ${j.configId} AND l."path" = ${j.path}
          AND l."state" IN ('queued', 'running'))`;
  }
}

type FinishedJob = {
  id: number;
  leaseToken: string;
  configId: string;
  kind: string;
  path: string;
  refId: string | null;
  requestedBy: string | null;
};

/**
 * The item's status after a job's final outcome, as one statement for the completion to run with
 * (finish.ts). It changes nothing unless the lease is still the job's (fencing), and nothing while
 * a newer job for the same path is still to run (that job will set it). A failure keeps the date
 * and author of the last publication; an asset also records the version it was published at.
 */
export function finalItemState(
  job: FinishedJob,
  state: "published" | "unpublished" | "failed",
  at: Date,
  version: number | null,
): Sql {
  const { table, column } = targetOf(job.kind);
  const set =
    state === "failed"
      ? sql`"bpState" = ${state}`
      : job.kind === "asset"
        ? sql`"bpState" = ${state}, "bpAt" = ${at}, "bpBy" = ${job.requestedBy}, "bpVersion" = ${state === "published" ? version : null}`
        : sql`"bpState" = ${state}, "bpAt" = ${at}, "bpBy" = ${job.requestedBy}`;
  return sql`UPDATE ${table} SET ${set} WHERE ${column} = ${itemKey(job.kind, job.path)} ${guard(job)}`;
}

/** Fenced by the job's lease; nothing while a newer job for the same path is still to run. */
const guard = (job: FinishedJob) => sql`AND (${job.refId ?? ""} = '' OR "id" = ${job.refId ?? ""})
    AND EXISTS (SELECT 1 FROM "ReplicationJob" j WHERE j."id" = ${job.id} AND j."leaseToken" = ${job.leaseToken} AND j."state" = 'running')
    AND NOT EXISTS (SELECT 1 FROM "ReplicationJob" n WHERE n."configId" = ${job.configId} AND n."path" = ${job.path}
      AND n."id" > ${job.id} AND n."state" IN ('queued', 'running'))`;

/**
 * The item's status after the portal answered a job "stale" (it kept a newer request for the
 * path): as the newest delivered job for the path left it. Only an item still shown "pending"
 * changes (Retry marked it so; nothing else will set it), and, as above, only under the job's lease
 * and while no newer job for the path is still to run. When the newer job is no longer in the
 * queue's history, the item gets back the status it had before this job was queued.
 */
export function supersededItemState(job: FinishedJob): Sql {
  const { table, column } = targetOf(job.kind);
  const newer = sql`(SELECT CASE d."action" WHEN 'publish' THEN 'published' ELSE 'unpublished' END FROM "ReplicationJob" d
    WHERE d."configId" = ${job.configId} AND d."path" = ${job.path} AND d."id" > ${job.id} AND d."state" = 'done'
      AND (d."result" IS NULL OR d."result" <> 'stale')
    ORDER BY d."id" DESC LIMIT 1)`;
  const before = sql`(SELECT NULLIF(b."prevBpState", 'pending') FROM "ReplicationJob" b WHERE b."id" = ${job.id})`;
  return sql`UPDATE ${table} SET "bpState" = COALESCE(${newer}, ${before})
    WHERE ${column} = ${itemKey(job.kind, job.path)} AND "bpState" = 'pending' ${guard(job)}`;
}
