import "server-only";
import { db } from "@/lib/db";
import { ancestorFolders, forgetFolders } from "@/lib/portal/folders-of";

/**
 * After an unpublish: removes `folderPath` and the folders above it that are left empty (no asset
 * and no subfolder), nearest first. Each check and delete is one statement, so an item that
 * arrives meanwhile keeps its folder.
 */
export async function removeEmptyFolders(tenantId: string, folderPath: string): Promise<number> {
  let removed = 0;
  for (const path of ancestorFolders(folderPath).reverse()) {
    const n = await db.$executeRaw`DELETE FROM "PortalFolder" WHERE "tenantId" = ${tenantId} AND "path" = ${path}
      AND NOT EXISTS (SELECT 1 FROM "PortalAsset" a WHERE a."tenantId" = ${tenantId} AND a."folderPath" = ${path})
      AND NOT EXISTS (SELECT 1 FROM "PortalFolder" c WHERE c."tenantId" = ${tenantId} AND c."parentPath" = ${path})`;
    removed += n;
  }
  if (removed) forgetFolders(tenantId);
  return removed;
}
