import "server-only";
import type { Tx } from "@/lib/db/tx";
import { below } from "@/lib/assets/sql";

/** Rewrites the paths of everything below a folder whose own path changed (rename, move). */
export async function repathSubtree(tx: Tx, oldPath: string, newPath: string): Promise<void> {
  const from = oldPath.length + 1; // 1-based: substr keeps "/rest"
  await tx.$executeRaw`UPDATE "Folder" SET "path" = CAST(${newPath} AS TEXT) || substr("path", ${from}) WHERE ${below("path", oldPath)}`;
  await tx.$executeRaw`UPDATE "Asset" SET "path" = CAST(${newPath} AS TEXT) || substr("path", ${from}) WHERE ${below("path", oldPath)}`;
}

/** How many folders and assets lie below a folder. */
export async function countSubtree(tx: Tx, path: string): Promise<{ folders: number; assets: number }> {
  const [f, a] = await Promise.all([
    tx.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS "n" FROM "Folder" WHERE ${below("path", path)}`,
    tx.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS "n" FROM "Asset" WHERE ${below("path", path)}`,
  ]);
  return { folders: Number(f[0].n), assets: Number(a[0].n) };
}
