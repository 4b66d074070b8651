import "server-only";
import { db } from "@/lib/db";
import { recordReceipt, UNKNOWN_PUBLISHER, type Publisher } from "@/lib/portal/receipts";

// PUT/DELETE …/api/v1/collections/<name>: a collection's metadata and its members' paths.

export async function receiveCollection(
  tenantId: string,
  name: string,
  body: { title: string; description: string; memberPaths: string[]; public: boolean },
  by: Publisher = UNKNOWN_PUBLISHER,
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
  if (
    cur &&
    cur.title === data.title &&
    cur.description === data.description &&
    cur.memberPaths === data.memberPaths &&
    cur.isPublic === data.isPublic
  ) {
    await receipt("unchanged");
    return { status: 200 as const, result: "unchanged" as const, name };
  }
  await db.portalCollection.upsert({
    where: { tenantId_name: { tenantId, name } },
    create: { ...data, tenantId, name },
    update: data,
  });
  await receipt(cur ? "updated" : "created");
  return {
    status: cur ? (200 as const) : (201 as const),
    result: cur ? ("updated" as const) : ("created" as const),
    name,
  };
}

export async function removeCollection(tenantId: string, name: string, by: Publisher = UNKNOWN_PUBLISHER) {
  const { count } = await db.portalCollection.deleteMany({ where: { tenantId, name } });
  const result = count ? "deleted" : "absent";
  await recordReceipt(tenantId, by, { action: "remove", kind: "collection", path: name, result, assets: 0, bytes: 0 });
  return { result: count ? ("deleted" as const) : ("absent" as const), name };
}
