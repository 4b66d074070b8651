import "server-only";
import { db } from "@/lib/db";

// PUT/DELETE …/api/v1/collections/<name>: a collection's metadata and its members' paths.

export async function receiveCollection(
  tenantId: string,
  name: string,
  body: { title: string; description: string; memberPaths: string[]; public: boolean },
) {
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
    return { status: 200 as const, result: "unchanged" as const, name };
  }
  await db.portalCollection.upsert({
    where: { tenantId_name: { tenantId, name } },
    create: { ...data, tenantId, name },
    update: data,
  });
  return {
    status: cur ? (200 as const) : (201 as const),
    result: cur ? ("updated" as const) : ("created" as const),
    name,
  };
}

export async function removeCollection(tenantId: string, name: string) {
  const { count } = await db.portalCollection.deleteMany({ where: { tenantId, name } });
  return { result: count ? ("deleted" as const) : ("absent" as const), name };
}
