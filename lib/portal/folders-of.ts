import "server-only";
import { db } from "@/lib/db";

// The parent of a repository path, and the folders above an item that the portal creates when an
// item arrives before its folders (below the DAM root, which is not shown as a folder).

export const parentOf = (path: string) => path.slice(0, path.lastIndexOf("/")) || "/";
export const nameOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);

const ROOTS = new Set(["/", "/content", "/content/dam"]);

export function ancestorFolders(folderPath: string): string[] {
  const out: string[] = [];
  for (let p = folderPath; !ROOTS.has(p); p = parentOf(p)) out.unshift(p);
  return out;
}

export async function ensureFolders(tenantId: string, folderPath: string, isPublic: boolean): Promise<void> {
  const wanted = ancestorFolders(folderPath);
  if (!wanted.length) return;
  const have = new Set((await db.portalFolder.findMany({ where: { tenantId, path: { in: wanted } }, select: { path: true } })).map((f) => f.path));
  for (const path of wanted) {
    if (have.has(path)) continue;
    try {
      await db.portalFolder.create({ data: { tenantId, path, parentPath: parentOf(path), title: nameOf(path), isPublic } });
    } catch (e) {
      if ((e as { code?: string }).code !== "P2002") throw e; // created meanwhile by a parallel delivery
    }
  }
}
