import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { db } from "@/lib/db";
import { isNewer, markRemoved, notNewer, type Order } from "@/lib/portal/publish-order";
import { recordReceipt, UNKNOWN_PUBLISHER, type Publisher } from "@/lib/portal/receipts";
import { upsertInOrder } from "@/lib/portal/upsert-in-order";

// PUT/DELETE …/api/v1/collections/<name>: a collection's metadata and its members' paths. With
// X-Publish-Sequence, a request older than the collection's last publish or removal is stale.

export async function receiveCollection(
  tenantId: string,
  name: string,
  body: { title: string; description: string; memberPaths: string[]; public: boolean },
  by: Publisher = UNKNOWN_PUBLISHER,
  order: Order | null = null,
) {
  const receipt = (result: string) =>
    recordReceipt(tenantId, by, { action: "publish", kind: "collection", path: name, result, assets: 0, bytes: 0 });
  const data = {
    title: body.title || name,
    description: body.description,
    memberPaths: JSON.stringify([...new Set(body.memberPaths)]),
    isPublic: body.public,
  };
  const cur = await db.portalCollection.findUnique({ where: { tenantId_name: { tenantId, name } } });
  const result = await upsertInOrder({
    tenantId,
    kind: "collection",
    key: { name },
    cur,
    same: (c) =>
      c.title === data.title &&
      c.description === data.description &&
      c.memberPaths === data.memberPaths &&
      c.isPublic === data.isPublic,
    data,
    order,
    rows: {
      updateMany: (where, data) => db.portalCollection.updateMany({ where, data }),
      create: (data) => db.portalCollection.create({ data: data as Prisma.PortalCollectionUncheckedCreateInput }),
      deleteMany: (where) => db.portalCollection.deleteMany({ where }),
    },
  });
  await receipt(result);
  return { status: result === "created" ? (201 as const) : (200 as const), result, name };
}

export async function removeCollection(
  tenantId: string,
  name: string,
  by: Publisher = UNKNOWN_PUBLISHER,
  order: Order | null = null,
) {
  const cur = await db.portalCollection.findUnique({
    where: { tenantId_name: { tenantId, name } },
    select: { seqSource: true, sequence: true },
  });
  if (cur && isNewer(cur, order)) return { result: "stale" as const, name };
  if (order) await markRemoved(tenantId, "collection", name, order);
  const { count } = await db.portalCollection.deleteMany({ where: { tenantId, name, ...notNewer(order) } });
  // None deleted while one is there: a newer publish wrote it after the look above.
  if (!count && (await db.portalCollection.count({ where: { tenantId, name } })))
    return { result: "stale" as const, name };
  const result = count ? ("deleted" as const) : ("absent" as const);
  await recordReceipt(tenantId, by, { action: "remove", kind: "collection", path: name, result, assets: 0, bytes: 0 });
  return { result, name };
}
