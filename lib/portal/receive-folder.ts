import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { db } from "@/lib/db";
import { chunks } from "@/lib/assets/sql";
import { collectPortalBlobs } from "@/lib/portal/blob-gc";
import { ensureFolders, forgetFolders, nameOf, parentOf, restoreFoldersOf } from "@/lib/portal/folders-of";
import { foldersAbove, isNewer, markRemoved, notNewer, removedSince, type Order } from "@/lib/portal/publish-order";
import { recordReceipt, UNKNOWN_PUBLISHER, type Publisher } from "@/lib/portal/receipts";
import { removeEmptyFolders } from "@/lib/portal/remove-empty-folders";
import { upsertInOrder } from "@/lib/portal/upsert-in-order";

// PUT/DELETE …/api/v1/folders?path=…: a folder's metadata, and unpublishing a folder, which takes
// everything below it off the portal (as AEM does). With X-Publish-Sequence, requests older than
// the folder's last publish, or than a removal of it or of a folder above it, are stale.

export async function receiveFolder(
  tenantId: string,
  path: string,
  body: { title: string; description: string; public: boolean },
  by: Publisher = UNKNOWN_PUBLISHER,
  order: Order | null = null,
) {
  const receipt = async <R extends string>(result: R) => {
    await recordReceipt(tenantId, by, { action: "publish", kind: "folder", path, result, assets: 0, bytes: 0 });
    return { status: result === "created" ? (201 as const) : (200 as const), result, path };
  };
  const data = {
    parentPath: parentOf(path),
    title: body.title || nameOf(path),
    metadata: JSON.stringify({ description: body.description }),
    isPublic: body.public,
  };
  const cur = await db.portalFolder.findUnique({ where: { tenantId_path: { tenantId, path } } });
  // Checked first, so that a stale request adds nothing.
  if (cur && isNewer(cur, order)) return receipt("stale");
  if (order && (await removedSince(tenantId, "folder", path, order)).voidedBy !== null) return receipt("stale");
  const result = await upsertInOrder({
    tenantId,
    kind: "folder",
    key: { path },
    cur,
    same: (c) =>
      c.parentPath === data.parentPath &&
      c.title === data.title &&
      c.metadata === data.metadata &&
      c.isPublic === data.isPublic,
    data,
    order,
    rows: {
      updateMany: (where, data) => db.portalFolder.updateMany({ where, data }),
      create: (data) => db.portalFolder.create({ data: data as Prisma.PortalFolderUncheckedCreateInput }),
      deleteMany: (where) => db.portalFolder.deleteMany({ where }),
    },
  });
  // After the row: an unpublish of a folder above, older than this request, may have removed them
  // meanwhile (it keeps this row, which is newer, and makes again what it finds kept; this covers
  // a row it did not see yet).
  if (result !== "stale") await ensureFolders(tenantId, parentOf(path), body.public);
  return receipt(result);
}

export async function removeFolder(
  tenantId: string,
  path: string,
  by: Publisher = UNKNOWN_PUBLISHER,
  order: Order | null = null,
) {
  const cur = await db.portalFolder.findUnique({
    where: { tenantId_path: { tenantId, path } },
    select: { seqSource: true, sequence: true },
  });
  if (cur && isNewer(cur, order)) return { result: "stale" as const, path, removed: { folders: 0, assets: 0 } };
  if (order) await markRemoved(tenantId, "folder", path, order);
  const below = { OR: [{ path }, { path: { startsWith: `${path}/` } }] };
  // Folders a newer request of the same sender published stay (checked in the delete itself).
  const folderGone = { tenantId, AND: [below, notNewer(order)] };
  const inside = { tenantId, OR: [{ folderPath: path }, { folderPath: { startsWith: `${path}/` } }] };
  // Assets a newer request of the same sender published stay, and so do the folders they are in.
  const gone = { AND: [inside, notNewer(order)] };
  const going = await db.portalAsset.findMany({
    where: gone,
    select: { sha256: true, size: true, renditions: { select: { sha256: true } } },
  });
  const shas = going.flatMap((a) => [a.sha256, ...a.renditions.map((r) => r.sha256)]);
  const { assets, folders } = await db.$transaction(async (tx) => {
    const assets = (await tx.portalAsset.deleteMany({ where: gone })).count;
    const keep = new Set<string>();
    if (order) {
      const kept = await tx.portalAsset.findMany({
        where: inside,
        select: { folderPath: true },
        distinct: ["folderPath"],
      });
      const newer = await tx.portalFolder.findMany({
        where: { tenantId, ...below, seqSource: order.source, sequence: { gt: order.sequence } },
        select: { path: true },
      });
      for (const p of [...kept.map((k) => k.folderPath), ...newer.map((f) => f.path)])
        for (const q of [p, ...foldersAbove(p)]) keep.add(q);
    }
    if (!keep.size) return { assets, folders: (await tx.portalFolder.deleteMany({ where: folderGone })).count };
    let folders = 0;
    const all = await tx.portalFolder.findMany({ where: { tenantId, ...below }, select: { path: true } });
    for (const part of chunks(all.map((f) => f.path).filter((p) => !keep.has(p))))
      folders += (await tx.portalFolder.deleteMany({ where: { ...folderGone, path: { in: part } } })).count;
    return { assets, folders };
  });
  forgetFolders(tenantId);
  // A newer publish below that committed meanwhile was kept by the deletes' own checks; the folders
  // above it were judged from what was read before.
  if (order) await restoreFoldersOf(tenantId, { below: path });
  await removeEmptyFolders(tenantId, parentOf(path));
  // Nothing deleted while the folder is there: a newer publish wrote it after the look above.
  const kept = !folders && !assets && (await db.portalFolder.count({ where: { tenantId, path } }));
  const result = folders || assets ? ("deleted" as const) : kept ? ("stale" as const) : ("absent" as const);
  const bytes = going.reduce((n, a) => n + a.size, BigInt(0));
  await recordReceipt(tenantId, by, { action: "remove", kind: "folder", path, result, assets, bytes });
  await collectPortalBlobs(shas);
  return { result, path, removed: { folders, assets } };
}
