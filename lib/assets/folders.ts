import "server-only";
import { db } from "@/lib/db";
import { sql } from "@/lib/assets/sql";
import { DAM_ROOT, joinPath } from "@/lib/assets/names";
import type { FolderRef } from "@/lib/assets/types";
import { conflict, notFound } from "@/lib/errors";
import type { Tx } from "@/lib/db/tx";

const refSelect = { id: true, path: true, name: true, title: true } as const;

/** /content/dam, created when missing (by whichever node gets there first). */
export async function ensureDamRoot(): Promise<FolderRef> {
  const existing = await db.folder.findUnique({ where: { path: DAM_ROOT }, select: refSelect });
  if (existing) return existing;
  try {
    return await db.folder.create({ data: { path: DAM_ROOT, name: "dam", title: "Assets" }, select: refSelect });
  } catch {
    return db.folder.findUniqueOrThrow({ where: { path: DAM_ROOT }, select: refSelect }); // another node won
  }
}

export async function findFolderByPath(path: string): Promise<FolderRef | null> {
  // Plain SQL: every folder view and browse request starts here, and Prisma's query builder
  // compiled the lookup anew each time (more CPU than the indexed read).
  const [folder] = await db.$queryRaw<FolderRef[]>(
    sql`SELECT "id", "path", "name", "title" FROM "Folder" WHERE "path" = ${path}`,
  );
  return folder ?? null;
}

export async function getFolderByPath(path: string): Promise<FolderRef> {
  const folder = await findFolderByPath(path);
  if (!folder) throw notFound(`The folder ${path}`);
  return folder;
}

/** Folders and assets share one namespace per parent, as nodes do in AEM. */
export async function assertNameFree(tx: Tx, parentPath: string, name: string, except?: string): Promise<void> {
  const path = joinPath(parentPath, name);
  const [folder, asset] = await Promise.all([
    tx.folder.findUnique({ where: { path }, select: { id: true } }),
    tx.asset.findUnique({ where: { path }, select: { id: true } }),
  ]);
  if ((folder && folder.id !== except) || (asset && asset.id !== except)) {
    throw conflict(`An item named "${name}" already exists in ${parentPath}. Choose another name.`, "name");
  }
}

export async function createFolder(
  input: { parentPath: string; name: string; title: string },
  userId: string,
): Promise<FolderRef> {
  return db.$transaction(async (tx) => {
    const parent = await tx.folder.findUnique({ where: { path: input.parentPath }, select: { id: true, path: true } });
    if (!parent) throw notFound(`The folder ${input.parentPath}`);
    await assertNameFree(tx, parent.path, input.name);
    return tx.folder.create({
      data: {
        path: joinPath(parent.path, input.name),
        name: input.name,
        title: input.title,
        parentId: parent.id,
        createdById: userId,
      },
      select: refSelect,
    });
  });
}

/** One level of the folder tree (the Move dialog browses with it). */
export async function childFolders(
  parentPath: string,
  take = 200,
): Promise<{ parent: FolderRef; folders: (FolderRef & { hasChildren: boolean })[] }> {
  const parent = await getFolderByPath(parentPath);
  const rows = await db.folder.findMany({
    where: { parentId: parent.id },
    select: { ...refSelect, _count: { select: { children: true } } },
    orderBy: { name: "asc" },
    take,
  });
  return { parent, folders: rows.map(({ _count, ...f }) => ({ ...f, hasChildren: _count.children > 0 })) };
}

/** The folders from the root down to `path`, for breadcrumbs. */
export async function ancestry(path: string): Promise<FolderRef[]> {
  const paths: string[] = [];
  for (let p = path; p.length >= DAM_ROOT.length; p = p.slice(0, p.lastIndexOf("/"))) paths.push(p);
  const rows = await db.folder.findMany({ where: { path: { in: paths } }, select: refSelect });
  return rows.sort((a, b) => a.path.length - b.path.length);
}
