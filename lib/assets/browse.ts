import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { db } from "@/lib/db";
import { sql } from "@/lib/assets/sql";
import { getFolderByPath } from "@/lib/assets/folders";
import { describeBp } from "@/lib/assets/bp-state";
import { assetItem, assetListSelect, folderItem, folderListSelect } from "@/lib/assets/serialize";
import type { BrowseItem, BrowsePage, SortDir, SortKey } from "@/lib/assets/types";

export type BrowseParams = { path: string; sort: SortKey; dir: SortDir; offset: number; limit: number };

const ASSET_COLUMN = { name: "name", title: "title", type: "mimeType", size: "size", modified: "updatedAt" } as const;
const assetOrder = (sort: SortKey, dir: SortDir): Prisma.AssetOrderByWithRelationInput[] => {
  const by = ASSET_COLUMN[sort];
  return [{ [by]: dir }, ...(by === "name" ? [] : [{ name: "asc" as const }])];
};
const folderOrder = (sort: SortKey, dir: SortDir) =>
  sort === "title"
    ? [{ title: dir }, { name: "asc" as const }]
    : sort === "modified"
      ? [{ updatedAt: dir }]
      : [{ name: sort === "name" ? dir : "asc" }];

/**
 * One page of a folder: its subfolders first, then its assets, each sorted. Two counts and at most
 * two indexed range reads (Folder(parentId, name), Asset(folderId, <sort column>)), whatever the size.
 */
export async function listFolder(p: BrowseParams): Promise<BrowsePage> {
  const folder = await getFolderByPath(p.path);
  // Both counts in one plain SQL statement: the folder view asks for every page it shows, and
  // Prisma's query builder compiled each count anew (more CPU than counting).
  const [counts] = await db.$queryRaw<{ folders: number | bigint; assets: number | bigint }[]>(sql`SELECT
      (SELECT COUNT(*) FROM "Folder" WHERE "parentId" = ${folder.id}) AS "folders",
      (SELECT COUNT(*) FROM "Asset" WHERE "folderId" = ${folder.id}) AS "assets"`);
  const folderCount = Number(counts.folders);
  const assetCount = Number(counts.assets);
  const items: BrowseItem[] = [];
  if (p.offset < folderCount) {
    const rows = await db.folder.findMany({
      where: { parentId: folder.id },
      select: folderListSelect,
      orderBy: folderOrder(p.sort, p.dir),
      skip: p.offset,
      take: p.limit,
    });
    items.push(...rows.map(folderItem));
  }
  const room = p.limit - items.length;
  if (room > 0) {
    const rows = await db.asset.findMany({
      where: { folderId: folder.id },
      select: assetListSelect,
      orderBy: assetOrder(p.sort, p.dir),
      skip: Math.max(0, p.offset - folderCount),
      take: room,
    });
    items.push(...rows.map(assetItem));
  }
  return {
    folder,
    items: await describeBp(items),
    total: folderCount + assetCount,
    offset: p.offset,
    limit: p.limit,
    query: null,
  };
}
