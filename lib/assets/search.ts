import "server-only";
import { db } from "@/lib/db";
import { DAM_ROOT } from "@/lib/assets/names";
import { getFolderByPath } from "@/lib/assets/folders";
import { assetItem, assetListSelect } from "@/lib/assets/serialize";
import { below, containsTerm, join, raw, sql } from "@/lib/assets/sql";
import type { BrowsePage, SortDir, SortKey } from "@/lib/assets/types";

export type SearchParams = { path: string; q: string; sort: SortKey; dir: SortDir; offset: number; limit: number };

const COLUMN: Record<SortKey, string> = {
  name: "name",
  title: "title",
  type: "mimeType",
  size: "size",
  modified: "updatedAt",
};

/**
 * Assets anywhere below a folder whose name or title contains every word of the query, matched
 * on the lower-cased Asset.searchText (portable: no case-insensitive collations needed).
 */
export async function searchAssets(p: SearchParams): Promise<BrowsePage> {
  const folder = await getFolderByPath(p.path);
  const words = [...new Set(p.q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8);
  const conditions = words.map((w) => containsTerm("searchText", w));
  if (folder.path !== DAM_ROOT) conditions.push(await inSubtree(folder)); // everything lives below the root
  const where = conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : sql``;
  const dir = p.dir === "desc" ? "DESC" : "ASC";
  const order = raw(`"${COLUMN[p.sort]}" ${dir}, "id" ASC`);
  const [ids, count] = await Promise.all([
    db.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "Asset" ${where} ORDER BY ${order} LIMIT ${p.limit} OFFSET ${p.offset}`,
    db.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS "n" FROM "Asset" ${where}`,
  ]);
  const rows = ids.length
    ? await db.asset.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: assetListSelect })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids
    .map((r) => byId.get(r.id))
    .filter((r) => r !== undefined)
    .map(assetItem);
  return { folder, items, total: Number(count[0]?.n ?? 0), offset: p.offset, limit: p.limit, query: p.q };
}

/**
 * Below a folder: by folder ids when the subtree is small (an indexed seek on Asset.folderId),
 * else by path prefix (a scan, but then most of the repository is in scope anyway).
 */
async function inSubtree(folder: { id: string; path: string }) {
  const sub = await db.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "Folder" WHERE ${below("path", folder.path)} LIMIT ${SUBTREE_IDS + 1}`;
  if (sub.length > SUBTREE_IDS) return below("path", folder.path);
  return sql`"folderId" IN (${join([folder.id, ...sub.map((s) => s.id)])})`;
}

const SUBTREE_IDS = 500;
