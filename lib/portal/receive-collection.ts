import "server-only";
import { db } from "@/lib/db";
import {
  clearRemoval,
  isNewer,
  markRemoved,
  notNewer,
  orderColumns,
  removedSince,
  type Order,
} from "@/lib/portal/publish-order";
import { recordReceipt, UNKNOWN_PUBLISHER, type Publisher } from "@/lib/portal/receipts";

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
  const stale = { status: 200 as const, result: "stale" as const, name };
  const staleReceipt = async () => (await receipt("stale"), stale);
  const cur = await db.portalCollection.findUnique({ where: { tenantId_name: { tenantId, name } } });
  if (cur && isNewer(cur, order)) return staleReceipt();
  let result: "created" | "updated" | "unchanged";
  if (
    cur &&
    cur.title === data.title &&
    cur.description === data.description &&
    cur.memberPaths === data.memberPaths &&
    cur.isPublic === data.isPublic
  ) {
    result = "unchanged";
    if (order)
      await db.portalCollection.updateMany({ where: { id: cur.id, ...notNewer(order) }, data: orderColumns(order) });
  } else if (cur) {
    const { count } = await db.portalCollection.updateMany({
      where: { id: cur.id, ...notNewer(order) },
      data: { ...data, ...orderColumns(order) },
    });
    if (!count) return staleReceipt();
    result = "updated";
  } else {
    try {
      await db.portalCollection.create({ data: { ...data, ...orderColumns(order), tenantId, name } });
      result = "created";
    } catch (e) {
      if ((e as { code?: string }).code !== "P2002") throw e;
      // created meanwhile by a parallel delivery of the same collection: update it instead
      const { count } = await db.portalCollection.updateMany({
        where: { tenantId, name, ...notNewer(order) },
        data: { ...data, ...orderColumns(order) },
      });
      if (!count) return staleReceipt();
      result = "updated";
    }
  }
  if (order) {
    // Written first, then checked: see lib/portal/publish-order.ts.
    const markers = await removedSince(tenantId, "collection", name, order);
    if (markers.voidedBy !== null) {
      await db.portalCollection.deleteMany({
        where: { tenantId, name, seqSource: order.source, sequence: order.sequence },
      });
      return staleReceipt();
    }
    if (markers.olderOwn) await clearRemoval(tenantId, "collection", name, order);
  }
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
  const result = count ? ("deleted" as const) : ("absent" as const);
  await recordReceipt(tenantId, by, { action: "remove", kind: "collection", path: name, result, assets: 0, bytes: 0 });
  return { result, name };
}
