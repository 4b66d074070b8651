import "server-only";
import { db, direct } from "@/lib/db";
import { join, sql } from "@/lib/assets/sql";
import { PortalError } from "@/lib/portal/portal-error";

// The order of publish and unpublish requests for one path (docs/replication-protocol.md, "Order").
// A sender numbers its requests per path with X-Publish-Sequence, within X-Publish-Source. The
// portal keeps, on each item, the sequence of the last publish it applied, and, for an item it
// removed, a removal marker (PortalTombstone). A request older than either is answered "stale":
// a delayed upload that arrives after an unpublish never brings the item back, and a delayed
// unpublish never removes a newer publication.
//
// Race-free without locks: a publish writes first and then looks for a marker (removing what it
// wrote if one is there); an unpublish writes its marker first and then removes the rows. Either
// the unpublish's delete sees the publish's row, or the publish's look sees the marker.

export type Order = { source: string; sequence: number };
export type ItemKind = "asset" | "folder" | "collection";

const SOURCE = /^[A-Za-z0-9._:@-]{1,100}$/;
const SEQUENCE = /^[1-9]\d{0,9}$/;

/** The request's X-Publish-Source and X-Publish-Sequence: both or neither (then no ordering). */
export function readOrder(h: Headers): Order | null {
  const source = h.get("x-publish-source");
  const seq = h.get("x-publish-sequence");
  if (source === null && seq === null) return null;
  if (source === null || seq === null)
    throw new PortalError(400, "invalid_request", "Send X-Publish-Source and X-Publish-Sequence together, or neither.");
  if (!SOURCE.test(source))
    throw new PortalError(400, "invalid_request", "X-Publish-Source must be 1-100 letters, digits or ._:@-.");
  if (!SEQUENCE.test(seq) || Number(seq) > 2_147_483_647)
    throw new PortalError(400, "invalid_request", "X-Publish-Sequence must be a positive integer below 2^31.");
  return { source, sequence: Number(seq) };
}

/** Every folder path above `path` ("/content", "/content/dam", …), nearest last. */
export function foldersAbove(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf("/", 1); i > 0; i = path.indexOf("/", i + 1)) out.push(path.slice(0, i));
  return out;
}

/**
 * What the removal markers say about a publish with `order`: `voidedBy`, the sequence of a marker
 * that voids it (the item's own, or for an asset or a folder, that of any folder above it: an
 * unpublished folder took everything below it away), and whether the item has an older marker of
 * its own to clear. One indexed read (the table holds only removed paths).
 */
export async function removedSince(
  tenantId: string,
  kind: ItemKind,
  key: string,
  order: Order,
): Promise<{ voidedBy: number | null; olderOwn: boolean }> {
  const above = kind === "collection" ? [] : foldersAbove(key);
  const own = sql`("kind" = ${kind} AND "path" = ${key})`;
  const where = above.length ? sql`(${own} OR ("kind" = 'folder' AND "path" IN (${join(above)})))` : own;
  const rows = await direct.query<{
    kind: string;
    path: string;
    sequence: number;
  }>(sql`SELECT "kind", "path", "sequence"
    FROM "PortalTombstone" WHERE "tenantId" = ${tenantId} AND "source" = ${order.source} AND ${where}`);
  let voidedBy: number | null = null;
  let olderOwn = false;
  for (const r of rows) {
    const seq = Number(r.sequence);
    if (seq >= order.sequence) voidedBy = Math.max(voidedBy ?? 0, seq);
    else if (r.kind === kind && r.path === key) olderOwn = true;
  }
  return { voidedBy, olderOwn };
}

/** Writes (or raises) the item's removal marker. Call before removing the rows. */
export async function markRemoved(tenantId: string, kind: ItemKind, key: string, order: Order): Promise<void> {
  const now = new Date();
  await db.$executeRaw`INSERT INTO "PortalTombstone" ("tenantId", "kind", "path", "source", "sequence", "removedAt")
    VALUES (${tenantId}, ${kind}, ${key}, ${order.source}, ${order.sequence}, ${now})
    ON CONFLICT ("tenantId", "kind", "path", "source")
    DO UPDATE SET "sequence" = excluded."sequence", "removedAt" = excluded."removedAt"
    WHERE "PortalTombstone"."sequence" < excluded."sequence"`;
}

/**
 * A newer publish of an asset or a collection replaces its marker (the item's row now carries
 * the sequence). A folder's marker stays: it also voids older uploads of the assets below it.
 */
export async function clearRemoval(tenantId: string, kind: "asset" | "collection", key: string, order: Order) {
  await direct.execute(sql`DELETE FROM "PortalTombstone" WHERE "tenantId" = ${tenantId} AND "kind" = ${kind}
    AND "path" = ${key} AND "source" = ${order.source} AND "sequence" < ${order.sequence}`);
}

/** Prisma `where` for rows a request with `order` may replace or remove: none newer from its sender (nulls spelt out). */
export const notNewer = (order: Order | null) =>
  order
    ? {
        OR: [
          { seqSource: null },
          { sequence: null },
          { seqSource: { not: order.source } },
          { sequence: { lte: order.sequence } },
        ],
      }
    : {};

/** Whether a row was written by a newer request of the same sender. */
export const isNewer = (row: { seqSource: string | null; sequence: number | null }, order: Order | null) =>
  !!order && row.seqSource === order.source && row.sequence !== null && row.sequence > order.sequence;

/** The columns that record which request wrote a row. */
export const orderColumns = (order: Order | null) =>
  order ? { seqSource: order.source, sequence: order.sequence } : ({} as Record<string, never>);
