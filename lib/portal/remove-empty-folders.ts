import "server-only";
import { db } from "@/lib/db";
import { ancestorFolders, forgetFolders, restoreFoldersOf } from "@/lib/portal/folders-of";

/**
 * After an unpublish: removes `folderPath` and the folders above it that are left empty (no asset
 * and no subfolder), nearest first. Each check and delete is one statement, so an item that
 * arrived before it keeps its folder. One that arrives while it runs (its row committed after the
 * statement began, and its own look for the folder came before the delete) would be left without
 * its folder: a look afterwards finds it and makes the folders again.
 */
export async function removeEmptyFolders(tenantId: string, folderPath: string): Promise<number> {
  const removed: string[] = [];
  for (const path of ancestorFolders(folderPath).reverse()) {
    const n = await db.$executeRaw`DELETE FROM "PortalFolder" WHERE "tenantId" = ${tenantId} AND "path" = ${path}
      AND NOT EXISTS (SELECT 1 FROM "PortalAsset" a WHERE a."tenantId" = ${tenantId} AND a."folderPath" = ${path})
      AND NOT EXISTS (SELECT 1 FROM "PortalFolder" c WHERE c."tenantId" = ${tenantId} AND c."parentPath" = ${path})`;
    if (n) removed.push(path);
  }
  if (!removed.length) return 0;
  forgetFolders(tenantId);
  await restoreFoldersOf(tenantId, { in: removed });
  return removed.length;
}
