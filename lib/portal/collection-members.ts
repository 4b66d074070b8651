import "server-only";
import { db } from "@/lib/db";
import { chunks } from "@/lib/assets/sql";
import { visible, type PortalScope } from "@/lib/portal/visibility";

/**
 * A collection the viewer may see, with the ids of its members the viewer may see (members
 * removed since are gone; a portal user gets the public ones only). Null if the collection is
 * unknown or hidden. The collection page and its ZIP both read members here.
 */
export async function collectionMembers(v: PortalScope, name: string) {
  const c = await db.portalCollection.findFirst({ where: { ...visible(v), name } });
  if (!c) return null;
  const ids: string[] = [];
  // In chunks: a collection may list thousands of paths.
  for (const part of chunks(memberPaths(c.memberPaths))) {
    const rows = await db.portalAsset.findMany({ where: { ...visible(v), path: { in: part } }, select: { id: true } });
    ids.push(...rows.map((r) => r.id));
  }
  return { collection: c, ids };
}

/** The stored member paths (a JSON array); anything else reads as none. */
export function memberPaths(json: string): string[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}
