import "server-only";
import { db } from "@/lib/db";
import { below, chunks, join } from "@/lib/assets/sql";
import { renditionUrl } from "@/lib/assets/serialize";
import type { EnqueueItem } from "@/lib/replication/queue/enqueue";
import type { Tx } from "@/lib/db/tx";
import { UserError } from "@/lib/errors";
import type { PublicationAction, ScopeItem } from "@/lib/publication/schemas";

// What a publication's scope holds: the selected items as they are now (title, path, thumbnail),
// what each expands to (a folder: its folders and every asset below it; a collection: its
// members), and the jobs that publish or unpublish them. Read at the moment a publication starts:
// assets added to a folder afterwards are not part of it.

export type ScopeRow = {
  kind: ScopeItem["kind"];
  id: string;
  title: string;
  path: string;
  thumbnailUrl: string | null;
  /** Assets the item stands for (an asset: 1). */
  assets: number;
  /** Folders below a folder (the folder itself not counted). */
  folders: number;
  bytes: number;
};

export type ScopeSummary = {
  rows: ScopeRow[];
  missing: ScopeItem[];
  totals: { assets: number; folders: number; collections: number; bytes: number };
};

/** The collection's path in replication jobs (enqueueJobs finds it by its last segment). */
export const collectionJobPath = (name: string) => `/collections/${name}`;

type N = { n: bigint | number | null; b?: bigint | number | null };
const num = (v: bigint | number | null | undefined) => Number(v ?? 0);

/** The selected items as they are now, with what each includes; items that no longer exist in `missing`. */
export async function describeScope(items: ScopeItem[], tx: Tx = db): Promise<ScopeSummary> {
  const ids = (kind: ScopeItem["kind"]) => [...new Set(items.filter((i) => i.kind === kind).map((i) => i.id))];
  const [assets, folders, collections] = await Promise.all([
    tx.asset.findMany({
      where: { id: { in: ids("asset") } },
      select: { id: true, title: true, path: true, size: true, sha256: true, renditionState: true },
    }),
    tx.folder.findMany({ where: { id: { in: ids("folder") } }, select: { id: true, title: true, path: true } }),
    tx.collection.findMany({ where: { id: { in: ids("collection") } }, select: { id: true, title: true, name: true } }),
  ]);
  const rows = new Map<string, ScopeRow>();
  for (const a of assets)
    rows.set(`asset:${a.id}`, {
      kind: "asset",
      id: a.id,
      title: a.title,
      path: a.path,
      thumbnailUrl: a.renditionState === "ready" ? renditionUrl(a.id, "thumbnail", a.sha256) : null,
      assets: 1,
      folders: 0,
      bytes: Number(a.size),
    });
  for (const f of folders) {
    const [[as], [fs]] = await Promise.all([
      tx.$queryRaw<N[]>`SELECT COUNT(*) AS "n", SUM("size") AS "b" FROM "Asset" WHERE ${below("path", f.path)}`,
      tx.$queryRaw<N[]>`SELECT COUNT(*) AS "n" FROM "Folder" WHERE ${below("path", f.path)}`,
    ]);
    rows.set(`folder:${f.id}`, {
      kind: "folder",
      id: f.id,
      title: f.title,
      path: f.path,
      thumbnailUrl: null,
      assets: num(as.n),
      folders: num(fs.n),
      bytes: num(as.b),
    });
  }
  for (const c of collections) {
    const [m] = await tx.$queryRaw<N[]>`SELECT COUNT(*) AS "n", SUM(a."size") AS "b" FROM "CollectionMember" m
      JOIN "Asset" a ON a."id" = m."assetId" WHERE m."collectionId" = ${c.id}`;
    rows.set(`collection:${c.id}`, {
      kind: "collection",
      id: c.id,
      title: c.title,
      path: `/content/dam/collections/${c.name}`,
      thumbnailUrl: null,
      assets: num(m.n),
      folders: 0,
      bytes: num(m.b),
    });
  }
  const seen = new Set<string>();
  const ordered: ScopeRow[] = [];
  const missing: ScopeItem[] = [];
  for (const i of items) {
    const key = `${i.kind}:${i.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const row = rows.get(key);
    if (row) ordered.push(row);
    else missing.push(i);
  }
  return { rows: ordered, missing, totals: totalsOf(ordered) };
}

/** Totals that count an asset once when it is selected and also lies in a selected folder (approximately: by path). */
function totalsOf(rows: ScopeRow[]) {
  const folderPaths = rows.filter((r) => r.kind === "folder").map((r) => r.path);
  const inside = (p: string) => folderPaths.some((f) => p.startsWith(`${f}/`));
  let assets = 0;
  let folders = 0;
  let bytes = 0;
  for (const r of rows) {
    if (r.kind !== "collection" && inside(r.path)) continue;
    assets += r.assets;
    bytes += r.bytes;
    if (r.kind === "folder") folders += 1 + r.folders;
  }
  return { assets, folders, collections: rows.filter((r) => r.kind === "collection").length, bytes };
}

/** Refuses a scope that names items which do not exist (deleted meanwhile, or a forged request). */
export function assertComplete(summary: ScopeSummary) {
  if (summary.missing.length) {
    const n = summary.missing.length;
    throw new UserError(
      `${n === 1 ? "One of the selected items no longer exists" : `${n} of the selected items no longer exist`} (deleted or moved since you selected ${n === 1 ? "it" : "them"}). Nothing was published: remove ${n === 1 ? "it" : "them"} from the selection and try again.`,
      { status: 404, code: "not_found", field: "items" },
    );
  }
  if (!summary.rows.length)
    throw new UserError("Choose at least one asset, folder or collection to publish.", { field: "items" });
}

export type Expansion = { items: EnqueueItem[]; bytes: number; assets: number };

/**
 * The jobs for a scope, each path once: for a publish, folders first (parents before children),
 * then assets, then collections (whose members are published with them); for an unpublish,
 * assets first, then folders deepest first, then collections.
 */
export async function expandScope(tx: Tx, action: PublicationAction, rows: ScopeRow[]): Promise<Expansion> {
  const folders = new Map<string, string>(); // path → id
  const assets = new Map<string, { id: string; version: number; size: number }>();
  const collections = new Map<string, string>(); // job path → id
  const addAssets = (list: { id: string; path: string; version: bigint | number; size: bigint | number }[]) => {
    for (const a of list) assets.set(a.path, { id: a.id, version: Number(a.version), size: Number(a.size) });
  };
  type A = { id: string; path: string; version: bigint | number; size: bigint | number };

  for (const r of rows) {
    if (r.kind === "asset") {
      addAssets(await tx.$queryRaw<A[]>`SELECT "id", "path", "version", "size" FROM "Asset" WHERE "id" = ${r.id}`);
    } else if (r.kind === "folder") {
      const f = await tx.folder.findUnique({ where: { id: r.id }, select: { id: true, path: true } });
      if (!f) continue;
      folders.set(f.path, f.id);
      const subs = await tx.$queryRaw<
        { id: string; path: string }[]
      >`SELECT "id", "path" FROM "Folder" WHERE ${below("path", f.path)}`;
      for (const s of subs) folders.set(s.path, s.id);
      addAssets(
        await tx.$queryRaw<A[]>`SELECT "id", "path", "version", "size" FROM "Asset" WHERE ${below("path", f.path)}`,
      );
    } else {
      const c = await tx.collection.findUnique({ where: { id: r.id }, select: { id: true, name: true } });
      if (!c) continue;
      collections.set(collectionJobPath(c.name), c.id);
      if (action === "publish")
        addAssets(
          await tx.$queryRaw<A[]>`SELECT a."id", a."path", a."version", a."size" FROM "CollectionMember" m
            JOIN "Asset" a ON a."id" = m."assetId" WHERE m."collectionId" = ${c.id} ORDER BY m."addedAt", a."id"`,
        );
    }
  }

  const depth = (p: string) => p.split("/").length;
  const folderItems = [...folders]
    .sort(([a], [b]) => (action === "publish" ? depth(a) - depth(b) : depth(b) - depth(a)) || a.localeCompare(b))
    .map(([path, id]): EnqueueItem => ({ action, kind: "folder", path, refId: id }));
  const assetItems = [...assets].map(([path, a]): EnqueueItem => ({
    action,
    kind: "asset",
    path,
    refId: a.id,
    version: a.version,
  }));
  const collectionItems = [...collections].map(([path, id]): EnqueueItem => ({
    action,
    kind: "collection",
    path,
    refId: id,
  }));
  const items =
    action === "publish"
      ? [...folderItems, ...assetItems, ...collectionItems]
      : [...assetItems, ...folderItems, ...collectionItems];
  let bytes = 0;
  for (const a of assets.values()) bytes += a.size;
  return { items, bytes, assets: assets.size };
}

/** Assets created below the scope's folders after the publication started (reported, not published). */
export async function assetsAddedSince(scope: { kind: string; path: string }[], since: Date): Promise<number> {
  let n = 0;
  for (const part of chunks(
    scope.filter((s) => s.kind === "folder").map((s) => s.path),
    50,
  )) {
    const [row] = await db.$queryRaw<N[]>`SELECT COUNT(*) AS "n" FROM "Asset" WHERE "createdAt" > ${since} AND (${join(
      part.map((p) => below("path", p)),
      " OR ",
    )})`;
    n += num(row.n);
  }
  return n;
}
