import "server-only";
import type { Tx } from "@/lib/db/tx";
import { below, sql } from "@/lib/assets/sql";
import { getActiveConfig } from "@/lib/cloud-services/get-config";
import { enqueueJobs, type EnqueueItem } from "@/lib/replication/queue/enqueue";
import { notifyQueue } from "@/lib/replication/queue/wake";
import { collectionJobPath } from "@/lib/publication/expand-scope";

// The portal keeps what it was sent at the path it was sent to. So when an author renames, moves
// or deletes an asset, folder or collection that the portal holds, the console follows, as AEM
// does: the copy at the old path is unpublished, and what moved is published again at its new
// path. Queued in the transaction that makes the change, so both happen or neither does.
//
// "Held by the portal": the item (or, for a folder, anything in it) has a Brand Portal status other
// than none or unpublished. It goes to each configuration that was sent something for those paths
// and, when the queue's history no longer says (finished jobs are purged after 30 days), to the
// default one. A configuration with no enabled agent is left out: enqueueing would refuse the
// author's change, which matters more than the portal's stale copy (Tools › Replication shows it).

const ON_PORTAL = sql`"bpState" IS NOT NULL AND "bpState" <> 'unpublished'`;

export type Held = { kind: "asset" | "folder" | "collection"; id: string; path: string; configIds: string[] };

type Item = { kind: "asset" | "folder"; id: string } | { kind: "collection"; id: string };

/** Which of the items the portal holds, and through which configurations. Read before they change. */
export async function heldOnPortal(tx: Tx, items: Item[]): Promise<Held[]> {
  const out: Held[] = [];
  let configs: string[] | null = null;
  for (const item of items) {
    const path = await heldPath(tx, item);
    if (!path) continue;
    configs ??= await usableConfigs(tx);
    if (!configs.length) break;
    const subtree = item.kind === "folder" ? sql` OR ${below("path", path)}` : sql``;
    const sent: string[] = [];
    for (const id of configs) {
      const [hit] = await tx.$queryRaw<{ n: number }[]>`SELECT 1 AS "n" FROM "ReplicationJob"
        WHERE "configId" = ${id} AND ("path" = ${path}${subtree}) LIMIT 1`;
      if (hit) sent.push(id);
    }
    const fallback = sent.length ? sent : await defaultConfig(tx, configs);
    if (fallback.length) out.push({ kind: item.kind, id: item.id, path, configIds: fallback });
  }
  return out;
}

/**
 * Unpublishes each held item at its old path; with `moved`, also publishes it again where it is
 * now (a folder: itself and whatever below it the portal held). Returns the configurations to wake
 * after the commit (wakeQueues).
 */
export async function followOnPortal(
  tx: Tx,
  held: Held[],
  opts: { moved: boolean; requestedBy: string | null },
): Promise<string[]> {
  const byConfig = new Map<string, EnqueueItem[]>();
  const add = (configIds: string[], items: EnqueueItem[]) => {
    for (const id of configIds) {
      const list = byConfig.get(id) ?? [];
      for (const item of items) list.push(item);
      byConfig.set(id, list);
    }
  };
  for (const h of held) {
    // No refId: the item no longer is at that path, so the job must not set its status.
    add(h.configIds, [{ action: "unpublish", kind: h.kind, path: h.path, refId: null }]);
    if (opts.moved && h.kind !== "collection") add(h.configIds, await republished(tx, h));
  }
  for (const [configId, items] of byConfig) await enqueueJobs(tx, { configId, requestedBy: opts.requestedBy, items });
  return [...byConfig.keys()];
}

/** After the commit: the agents of these configurations start at once. */
export function wakeQueues(configIds: string[]): void {
  for (const id of configIds) notifyQueue(id);
}

async function heldPath(tx: Tx, item: Item): Promise<string | null> {
  if (item.kind === "asset") {
    const [a] = await tx.$queryRaw<
      { path: string }[]
    >`SELECT "path" FROM "Asset" WHERE "id" = ${item.id} AND ${ON_PORTAL}`;
    return a?.path ?? null;
  }
  if (item.kind === "collection") {
    const [c] = await tx.$queryRaw<
      { name: string }[]
    >`SELECT "name" FROM "Collection" WHERE "id" = ${item.id} AND ${ON_PORTAL}`;
    return c ? collectionJobPath(c.name) : null;
  }
  const [f] = await tx.$queryRaw<{ path: string }[]>`SELECT "path" FROM "Folder" WHERE "id" = ${item.id}`;
  if (!f) return null;
  const [held] = await tx.$queryRaw<{ n: number }[]>`SELECT 1 AS "n" WHERE
    EXISTS (SELECT 1 FROM "Folder" WHERE ("path" = ${f.path} OR ${below("path", f.path)}) AND ${ON_PORTAL})
    OR EXISTS (SELECT 1 FROM "Asset" WHERE ${below("path", f.path)} AND ${ON_PORTAL})`;
  return held ? f.path : null;
}

/** What to publish again after a move: the item at its new path (a folder: the held part of it, parents first). */
async function republished(tx: Tx, h: Held): Promise<EnqueueItem[]> {
  if (h.kind === "asset") {
    const [a] = await tx.$queryRaw<{ path: string }[]>`SELECT "path" FROM "Asset" WHERE "id" = ${h.id}`;
    return a ? [{ action: "publish", kind: "asset", path: a.path, refId: h.id }] : [];
  }
  const [f] = await tx.$queryRaw<{ path: string }[]>`SELECT "path" FROM "Folder" WHERE "id" = ${h.id}`;
  if (!f) return [];
  const folders = await tx.$queryRaw<{ id: string; path: string }[]>`SELECT "id", "path" FROM "Folder"
    WHERE ("path" = ${f.path} OR ${below("path", f.path)}) AND ${ON_PORTAL}`;
  const assets = await tx.$queryRaw<{ id: string; path: string }[]>`SELECT "id", "path" FROM "Asset"
    WHERE ${below("path", f.path)} AND ${ON_PORTAL} ORDER BY "path"`;
  const depth = (p: string) => p.split("/").length;
  folders.sort((a, b) => depth(a.path) - depth(b.path) || a.path.localeCompare(b.path));
  return [
    ...folders.map((x): EnqueueItem => ({ action: "publish", kind: "folder", path: x.path, refId: x.id })),
    ...assets.map((x): EnqueueItem => ({ action: "publish", kind: "asset", path: x.path, refId: x.id })),
  ];
}

/** Configurations that can take jobs (at least one enabled agent). */
async function usableConfigs(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ configId: string }[]>`SELECT DISTINCT "configId" FROM "ReplicationAgent"
    WHERE "enabled" = TRUE`;
  return rows.map((r) => r.configId);
}

async function defaultConfig(tx: Tx, usable: string[]): Promise<string[]> {
  const active = await getActiveConfig(tx);
  return active && usable.includes(active.id) ? [active.id] : [];
}
