import "server-only";
import { db } from "@/lib/db";
import { collectBlobs } from "@/lib/assets/blob-gc";
import { below, chunks } from "@/lib/assets/sql";
import { countSubtree } from "@/lib/assets/subtree";
import type { DeletePreview, ItemRef } from "@/lib/assets/types";
import { notFound, UserError } from "@/lib/errors";
import { followOnPortal, heldOnPortal, wakeQueues } from "@/lib/publication/follow-on-portal";

/** What deleting these items removes: the Delete dialog shows it before asking again. */
export async function previewDelete(items: ItemRef[]): Promise<DeletePreview> {
  return { ...(await measure(items)), onPortal: (await heldOnPortal(db, items)).length };
}

async function measure(items: ItemRef[]): Promise<Omit<DeletePreview, "onPortal">> {
  const folders = await db.folder.findMany({
    where: { id: { in: ids(items, "folder") } },
    select: { path: true, title: true, parentId: true },
  });
  const assets = await db.asset.count({ where: { id: { in: ids(items, "asset") } } });
  const out: Omit<DeletePreview, "onPortal"> = { folders: folders.length, assets, nonEmpty: [] };
  for (const f of folders) {
    const inside = await countSubtree(db, f.path);
    out.folders += inside.folders;
    out.assets += inside.assets;
    if (inside.folders + inside.assets) out.nonEmpty.push({ path: f.path, title: f.title, ...inside });
  }
  return out;
}

/**
 * Deletes folders (with everything below them) and assets in one transaction, then the binaries
 * nothing refers to any more. A folder that is not empty needs `confirmNonEmpty`, which the
 * dialog sends only after showing what goes.
 */
export async function deleteItems(
  items: ItemRef[],
  opts: { confirmNonEmpty: boolean; userId: string },
): Promise<DeletePreview> {
  const preview = await measure(items);
  if (preview.folders + preview.assets === 0) throw notFound("The selected items");
  if (preview.nonEmpty.length && !opts.confirmNonEmpty) {
    const f = preview.nonEmpty[0];
    throw new UserError(
      `The folder "${f.title}" is not empty: it holds ${f.folders} folder(s) and ${f.assets} asset(s). Confirm to delete them too.`,
      { status: 409, code: "not_empty" },
    );
  }
  const shas = new Set<string>();
  let wake: string[] = [];
  let onPortal = 0;
  await db.$transaction(
    async (tx) => {
      const held = await heldOnPortal(tx, items);
      onPortal = held.length;
      const folders = await tx.folder.findMany({
        where: { id: { in: ids(items, "folder") } },
        select: { id: true, path: true, parentId: true },
      });
      if (folders.some((f) => !f.parentId)) throw new UserError("The Assets root folder cannot be deleted.");
      const assetIds = ids(items, "asset");
      for (const f of folders) {
        const bin = await tx.$queryRaw<{ sha256: string }[]>`
        SELECT DISTINCT "sha256" FROM "Asset" WHERE ${below("path", f.path)}
        UNION SELECT DISTINCT v."sha256" FROM "AssetVersion" v JOIN "Asset" a ON a."id" = v."assetId" WHERE ${below("path", f.path)}
        UNION SELECT DISTINCT r."sha256" FROM "Rendition" r JOIN "Asset" a ON a."id" = r."assetId" WHERE ${below("path", f.path)}`;
        bin.forEach((b) => shas.add(b.sha256));
        // Renditions, versions and collection memberships go with their asset (ON DELETE CASCADE).
        await tx.$executeRaw`DELETE FROM "Asset" WHERE ${below("path", f.path)}`;
        const sub = await tx.folder.findMany({
          where: { path: { startsWith: `${f.path}/` } },
          select: { id: true, path: true },
        });
        const inside = sub.filter((s) => s.path.startsWith(`${f.path}/`)).sort((a, b) => b.path.length - a.path.length);
        for (const s of inside) await tx.folder.delete({ where: { id: s.id } }); // deepest first: parents are RESTRICT
      }
      for (const part of chunks(assetIds)) {
        const rows = await tx.asset.findMany({
          where: { id: { in: part } },
          select: { sha256: true, versions: { select: { sha256: true } }, renditions: { select: { sha256: true } } },
        });
        for (const r of rows)
          [r.sha256, ...r.versions.map((v) => v.sha256), ...r.renditions.map((x) => x.sha256)].forEach((s) =>
            shas.add(s),
          );
        await tx.asset.deleteMany({ where: { id: { in: part } } });
      }
      for (const f of folders.sort((a, b) => b.path.length - a.path.length))
        await tx.folder.deleteMany({ where: { id: f.id } });
      wake = await followOnPortal(tx, held, { moved: false, requestedBy: opts.userId });
    },
    { timeout: 120_000 },
  );
  wakeQueues(wake);
  await collectBlobs(shas, { keepRecent: false }).catch((e) => console.warn("[assets] blob cleanup:", e));
  return { ...preview, onPortal };
}

const ids = (items: ItemRef[], kind: ItemRef["kind"]) => items.filter((i) => i.kind === kind).map((i) => i.id);
