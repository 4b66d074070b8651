import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { dbProvider } from "@/lib/env";

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

// Folders this process has seen exist, so that a run of deliveries into one folder reads it once.
// Only on SQLite, where this process is the only one: whatever removes folders here forgets them
// (forgetFolders). On PostgreSQL another node may have removed a folder this one remembers (an
// unpublish left it empty there), and an asset received here would then have no folder: the
// database is asked every time (one indexed read per asset created).
const known = new Set<string>();
const MAX_KNOWN = 50_000;
const remember = dbProvider === "sqlite";

export async function ensureFolders(tenantId: string, folderPath: string, isPublic: boolean): Promise<void> {
  const wanted = ancestorFolders(folderPath);
  if (!wanted.length || (remember && known.has(`${tenantId}\n${folderPath}`))) return;
  const have = new Set(
    (await db.portalFolder.findMany({ where: { tenantId, path: { in: wanted } }, select: { path: true } })).map(
      (f) => f.path,
    ),
  );
  for (const path of wanted) {
    if (have.has(path)) continue;
    try {
      await db.portalFolder.create({
        data: { tenantId, path, parentPath: parentOf(path), title: nameOf(path), isPublic },
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // created meanwhile by a parallel delivery
    }
  }
  if (!remember) return;
  if (known.size > MAX_KNOWN) known.clear();
  known.add(`${tenantId}\n${folderPath}`);
}

/** Folders were removed: forget what this process knew of the tenant's folders. */
export function forgetFolders(tenantId: string): void {
  for (const k of known) if (k.startsWith(`${tenantId}\n`)) known.delete(k);
}

/**
 * Makes again the folders above the assets and subfolders that are in `scope` (folders by path, or
 * everything below one) after a removal of folders that was judged from rows read before: an item
 * that was published meanwhile stays, and so must the folders above it.
 */
export async function restoreFoldersOf(tenantId: string, scope: { in: string[] } | { below: string }) {
  const match = (column: "folderPath" | "parentPath") =>
    "in" in scope
      ? { [column]: { in: scope.in } }
      : { OR: [{ [column]: scope.below }, { [column]: { startsWith: `${scope.below}/` } }] };
  const [assets, folders] = await Promise.all([
    db.portalAsset.findMany({
      where: { tenantId, ...match("folderPath") },
      select: { folderPath: true, isPublic: true },
      distinct: ["folderPath"],
    }),
    db.portalFolder.findMany({
      where: { tenantId, ...match("parentPath") },
      select: { parentPath: true, isPublic: true },
      distinct: ["parentPath"],
    }),
  ]);
  for (const { folderPath, isPublic } of [
    ...assets,
    ...folders.map((f) => ({ folderPath: f.parentPath, isPublic: f.isPublic })),
  ])
    await ensureFolders(tenantId, folderPath, isPublic);
}
