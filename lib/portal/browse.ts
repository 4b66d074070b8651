import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assetCardSelect, toCard, type PortalAssetCard } from "@/lib/portal/asset-view";
import { ancestorFolders } from "@/lib/portal/folders-of";
import { DAM_ROOT } from "@/lib/portal/paths";
import { visible, type PortalScope } from "@/lib/portal/visibility";

// The portal's folder pages: a folder's subfolders and one sorted page of its assets, the folder
// tree around it, and the collections. Every query is bounded (a page, one folder's children, the
// tree along one path), so pages stay fast with 100,000 assets.

export const SORTS = ["name", "title", "publishedAt", "size", "mimeType"] as const;
export type Sort = (typeof SORTS)[number];

export const listQuery = z.object({
  sort: z.enum(SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  view: z.enum(["card", "list"]).catch("card"),
});
export type ListQuery = z.infer<typeof listQuery>;
export const PAGE_SIZE = 48;

export type PortalFolderCard = { path: string; title: string; name: string; isPublic: boolean };

const folderCard = (f: { path: string; title: string; isPublic: boolean }): PortalFolderCard => ({
  path: f.path,
  title: f.title,
  name: f.path.slice(f.path.lastIndexOf("/") + 1),
  isPublic: f.isPublic,
});

/** The folder at `path` if the viewer may see it (the DAM root always), else null. */
export async function findFolder(v: PortalScope, path: string) {
  if (path === DAM_ROOT) return { path, title: "Assets", isPublic: true, description: "" };
  const f = await db.portalFolder.findFirst({
    where: { ...visible(v), path },
    select: { path: true, title: true, isPublic: true, metadata: true },
  });
  if (!f) return null;
  let description = "";
  try {
    description = String(JSON.parse(f.metadata).description ?? "");
  } catch {
    description = "";
  }
  return { path: f.path, title: f.title, isPublic: f.isPublic, description };
}

export async function listSubfolders(v: PortalScope, parentPath: string): Promise<PortalFolderCard[]> {
  const rows = await db.portalFolder.findMany({
    where: { ...visible(v), parentPath },
    select: { path: true, title: true, isPublic: true },
    orderBy: { path: "asc" },
    take: 1000,
  });
  return rows.map(folderCard);
}

/** One page of a folder's own assets, sorted; `total` for the pager. */
export async function listFolderAssets(
  v: PortalScope,
  folderPath: string,
  q: Pick<ListQuery, "sort" | "dir" | "page">,
): Promise<{ assets: PortalAssetCard[]; total: number; page: number; pages: number }> {
  const where = { ...visible(v), folderPath };
  const total = await db.portalAsset.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(q.page, pages);
  const rows = await db.portalAsset.findMany({
    where,
    select: assetCardSelect,
    orderBy: [{ [q.sort]: q.dir }, { name: "asc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
  });
  return { assets: rows.map(toCard), total, page, pages };
}

export type TreeNode = PortalFolderCard & { parentPath: string };

/**
 * The folder tree along `path`: the top-level folders, and the children of each folder on the way
 * down to `path` (what an expanded tree shows), never the whole tree.
 */
export async function folderTree(v: PortalScope, path: string): Promise<TreeNode[]> {
  const open = [DAM_ROOT, ...(path === DAM_ROOT ? [] : ancestorFolders(path))];
  const rows = await db.portalFolder.findMany({
    where: { ...visible(v), parentPath: { in: open } },
    select: { path: true, title: true, isPublic: true, parentPath: true },
    orderBy: { path: "asc" },
    take: 2000,
  });
  return rows.map((r) => ({ ...folderCard(r), parentPath: r.parentPath }));
}

export type PortalCollectionCard = {
  name: string;
  title: string;
  description: string;
  isPublic: boolean;
  members: number;
};

export async function listCollections(v: PortalScope): Promise<PortalCollectionCard[]> {
  const rows = await db.portalCollection.findMany({
    where: visible(v),
    select: { name: true, title: true, description: true, isPublic: true, memberPaths: true },
    orderBy: { title: "asc" },
    take: 500,
  });
  return rows.map((c) => ({
    name: c.name,
    title: c.title,
    description: c.description,
    isPublic: c.isPublic,
    members: memberPaths(c.memberPaths).length,
  }));
}

function memberPaths(json: string): string[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** A collection and one page of the members the viewer may see (members removed since are gone). */
export async function getCollection(v: PortalScope, name: string, q: Pick<ListQuery, "sort" | "dir" | "page">) {
  const c = await db.portalCollection.findFirst({ where: { ...visible(v), name } });
  if (!c) return null;
  const paths = memberPaths(c.memberPaths);
  // Which members exist and are visible, in chunks (a collection may list thousands of paths).
  const ids: string[] = [];
  for (let i = 0; i < paths.length; i += 500) {
    const rows = await db.portalAsset.findMany({
      where: { ...visible(v), path: { in: paths.slice(i, i + 500) } },
      select: { id: true },
    });
    ids.push(...rows.map((r) => r.id));
  }
  const total = ids.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(q.page, pages);
  const rows = total
    ? await db.portalAsset.findMany({
        where: { id: { in: ids.slice(0, 30_000) } },
        select: assetCardSelect,
        orderBy: [{ [q.sort]: q.dir }, { name: "asc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
      })
    : [];
  return {
    name: c.name,
    title: c.title,
    description: c.description,
    isPublic: c.isPublic,
    assets: rows.map(toCard),
    total,
    page,
    pages,
  };
}
