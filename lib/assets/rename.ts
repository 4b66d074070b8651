import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import { db } from "@/lib/db";
import { assertNameFree } from "@/lib/assets/folders";
import { inspectBlob } from "@/lib/assets/inspect";
import { joinPath, parentOf } from "@/lib/assets/names";
import { repathSubtree } from "@/lib/assets/subtree";
import { notFound, UserError } from "@/lib/errors";
import { followOnPortal, heldOnPortal, wakeQueues } from "@/lib/publication/follow-on-portal";

/**
 * Renames a folder (name and title); everything below it follows, on the portal too (what it
 * holds of the folder is unpublished at the old path and published at the new one).
 */
export async function renameFolder(
  input: { id: string; name: string; title: string },
  userId: string,
): Promise<{ path: string }> {
  let wake: string[] = [];
  const out = await db.$transaction(async (tx) => {
    const folder = await tx.folder.findUnique({
      where: { id: input.id },
      select: { id: true, path: true, parentId: true },
    });
    if (!folder) throw notFound("The folder");
    if (!folder.parentId) throw new UserError("The Assets root folder cannot be renamed.");
    const parent = parentOf(folder.path);
    const path = joinPath(parent, input.name);
    if (path === folder.path) {
      await tx.folder.update({ where: { id: folder.id }, data: { title: input.title } });
      return { path };
    }
    await assertNameFree(tx, parent, input.name, folder.id);
    const held = await heldOnPortal(tx, [{ kind: "folder", id: folder.id }]);
    await repathSubtree(tx, folder.path, path);
    await tx.folder.update({ where: { id: folder.id }, data: { name: input.name, title: input.title, path } });
    wake = await followOnPortal(tx, held, { moved: true, requestedBy: userId });
    return { path };
  });
  wakeQueues(wake);
  return out;
}

/**
 * Renames an asset (its name; the title is metadata and stays). A new extension may clear or raise
 * the type flag. A copy on the portal moves with it (unpublished at the old path, published at the new).
 */
export async function renameAsset(input: { id: string; name: string }, userId: string): Promise<{ path: string }> {
  const current = await db.asset.findUnique({ where: { id: input.id }, select: { sha256: true } });
  if (!current) throw notFound("The asset");
  // An unreadable binary keeps the flag it has: Prisma.skip leaves the column out of the update.
  const { typeFlag } = await inspectBlob(current.sha256, input.name).catch(() => ({ typeFlag: Prisma.skip }));
  let wake: string[] = [];
  const out = await db.$transaction(async (tx) => {
    const asset = await tx.asset.findUnique({ where: { id: input.id }, select: { id: true, path: true, title: true } });
    if (!asset) throw notFound("The asset");
    const parent = parentOf(asset.path);
    const path = joinPath(parent, input.name);
    if (path === asset.path) return { path };
    await assertNameFree(tx, parent, input.name, asset.id);
    const held = await heldOnPortal(tx, [{ kind: "asset", id: asset.id }]);
    await tx.asset.update({
      where: { id: asset.id },
      data: {
        name: input.name,
        path,
        searchText: `${input.name} ${asset.title}`.toLowerCase(),
        typeFlag,
        modifiedById: userId,
        updatedAt: new Date(),
      },
    });
    wake = await followOnPortal(tx, held, { moved: true, requestedBy: userId });
    return { path };
  });
  wakeQueues(wake);
  return out;
}
