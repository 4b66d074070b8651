import "server-only";
import { db } from "@/lib/db";
import { DAM_ROOT } from "@/lib/assets/names";
import { getFolderByPath } from "@/lib/assets/folders";
import { bpCondition, describeBp, scheduledCover } from "@/lib/assets/bp-state";
import { assetItem, assetListSelect, folderItem, folderListSelect } from "@/lib/assets/serialize";
import { below, containsFolded, containsTerm, join, raw, sql, type Sql } from "@/lib/assets/sql";
import type { BpFilter, BrowseItem, BrowsePage, SortDir, SortKey } from "@/lib/assets/types";

export type SearchParams = {
  path: string;
  q: string;
  /** Only items in this Brand Portal state; then folders in it are listed too, before the assets. */
  bp?: BpFilter | null;
  sort: SortKey;
  dir: SortDir;
  offset: number;
  limit: number;
};

const COLUMN: Record<SortKey, string> = {
  name: "name",
  title: "title",
  type: "mimeType",
  size: "size",
  modified: "updatedAt",
};

/**
 * Assets anywhere below a folder whose name or title contains every word of the query, matched
 * on the lower-cased Asset.searchText (portable: no case-insensitive collations needed), and, with
 * a Brand Portal filter, only those in that state (Asset(bpState, name, id) finds a rare state's
 * rows without reading the others), after the folders below in that state.
 */
export async function searchAssets(p: SearchParams): Promise<BrowsePage> {
  const folder = await getFolderByPath(p.path);
  const words = [...new Set(p.q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8);
  const cover = p.bp ? await scheduledCover() : null;
  const conditions = words.map((w) => containsTerm("searchText", w));
  const subtree = folder.path !== DAM_ROOT ? await inSubtree(folder) : null; // everything lives below the root
  if (p.bp && cover) conditions.push(bpCondition(p.bp, "Asset", cover, !subtree?.byIds));
  if (subtree) conditions.push(subtree.where);
  const where = conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : sql``;
  const dir = p.dir === "desc" ? "DESC" : "ASC";
  const order = raw(`"${COLUMN[p.sort]}" ${dir}, "id" ASC`);

  // With a filter, the folders below in that state come first (there are few folders).
  const folders = p.bp && cover ? await matchingFolders(folder.path, words, bpCondition(p.bp, "Folder", cover)) : [];
  const items: BrowseItem[] = [];
  if (p.offset < folders.length) {
    const page = folders.slice(p.offset, p.offset + p.limit);
    const rows = await db.folder.findMany({ where: { id: { in: page } }, select: folderListSelect });
    const byId = new Map(rows.map((r) => [r.id, r]));
    items.push(...page.flatMap((id) => (byId.has(id) ? [folderItem(byId.get(id)!)] : [])));
  }
  const room = p.limit - Math.min(p.limit, Math.max(0, folders.length - p.offset));
  const assetOffset = Math.max(0, p.offset - folders.length);
  const [ids, count] = await Promise.all([
    room > 0
      ? db.$queryRaw<
          { id: string }[]
        >`SELECT "id" FROM "Asset" ${where} ORDER BY ${order} LIMIT ${room} OFFSET ${assetOffset}`
      : Promise.resolve([]),
    db.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS "n" FROM "Asset" ${where}`,
  ]);
  const rows = ids.length
    ? await db.asset.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: assetListSelect })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  items.push(
    ...ids
      .map((r) => byId.get(r.id))
      .filter((r) => r !== undefined)
      .map(assetItem),
  );
  return {
    folder,
    items: await describeBp(items, cover ?? undefined),
    total: folders.length + Number(count[0]?.n ?? 0),
    offset: p.offset,
    limit: p.limit,
    query: p.q || null,
    bp: p.bp ?? null,
  };
}

/** Ids of the folders below `path` in a state whose name or title holds every word, by title. */
async function matchingFolders(path: string, words: string[], state: Sql): Promise<string[]> {
  const conditions = [
    state,
    below("path", path),
    ...words.map((w) => sql`(${containsFolded("name", w)} OR ${containsFolded("title", w)})`),
  ];
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Folder" WHERE ${join(conditions, " AND ")}
    ORDER BY "title" ASC, "name" ASC LIMIT 10000`;
  return rows.map((r) => r.id);
}

/**
 * Below a folder: by folder ids when the subtree is small (an indexed seek on Asset.folderId),
 * else by path prefix (a scan, but then most of the repository is in scope anyway).
 */
async function inSubtree(folder: { id: string; path: string }): Promise<{ where: Sql; byIds: boolean }> {
  const sub = await db.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "Folder" WHERE ${below("path", folder.path)} LIMIT ${SUBTREE_IDS + 1}`;
  if (sub.length > SUBTREE_IDS) return { where: below("path", folder.path), byIds: false };
  return { where: sql`"folderId" IN (${join([folder.id, ...sub.map((s) => s.id)])})`, byIds: true };
}

const SUBTREE_IDS = 500;
