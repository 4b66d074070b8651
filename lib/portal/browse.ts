import "server-only";
import { cache } from "react";
import { z } from "zod";
import { db } from "@/lib/db";
import { assetCardSelect, toCard } from "@/lib/portal/asset-view";
import { ancestorFolders, parentOf } from "@/lib/portal/folders-of";
import { collectionMembers, memberPaths } from "@/lib/portal/collection-members";
import { DAM_ROOT } from "@/lib/portal/paths";
import { PAGE_SIZE, SORTS } from "@/lib/portal/folder-assets";
import { join, sql, type Sql } from "@/lib/assets/sql";
import { seesEverything, visible, visibleSql, type PortalScope } from "@/lib/portal/visibility";

// The portal's folder pages: a folder's subfolders and one sorted page of its assets, the folder
// tree around it, and the collections. Every query is bounded (a page, one folder's children, the
// tree along one path), so pages stay fast with 100,000 assets.

export { listFolderAssets, PAGE_SIZE, SORTS, type Sort } from "@/lib/portal/folder-assets";

export const listQuery = z.object({
  sort: z.enum(SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  view: z.enum(["card", "list"]).catch("card"),
});
export type ListQuery = z.infer<typeof listQuery>;

export type PortalFolderCard = { path: string; title: string; name: string; isPublic: boolean };

const folderCard = (f: { path: string; title: string; isPublic: boolean }): PortalFolderCard => ({
  path: f.path,
  title: f.title,
  name: f.path.slice(f.path.lastIndexOf("/") + 1),
  isPublic: f.isPublic,
});

/**
 * Folders a portal user may open although they are not public: those above a public folder (it
 * arrived with Public Folder Publish on, its parents earlier without). They are the way to it, and
 * show only their public content. Nothing for an administrator, who sees every folder.
 */
async function passages(v: PortalScope): Promise<Set<string>> {
  return seesEverything(v) ? new Set() : passagesOf(v.tenantId);
}

/** Once per request: a folder page asks for its folder, its tree and perhaps its subfolders. */
const passagesOf = cache(async (tenantId: string) => {
  const rows = await db.$queryRaw<{ parentPath: string }[]>(
    sql`SELECT DISTINCT "parentPath" FROM "PortalFolder" WHERE "tenantId" = ${tenantId} AND "isPublic" = ${true}`,
  );
  return new Set(rows.flatMap((r) => ancestorFolders(r.parentPath)));
});

/** The viewer's folder filter (raw SQL on "PortalFolder"), with the passages among `paths`. */
function folderFilter(v: PortalScope, ways: Set<string>, paths: (p: string) => boolean): Sql {
  const open = [...ways].filter(paths);
  return open.length
    ? sql`(${visibleSql(v)} OR ("tenantId" = ${v.tenantId} AND "path" IN (${join(open)})))`
    : visibleSql(v);
}

/** The folder at `path` if the viewer may see it (the DAM root always), else null. */
export async function findFolder(v: PortalScope, path: string) {
  if (path === DAM_ROOT) return { path, title: "Assets", isPublic: true, description: "" };
  const filter = folderFilter(v, await passages(v), (p) => p === path);
  // Plain SQL, as the tree (every folder page, its ZIP too): Prisma's query builder compiles each
  // query anew, which cost more than the read itself.
  const [f] = await db.$queryRaw<{ path: string; title: string; isPublic: boolean | number; metadata: string }[]>(
    sql`SELECT "path", "title", "isPublic", "metadata" FROM "PortalFolder" WHERE ${filter} AND "path" = ${path} LIMIT 1`,
  );
  if (!f) return null;
  let description = "";
  try {
    description = String(JSON.parse(f.metadata).description ?? "");
  } catch {
    description = "";
  }
  return { path: f.path, title: f.title, isPublic: Boolean(f.isPublic), description };
}

/**
 * findFolder once per request: a folder page's metadata and the page itself both ask (React's
 * cache compares arguments by identity, hence the scope's values rather than the viewer).
 */
export const findFolderOnce = cache((tenantId: string, role: PortalScope["role"], path: string) =>
  findFolder({ tenantId, role }, path),
);

const SUBFOLDER_LIMIT = 1000;

export async function listSubfolders(v: PortalScope, parentPath: string): Promise<PortalFolderCard[]> {
  const filter = folderFilter(v, await passages(v), (p) => parentOf(p) === parentPath);
  const rows = await db.$queryRaw<{ path: string; title: string; isPublic: boolean | number }[]>(
    sql`SELECT "path", "title", "isPublic" FROM "PortalFolder" WHERE ${filter} AND "parentPath" = ${parentPath}
      ORDER BY "path" ASC LIMIT ${SUBFOLDER_LIMIT}`,
  );
  return rows.map((r) => folderCard({ ...r, isPublic: Boolean(r.isPublic) }));
}

export type TreeNode = PortalFolderCard & { parentPath: string };
const TREE_LIMIT = 2000;

/**
 * The folder tree along `path`: the top-level folders, and the children of each folder on the way
 * down to `path` (what an expanded tree shows), never the whole tree.
 */
export async function folderTree(v: PortalScope, path: string): Promise<TreeNode[]> {
  const open = [DAM_ROOT, ...(path === DAM_ROOT ? [] : ancestorFolders(path))];
  const filter = folderFilter(v, await passages(v), (p) => open.includes(parentOf(p)));
  // Plain SQL: every portal page with a tree reads it (0.4 ms of CPU against 1.7 through Prisma's
  // query builder, measured on SQLite).
  const rows = await db.$queryRaw<{ path: string; title: string; isPublic: boolean | number; parentPath: string }[]>(
    sql`SELECT "path", "title", "isPublic", "parentPath" FROM "PortalFolder"
      WHERE ${filter} AND "parentPath" IN (${join(open)}) ORDER BY "path" ASC LIMIT ${TREE_LIMIT}`,
  );
  return rows.map((r) => ({ ...folderCard({ ...r, isPublic: Boolean(r.isPublic) }), parentPath: r.parentPath }));
}

/**
 * The tree along `path` and the subfolders of `path`. The tree holds the children of `path` already
 * (it is one of the open folders), in the same order and with the same filter: a folder page reads
 * them from there, and asks again only when the tree was cut at its limit.
 */
export async function folderTreeWithSubfolders(
  v: PortalScope,
  path: string,
): Promise<{ tree: TreeNode[]; subfolders: PortalFolderCard[] }> {
  const tree = await folderTree(v, path);
  if (tree.length >= TREE_LIMIT) return { tree, subfolders: await listSubfolders(v, path) };
  const subfolders = tree
    .filter((n) => n.parentPath === path)
    .slice(0, SUBFOLDER_LIMIT)
    .map(({ path, title, name, isPublic }) => ({ path, title, name, isPublic }));
  return { tree, subfolders };
}

export type PortalCollectionCard = {
  name: string;
  title: string;
  description: string;
  isPublic: boolean;
  members: number;
};

/** A collection's title if the viewer may see it (a page's title), else null. */
export async function collectionTitle(v: PortalScope, name: string): Promise<string | null> {
  const c = await db.portalCollection.findFirst({ where: { ...visible(v), name }, select: { title: true } });
  return c?.title ?? null;
}

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

/** A collection and one page of the members the viewer may see (members removed since are gone). */
export async function getCollection(v: PortalScope, name: string, q: Pick<ListQuery, "sort" | "dir" | "page">) {
  const found = await collectionMembers(v, name);
  if (!found) return null;
  const { collection: c, ids } = found;
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
