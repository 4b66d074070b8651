import "server-only";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { clearRemoval, isNewer, notNewer, orderColumns, removedSince, type Order } from "@/lib/portal/publish-order";

// A folder's or a collection's publish writes one row the same way (docs/replication-protocol.md,
// "Order"): unchanged (the request's order recorded), updated unless a newer request of the same
// sender wrote the row, or created (updated instead when a parallel request created it first).
// Written first, then checked against the removal markers: a publish an unpublish voided takes its
// row back (lib/portal/publish-order.ts). Assets have their own path (receive-asset.ts): direct
// SQL and a version compare-and-set.

type Where = Record<string, unknown>;

/** The table's writes, on the caller's Prisma model. */
export type OrderedRows = {
  updateMany: (where: Where, data: Where) => Promise<{ count: number }>;
  create: (data: Where) => Promise<unknown>;
  deleteMany: (where: Where) => Promise<unknown>;
};

export async function upsertInOrder<Row extends { id: string; seqSource: string | null; sequence: number | null }>(o: {
  tenantId: string;
  kind: "folder" | "collection";
  /** The row's unique key within the tenant: { path } or { name }; the marker's key is its value. */
  key: { path: string } | { name: string };
  cur: Row | null;
  /** Whether the stored row already holds `data`. */
  same: (cur: Row) => boolean;
  data: Where;
  order: Order | null;
  rows: OrderedRows;
}): Promise<"created" | "updated" | "unchanged" | "stale"> {
  const { cur, order, rows } = o;
  if (cur && isNewer(cur, order)) return "stale";
  const byKey = { tenantId: o.tenantId, ...o.key };
  const write = { ...o.data, ...orderColumns(order) };
  // A new row; one created meanwhile (a parallel delivery, or for a folder an asset below it) is
  // updated instead, unless a newer request wrote it.
  const createOrUpdate = async () => {
    try {
      await rows.create({ ...write, ...byKey });
      return "created" as const;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      return (await rows.updateMany({ ...byKey, ...notNewer(order) }, write)).count ? ("updated" as const) : "stale";
    }
  };
  // The row read, updated in place; null when it is no longer there as it was read.
  const updated = async (): Promise<"unchanged" | "updated" | null> => {
    if (!cur) return null;
    if (o.same(cur) && !order) return "unchanged";
    const data = o.same(cur) ? orderColumns(order) : write;
    if (!(await rows.updateMany({ id: cur.id, ...notNewer(order) }, data)).count) return null;
    return o.same(cur) ? "unchanged" : "updated";
  };
  // Nothing read, or a newer request rewrote the row (stale), or it was removed meanwhile, by the
  // unpublish of a folder above it say (then made anew: this request is the newer one).
  const result = (await updated()) ?? (await createOrUpdate());
  if (result === "stale") return result;
  if (order) {
    const key = "path" in o.key ? o.key.path : o.key.name;
    const markers = await removedSince(o.tenantId, o.kind, key, order);
    if (markers.voidedBy !== null) {
      await rows.deleteMany({ ...byKey, seqSource: order.source, sequence: order.sequence });
      return "stale";
    }
    // A folder's marker stays: it also voids older uploads of the assets below it.
    if (markers.olderOwn && o.kind === "collection") await clearRemoval(o.tenantId, o.kind, key, order);
  }
  return result;
}
