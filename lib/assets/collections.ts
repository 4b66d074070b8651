import "server-only";
import { db } from "@/lib/db";
import { assetItem, assetListSelect } from "@/lib/assets/serialize";
import { describeBp } from "@/lib/assets/bp-state";
import { collectionPath, type BpStatus } from "@/lib/assets/types";
import { chunks, containsFolded, sql } from "@/lib/assets/sql";
import { conflict, notFound } from "@/lib/errors";
import { followOnPortal, heldOnPortal, wakeQueues } from "@/lib/publication/follow-on-portal";

// Assets › Collections: named sets of assets. A collection refers to its assets; deleting it
// leaves them where they are, deleting an asset removes it from every collection.

const select = {
  id: true,
  name: true,
  title: true,
  description: true,
  updatedAt: true,
  bpState: true,
  bpAt: true,
  bpBy: true,
  _count: { select: { members: true } },
} as const;

export async function createCollection(
  input: { name: string; title: string; description: string; assetIds?: string[] },
  userId: string,
) {
  if (await db.collection.findUnique({ where: { name: input.name }, select: { id: true } })) {
    throw conflict(`A collection named "${input.name}" already exists. Choose another name.`, "name");
  }
  const c = await db.collection.create({
    data: { name: input.name, title: input.title, description: input.description, createdById: userId },
    select: { id: true, name: true },
  });
  if (input.assetIds?.length) await addToCollection(c.id, input.assetIds);
  return c;
}

export async function listCollections(opts: { q?: string; skip?: number; take?: number } = {}) {
  const where = opts.q ? { id: { in: await matchingIds(opts.q) } } : {};
  const [rows, total] = await Promise.all([
    db.collection.findMany({ where, select, orderBy: { title: "asc" }, skip: opts.skip ?? 0, take: opts.take ?? 50 }),
    db.collection.count({ where }),
  ]);
  const items = await describeBp(
    rows.map(({ _count, ...c }) => ({
      ...c,
      kind: "collection" as const,
      path: collectionPath(c.name),
      members: _count.members,
      updatedAt: c.updatedAt.toISOString(),
      bpAt: c.bpAt?.toISOString() ?? null,
      bp: { state: c.bpState, at: c.bpAt?.toISOString() ?? null, by: c.bpBy } as BpStatus,
    })),
  );
  return { total, rows: items };
}

/** Collections whose name or title contains the text, ignoring case (wildcards taken literally). */
async function matchingIds(q: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(
    sql`SELECT "id" FROM "Collection" WHERE ${containsFolded("name", q)} OR ${containsFolded("title", q)}`,
  );
  return rows.map((r) => r.id);
}

export async function getCollection(name: string) {
  const c = await db.collection.findUnique({ where: { name }, select });
  if (!c) return null;
  const { _count, ...rest } = c;
  return { ...rest, members: _count.members };
}

export async function collectionMembers(collectionId: string, opts: { skip: number; take: number }) {
  const rows = await db.collectionMember.findMany({
    where: { collectionId },
    select: { asset: { select: assetListSelect } },
    orderBy: [{ addedAt: "asc" }, { assetId: "asc" }],
    skip: opts.skip,
    take: opts.take,
  });
  return describeBp(rows.map((r) => assetItem(r.asset)));
}

/** Adds assets (already members are skipped); returns how many were new. */
export async function addToCollection(collectionId: string, assetIds: string[]): Promise<{ added: number }> {
  return db.$transaction(async (tx) => {
    const c = await tx.collection.findUnique({ where: { id: collectionId }, select: { id: true } });
    if (!c) throw notFound("The collection");
    let added = 0;
    for (const part of chunks([...new Set(assetIds)])) {
      const existing = await tx.asset.findMany({ where: { id: { in: part } }, select: { id: true } });
      if (existing.length !== part.length) throw notFound("A selected asset");
      const already = await tx.collectionMember.findMany({
        where: { collectionId, assetId: { in: part } },
        select: { assetId: true },
      });
      const have = new Set(already.map((m) => m.assetId));
      const fresh = part.filter((id) => !have.has(id));
      if (fresh.length)
        await tx.collectionMember.createMany({ data: fresh.map((assetId) => ({ collectionId, assetId })) });
      added += fresh.length;
    }
    await tx.collection.update({ where: { id: collectionId }, data: { updatedAt: new Date() } });
    return { added };
  });
}

export async function removeFromCollection(collectionId: string, assetIds: string[]): Promise<{ removed: number }> {
  const { count } = await db.collectionMember.deleteMany({ where: { collectionId, assetId: { in: assetIds } } });
  if (count) await db.collection.update({ where: { id: collectionId }, data: { updatedAt: new Date() } });
  return { removed: count };
}

/** Deletes collections; the portal's copies of them are unpublished (their assets stay). */
export async function deleteCollections(ids: string[], userId: string): Promise<{ deleted: number }> {
  let wake: string[] = [];
  const deleted = await db.$transaction(async (tx) => {
    const held = await heldOnPortal(
      tx,
      ids.map((id) => ({ kind: "collection" as const, id })),
    );
    const { count } = await tx.collection.deleteMany({ where: { id: { in: ids } } });
    if (!count) throw notFound("The collection");
    wake = await followOnPortal(tx, held, { moved: false, requestedBy: userId });
    return count;
  });
  wakeQueues(wake);
  return { deleted };
}
