import "server-only";
import { db } from "@/lib/db";
import { collectPortalBlobs } from "@/lib/portal/blob-gc";
import { recordReceipt, UNKNOWN_PUBLISHER, type Publisher } from "@/lib/portal/receipts";

// DELETE …/api/v1/assets?path=…&version=…: unpublish. Idempotent ("absent" when already gone);
// a version older than the stored one is refused as stale so a late retry cannot remove a newer
// publication. The binary goes too unless another asset (of any tenant) shares it.
export async function removeAsset(
  tenantId: string,
  path: string,
  version: number | null,
  by: Publisher = UNKNOWN_PUBLISHER,
) {
  const cur = await db.portalAsset.findUnique({
    where: { tenantId_path: { tenantId, path } },
    select: { id: true, version: true, sha256: true, size: true, renditions: { select: { sha256: true } } },
  });
  if (!cur) return { result: "absent" as const, path };
  if (version !== null && cur.version > version) return { result: "stale" as const, path, version: cur.version };
  const { count } = await db.portalAsset.deleteMany({
    where: { id: cur.id, ...(version !== null ? { version: { lte: version } } : {}) },
  });
  if (!count) return { result: "stale" as const, path };
  await recordReceipt(tenantId, by, {
    action: "remove",
    kind: "asset",
    path,
    result: "deleted",
    assets: 1,
    bytes: cur.size,
  });
  await collectPortalBlobs([cur.sha256, ...cur.renditions.map((r) => r.sha256)]);
  return { result: "deleted" as const, path };
}
