import "server-only";
import { db } from "@/lib/db";
import { chunks, join, raw, type Sql } from "@/lib/assets/sql";
import type { Tx } from "@/lib/db/tx";

// The job table as publications see it: progress counts per publication, its items, removing the
// pending jobs of a terminated publication and queueing its failed ones again. (Every statement on
// ReplicationJob lives in lib/replication/queue/.)

export type JobCounts = { queued: number; running: number; done: number; skipped: number; failed: number };
const zero = (): JobCounts => ({ queued: 0, running: 0, done: 0, skipped: 0, failed: 0 });

/** Jobs per state for each publication, and how many finished since `since` (the recent rate). */
export async function publicationCounts(
  ids: string[],
  since: Date,
): Promise<Map<string, JobCounts & { recent: number; lastAt: Date | null }>> {
  const out = new Map(ids.map((id) => [id, { ...zero(), recent: 0, lastAt: null as Date | null }]));
  for (const part of chunks(ids)) {
    const groups = await db.$queryRaw<
      { p: string; s: string; n: bigint | number; last: Date | string | null }[]
    >`SELECT "publicationId" AS "p", "state" AS "s", COUNT(*) AS "n", MAX("completedAt") AS "last" FROM "ReplicationJob"
      WHERE "publicationId" IN (${join(part)}) GROUP BY "publicationId", "state"`;
    for (const g of groups) {
      const c = out.get(g.p)!;
      if (g.s in c) c[g.s as keyof JobCounts] += Number(g.n);
      const last = g.last === null ? null : new Date(g.last);
      if (last && (!c.lastAt || last > c.lastAt)) c.lastAt = last;
    }
    const recent = await db.$queryRaw<
      { p: string; n: bigint | number }[]
    >`SELECT "publicationId" AS "p", COUNT(*) AS "n"
      FROM "ReplicationJob" WHERE "publicationId" IN (${join(part)}) AND "completedAt" >= ${since}
      AND "state" IN ('done', 'skipped', 'failed') GROUP BY "publicationId"`;
    for (const r of recent) out.get(r.p)!.recent = Number(r.n);
  }
  return out;
}

export type PublicationJobRow = {
  id: number;
  kind: string;
  path: string;
  action: string;
  state: string;
  attempts: number;
  agentName: string | null;
  lastError: string | null;
  result: string | null;
  completedAt: Date | null;
};

/** A page of a publication's items, failed ones first when `failedFirst`. */
export async function publicationJobs(
  publicationId: string,
  opts: { skip: number; take: number; state?: string },
): Promise<{ rows: PublicationJobRow[]; total: number }> {
  const where = { publicationId, ...(opts.state ? { state: opts.state } : {}) };
  const [rows, total] = await Promise.all([
    db.replicationJob.findMany({
      where,
      orderBy: { id: "asc" },
      skip: opts.skip,
      take: opts.take,
      select: {
        id: true,
        kind: true,
        path: true,
        action: true,
        state: true,
        attempts: true,
        lastError: true,
        result: true,
        completedAt: true,
        agent: { select: { name: true } },
      },
    }),
    db.replicationJob.count({ where }),
  ]);
  return { rows: rows.map(({ agent, ...j }) => ({ ...j, agentName: agent?.name ?? null })), total };
}

type Removed = { kind: string; path: string; prevBpState: string | null };

/**
 * Removes the publication's jobs that have not started (jobs being sent finish their attempt;
 * finished ones stay), and gives their items back the status they had before, unless another job
 * still waits for them.
 */
export async function removePendingJobs(tx: Tx, publicationId: string): Promise<number> {
  const removed = await tx.$queryRaw<Removed[]>`DELETE FROM "ReplicationJob"
    WHERE "publicationId" = ${publicationId} AND "state" = 'queued' RETURNING "kind", "path", "prevBpState"`;
  await restoreStates(tx, removed);
  return removed.length;
}

/** Queues the publication's failed jobs again, attempts reset; their items become pending. */
export async function requeueFailedJobs(
  tx: Tx,
  publicationId: string,
  now: Date,
): Promise<{ count: number; configIds: string[] }> {
  const rows = await tx.$queryRaw<{ kind: string; path: string; configId: string }[]>`UPDATE "ReplicationJob"
    SET "state" = 'queued', "attempts" = 0, "nextAttemptAt" = ${now}, "completedAt" = NULL, "updatedAt" = ${now}
    WHERE "publicationId" = ${publicationId} AND "state" = 'failed' RETURNING "kind", "path", "configId"`;
  for (const kind of ["asset", "folder", "collection"] as const) {
    const { table, match } = TABLES[kind];
    for (const part of chunks(rows.filter((r) => r.kind === kind).map((r) => keyOf(kind, r.path))))
      await tx.$executeRaw`UPDATE ${table} SET "bpState" = 'pending' WHERE ${match} IN (${join(part)})`;
  }
  return { count: rows.length, configIds: [...new Set(rows.map((r) => r.configId))] };
}

/** Jobs of the publication that are still to run or running. */
export async function liveJobCount(publicationId: string): Promise<number> {
  return db.replicationJob.count({ where: { publicationId, state: { in: ["queued", "running"] } } });
}

// Each kind of item: its table, the column jobs name it by, and that column as a job path.
const TABLES: Record<string, { table: Sql; match: Sql; jobPath: Sql }> = {
  asset: { table: raw(`"Asset"`), match: raw(`"path"`), jobPath: raw(`"Asset"."path"`) },
  folder: { table: raw(`"Folder"`), match: raw(`"path"`), jobPath: raw(`"Folder"."path"`) },
  collection: {
    table: raw(`"Collection"`),
    match: raw(`"name"`),
    jobPath: raw(`'/collections/' || "Collection"."name"`),
  },
};
const keyOf = (kind: string, path: string) => (kind === "collection" ? path.slice(path.lastIndexOf("/") + 1) : path);

async function restoreStates(tx: Tx, removed: Removed[]) {
  const groups = new Map<string, Removed[]>();
  for (const r of removed) {
    const prev = r.prevBpState === "pending" ? null : r.prevBpState;
    const k = `${r.kind}\n${prev ?? ""}`;
    groups.set(k, [...(groups.get(k) ?? []), { ...r, prevBpState: prev }]);
  }
  for (const list of groups.values()) {
    const { kind, prevBpState } = list[0];
    const t = TABLES[kind];
    if (!t) continue;
    for (const part of chunks([...new Set(list.map((r) => keyOf(kind, r.path)))])) {
      await tx.$executeRaw`UPDATE ${t.table} SET "bpState" = ${prevBpState} WHERE ${t.match} IN (${join(part)})
        AND "bpState" = 'pending' AND NOT EXISTS (SELECT 1 FROM "ReplicationJob" j WHERE j."path" = ${t.jobPath}
        AND j."state" IN ('queued', 'running'))`;
    }
  }
}
