import "server-only";
import { db } from "@/lib/db";
import { below, join, sql, type Sql } from "@/lib/assets/sql";
import type { BpFilter, BpStatus } from "@/lib/assets/types";

// What the Assets console shows of an item's Brand Portal state, read only: the state the
// replication queue wrote (Asset/Folder/Collection.bpState, bpAt, bpBy), with the name of who
// published instead of their id, the reason of the failed job, and the scheduled publication whose
// scope covers the item. A scheduled publication covers what it names, the assets and folders
// below a folder it names, and, when it publishes, a collection's members (unpublishing a
// collection removes the collection only: its members stay); it is found by the ids in its scope (the
// folders' current paths, so a folder moved since still covers what is in it). There are few
// scheduled publications at a time: reading them all costs one indexed query.

type Item = { kind: "asset" | "folder" | "collection"; id: string; path: string; bp: BpStatus };
type ScopeEntry = { kind: string; id?: string; path?: string };
type Scheduled = { id: string; title: string; action: string; at: Date; scope: ScopeEntry[] };

export type ScheduledCover = {
  publications: Scheduled[];
  assetIds: Set<string>;
  folderIds: Set<string>;
  /** Collections a scheduled publish names: it publishes their members too. */
  collectionIds: Set<string>;
  /** Current paths of the folders named in scopes, with their publication. */
  folders: { path: string; pub: Scheduled }[];
};

/** The scheduled publications and what their scopes name. */
export async function scheduledCover(): Promise<ScheduledCover> {
  // Publication(state, scheduledAt) is indexed; plain SQL: this runs for every page of the console.
  const rows = await db.$queryRaw<
    { id: string; title: string; action: string; scheduledAt: Date | string | number | null; scope: string }[]
  >`SELECT "id", "title", "action", "scheduledAt", "scope" FROM "Publication" WHERE "state" = 'scheduled'
    ORDER BY "scheduledAt" ASC LIMIT 1000`;
  const publications: Scheduled[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    action: r.action,
    at: r.scheduledAt === null ? new Date(0) : new Date(r.scheduledAt),
    scope: parseScope(r.scope),
  }));
  const cover: ScheduledCover = {
    publications,
    assetIds: new Set(),
    folderIds: new Set(),
    collectionIds: new Set(),
    folders: [],
  };
  const folderPub = new Map<string, Scheduled>();
  for (const p of publications)
    for (const e of p.scope) {
      if (!e.id) continue;
      if (e.kind === "asset") cover.assetIds.add(e.id);
      else if (e.kind === "collection" && p.action === "publish") cover.collectionIds.add(e.id);
      else if (e.kind === "folder") {
        cover.folderIds.add(e.id);
        if (!folderPub.has(e.id)) folderPub.set(e.id, p);
      }
    }
  if (folderPub.size) {
    const found = await db.folder.findMany({
      where: { id: { in: [...folderPub.keys()] } },
      select: { id: true, path: true },
    });
    cover.folders = found.map((f) => ({ path: f.path, pub: folderPub.get(f.id)! }));
  }
  return cover;
}

function parseScope(raw: string): ScopeEntry[] {
  try {
    const v = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((e): e is ScopeEntry => !!e && typeof e === "object" && "kind" in e) : [];
  } catch {
    return [];
  }
}

/**
 * Fills in `byName`, `error` and `scheduled` of the items' Brand Portal status: at most four small
 * indexed queries for a page, whatever its size.
 */
export async function describeBp<T extends Item>(items: T[], cover?: ScheduledCover): Promise<T[]> {
  if (!items.length) return items;
  const userIds = [...new Set(items.map((i) => i.bp.by).filter((x): x is string => !!x))];
  const jobPath = (i: Item) =>
    i.kind === "collection" ? `/collections/${i.path.slice(i.path.lastIndexOf("/") + 1)}` : i.path;
  const failed = items.filter((i) => i.bp.state === "failed");
  // Independent reads, together: the page waits for the slowest, not for their sum.
  const [c, users, errors] = await Promise.all([
    cover ?? scheduledCover(),
    userIds.length
      ? db.$queryRaw<{ id: string; name: string }[]>`SELECT "id", "name" FROM "User" WHERE "id" IN (${join(userIds)})`
      : [],
    failed.length
      ? // (configId, path, state) is indexed; the configurations are few.
        db.$queryRaw<{ kind: string; path: string; lastError: string | null }[]>`SELECT "kind", "path", "lastError"
          FROM "ReplicationJob" WHERE "configId" IN (SELECT "id" FROM "BrandPortalConfig")
          AND "path" IN (${join(failed.map(jobPath))}) AND "state" = 'failed' ORDER BY "id" DESC`
      : [],
  ]);
  const members =
    c.collectionIds.size && items.some((i) => i.kind === "asset")
      ? await db.collectionMember.findMany({
          where: {
            assetId: { in: items.filter((i) => i.kind === "asset").map((i) => i.id) },
            collectionId: { in: [...c.collectionIds] },
          },
          select: { assetId: true, collectionId: true },
        })
      : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const reasons = new Map<string, string>();
  for (const e of errors)
    if (!reasons.has(`${e.kind}\n${e.path}`)) reasons.set(`${e.kind}\n${e.path}`, e.lastError ?? "");
  const memberOf = new Map<string, string[]>();
  for (const m of members) memberOf.set(m.assetId, [...(memberOf.get(m.assetId) ?? []), m.collectionId]);

  for (const i of items) {
    if (i.bp.by) i.bp.byName = names.get(i.bp.by) ?? "a deleted user";
    if (i.bp.state === "failed") i.bp.error = reasons.get(`${i.kind}\n${jobPath(i)}`) || null;
    const pub = c.publications.find(
      (p) =>
        p.scope.some(
          (e) =>
            e.id === i.id ||
            (p.action === "publish" &&
              e.kind === "collection" &&
              e.id !== undefined &&
              (memberOf.get(i.id) ?? []).includes(e.id)),
        ) || c.folders.some((f) => f.pub === p && i.path.startsWith(`${f.path}/`)),
    );
    if (pub) i.bp.scheduled = { at: pub.at.toISOString(), action: pub.action, title: pub.title };
  }
  return items;
}

/**
 * The SQL condition of a Brand Portal filter on the Asset or Folder table. "pending" includes what
 * a scheduled publication covers; "not-published" includes what was unpublished. `seek`: let the
 * database find the rows by the bpState index (the whole repository, or a large subtree); false
 * when a folder-id list already narrows the rows to a few folders, where walking the state's rows
 * (30 % of the repository for "published") would cost more than checking the folders' rows.
 */
export function bpCondition(filter: BpFilter, table: "Asset" | "Folder", cover: ScheduledCover, seek = true): Sql {
  // COALESCE hides the column from the index (on SQLite and PostgreSQL alike) without changing the result.
  const state = seek ? sql`"bpState"` : sql`COALESCE("bpState", '')`;
  if (filter === "published") return sql`${state} = 'published'`;
  if (filter === "failed") return sql`${state} = 'failed'`;
  const covered = coverCondition(table, cover);
  if (filter === "not-published") {
    // Never published, or unpublished, and nothing scheduled for it (that shows as pending).
    const none = seek ? sql`("bpState" IS NULL OR "bpState" = 'unpublished')` : sql`${state} IN ('', 'unpublished')`;
    return covered ? sql`(${none} AND NOT ${covered})` : none;
  }
  return covered ? sql`(${state} = 'pending' OR ${covered})` : sql`${state} = 'pending'`;
}

/** What the scheduled publications cover, as a condition on the Asset or Folder table (null: nothing). */
function coverCondition(table: "Asset" | "Folder", cover: ScheduledCover): Sql | null {
  const parts: Sql[] = [];
  const ids = table === "Asset" ? cover.assetIds : cover.folderIds;
  if (ids.size) parts.push(sql`"id" IN (${join([...ids])})`);
  for (const f of cover.folders) parts.push(below("path", f.path));
  if (table === "Asset" && cover.collectionIds.size)
    parts.push(
      sql`"id" IN (SELECT "assetId" FROM "CollectionMember" WHERE "collectionId" IN (${join([...cover.collectionIds])}))`,
    );
  return parts.length ? sql`(${join(parts, " OR ")})` : null;
}
