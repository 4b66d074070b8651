import "server-only";
import { db } from "@/lib/db";

// DELETE …/api/v1/assets?path=…&version=…: unpublish. Idempotent ("absent" when already gone);
// a version older than the stored one is refused as stale so a late retry cannot remove a newer
// publication. The binary stays in the content-addressed store (other rows may share it).
export async function removeAsset(tenantId: string, path: string, version: number | null) {
  const cur = await db.portalAsset.findUnique({ where: { tenantId_path: { tenantId, path } }, select: { id: true, version: true } });
  if (!cur) return { result: "absent" as const, path };
  if (version !== null && cur.version > version) return { result: "stale" as const, path, version: cur.version };
  const { count } = await db.portalAsset.deleteMany({ where: { id: cur.id, ...(version !== null ? { version: { lte: version } } : {}) } });
  return count ? { result: "deleted" as const, path } : { result: "stale" as const, path };
}
