import "server-only";
import { db } from "@/lib/db";
import { assertNameFree } from "@/lib/assets/folders";
import { joinPath } from "@/lib/assets/names";
import { repathSubtree } from "@/lib/assets/subtree";
import type { ItemRef } from "@/lib/assets/types";
import { notFound, UserError } from "@/lib/errors";
import { followOnPortal, heldOnPortal, wakeQueues } from "@/lib/publication/follow-on-portal";

/**
 * Moves folders and assets into another folder, all or nothing. What the portal holds of them moves
 * too: unpublished at the old paths, published at the new ones.
 */
export async function moveItems(items: ItemRef[], targetPath: string, userId: string): Promise<{ moved: number }> {
  let wake: string[] = [];
  const out = await db.$transaction(async (tx) => {
    const target = await tx.folder.findUnique({ where: { path: targetPath }, select: { id: true, path: true } });
    if (!target) throw notFound(`The folder ${targetPath}`);
    const names = new Set<string>();
    const held = await heldOnPortal(tx, items);
    for (const item of items) {
      const row =
        item.kind === "folder"
          ? await tx.folder.findUnique({
              where: { id: item.id },
              select: { id: true, path: true, name: true, parentId: true },
            })
          : await tx.asset.findUnique({
              where: { id: item.id },
              select: { id: true, path: true, name: true, folderId: true },
            });
      if (!row) throw notFound(item.kind === "folder" ? "A selected folder" : "A selected asset");
      const path = joinPath(target.path, row.name);
      if (path === row.path) throw new UserError(`"${row.name}" is already in ${target.path}.`);
      if (item.kind === "folder" && (target.path === row.path || target.path.startsWith(`${row.path}/`))) {
        throw new UserError(`The folder "${row.name}" cannot be moved into itself or one of its subfolders.`);
      }
      if (names.has(row.name))
        throw new UserError(`Two selected items are named "${row.name}"; they cannot both move into ${target.path}.`);
      names.add(row.name);
      await assertNameFree(tx, target.path, row.name);
      if (item.kind === "folder") {
        if (!("parentId" in row) || !row.parentId) throw new UserError("The Assets root folder cannot be moved.");
        await repathSubtree(tx, row.path, path);
        await tx.folder.update({ where: { id: row.id }, data: { parentId: target.id, path } });
      } else {
        await tx.asset.update({ where: { id: row.id }, data: { folderId: target.id, path } });
      }
    }
    wake = await followOnPortal(tx, held, { moved: true, requestedBy: userId });
    return { moved: items.length };
  });
  wakeQueues(wake);
  return out;
}
