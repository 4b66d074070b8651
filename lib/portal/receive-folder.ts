import "server-only";
import { db } from "@/lib/db";
import { collectPortalBlobs } from "@/lib/portal/blob-gc";
import { ensureFolders, forgetFolders, nameOf, parentOf } from "@/lib/portal/folders-of";
import { recordReceipt, UNKNOWN_PUBLISHER, type Publisher } from "@/lib/portal/receipts";

// PUT/DELETE …/api/v1/folders?path=…: a folder's metadata, and unpublishing a folder, which takes
// everything below it off the portal (as AEM does).

export async function receiveFolder(
  tenantId: string,
  path: string,
  body: { title: string; description: string; public: boolean },
  by: Publisher = UNKNOWN_PUBLISHER,
) {
  const data = {
    parentPath: parentOf(path),
    title: body.title || nameOf(path),
    metadata: JSON.stringify({ description: body.description }),
    isPublic: body.public,
  };
  await ensureFolders(tenantId, parentOf(path), body.public);
  const cur = await db.portalFolder.findUnique({ where: { tenantId_path: { tenantId, path } } });
  if (
    cur &&
    cur.parentPath === data.parentPath &&
    cur.title === data.title &&
    cur.metadata === data.metadata &&
    cur.isPublic === data.isPublic
  ) {
    await recordReceipt(tenantId, by, {
      action: "publish",
      kind: "folder",
      path,
      result: "unchanged",
      assets: 0,
      bytes: 0,
    });
    return { status: 200 as const, result: "unchanged" as const, path };
  }
  await db.portalFolder.upsert({
    where: { tenantId_path: { tenantId, path } },
    create: { ...data, tenantId, path },
    update: data,
  });
  const result = cur ? ("updated" as const) : ("created" as const);
  await recordReceipt(tenantId, by, { action: "publish", kind: "folder", path, result, assets: 0, bytes: 0 });
  return { status: cur ? (200 as const) : (201 as const), result, path };
}

export async function removeFolder(tenantId: string, path: string, by: Publisher = UNKNOWN_PUBLISHER) {
  const below = { OR: [{ path }, { path: { startsWith: `${path}/` } }] };
  const inside = { tenantId, OR: [{ folderPath: path }, { folderPath: { startsWith: `${path}/` } }] };
  const gone = await db.portalAsset.findMany({
    where: inside,
    select: { sha256: true, size: true, renditions: { select: { sha256: true } } },
  });
  const shas = gone.flatMap((a) => [a.sha256, ...a.renditions.map((r) => r.sha256)]);
  const [assets, folders] = await db.$transaction([
    db.portalAsset.deleteMany({ where: inside }),
    db.portalFolder.deleteMany({ where: { tenantId, ...below } }),
  ]);
  forgetFolders(tenantId);
  const result = folders.count || assets.count ? ("deleted" as const) : ("absent" as const);
  const bytes = gone.reduce((n, a) => n + a.size, BigInt(0));
  await recordReceipt(tenantId, by, { action: "remove", kind: "folder", path, result, assets: assets.count, bytes });
  await collectPortalBlobs(shas);
  return {
    result,
    path,
    removed: { folders: folders.count, assets: assets.count },
  };
}
