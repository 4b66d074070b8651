import "server-only";
import { db } from "@/lib/db";
import { collectPortalBlobs } from "@/lib/portal/blob-gc";
import { parentOf } from "@/lib/portal/folders-of";
import { isNewer, markRemoved, notNewer, type Order } from "@/lib/portal/publish-order";
import { recordReceipt, UNKNOWN_PUBLISHER, type Publisher } from "@/lib/portal/receipts";
import { removeEmptyFolders } from "@/lib/portal/remove-empty-folders";

// DELETE …/api/v1/assets?path=…&version=…: unpublish. Idempotent ("absent" when already gone);
// a version older than the stored one is refused as stale so a late retry cannot remove a newer
// publication, and so is a request older (X-Publish-Sequence) than the publish that wrote the row.
// With a sequence, a removal marker is written first, even when the asset is absent: its upload
// may still be on the way, and must not bring it back. Folders left empty go too. The binary goes
// unless another asset (of any tenant) shares it.
export async function removeAsset(
  tenantId: string,
  path: string,
  version: number | null,
  by: Publisher = UNKNOWN_PUBLISHER,
  order: Order | null = null,
) {
  const cur = await db.portalAsset.findUnique({
    where: { tenantId_path: { tenantId, path } },
    select: {
      id: true,
      version: true,
      sha256: true,
      size: true,
      seqSource: true,
      sequence: true,
      renditions: { select: { sha256: true } },
    },
  });
  if (cur && ((version !== null && cur.version > version) || isNewer(cur, order)))
    return { result: "stale" as const, path, version: cur.version };
  if (order) await markRemoved(tenantId, "asset", path, order);
  if (!cur) {
    await removeEmptyFolders(tenantId, parentOf(path));
    return { result: "absent" as const, path };
  }
  const { count } = await db.portalAsset.deleteMany({
    where: { id: cur.id, ...(version !== null ? { version: { lte: version } } : {}), ...notNewer(order) },
  });
  if (!count) {
    // Changed since it was read: by a newer request (stale), or taken away meanwhile, by the
    // unpublish of a folder above it say (absent: what this request asks for holds, and the item
    // is unpublished, not left as it was).
    if (await db.portalAsset.count({ where: { tenantId, path } })) return { result: "stale" as const, path };
    await removeEmptyFolders(tenantId, parentOf(path));
    return { result: "absent" as const, path };
  }
  await recordReceipt(tenantId, by, {
    action: "remove",
    kind: "asset",
    path,
    result: "deleted",
    assets: 1,
    bytes: cur.size,
  });
  await removeEmptyFolders(tenantId, parentOf(path));
  await collectPortalBlobs([cur.sha256, ...cur.renditions.map((r) => r.sha256)]);
  return { result: "deleted" as const, path };
}
