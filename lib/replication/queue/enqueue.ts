import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { dbProvider } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { repoPath } from "@/lib/portal/schemas";
import type { Tx } from "@/lib/replication/queue/tx";
import { notifyQueue } from "@/lib/replication/queue/wake";

// Puts publication work on the persisted queue, inside the caller's transaction: one job per item,
// spread evenly over the configuration's enabled, unpaused agents (each item goes to the agent
// with the fewest pending jobs). Items are marked bpState "pending"; the job remembers the state
// before, which Remove and Clear restore.

export const enqueueItem = z.object({
  action: z.enum(["publish", "unpublish"]),
  kind: z.enum(["asset", "folder", "collection"]),
  /** Assets and folders: their repository path. Collections: "/collections/<name>". */
  path: repoPath,
  /** The Asset, Folder or Collection id (optional for assets and folders: found by path). */
  refId: z.string().max(40).nullish(),
  /** The asset version the item was published at (informational: the current version is sent). */
  version: z.number().int().min(1).nullish(),
});
export const enqueueInput = z.object({
  configId: z.string().min(1).max(40),
  publicationId: z.string().max(40).nullish(),
  requestedBy: z.string().max(40).nullish(),
  items: z.array(enqueueItem).max(200_000),
});
export type EnqueueItem = z.input<typeof enqueueItem>;
export type EnqueueInput = z.input<typeof enqueueInput>;

export async function enqueueJobs(tx: Tx, raw: EnqueueInput): Promise<{ jobs: number; perAgent: Record<string, number> }> {
  const input = enqueueInput.parse(raw);
  if (!input.items.length) return { jobs: 0, perAgent: {} };
  if (dbProvider === "postgresql") {
    // Serialise enqueues per configuration, so job ids (the per-path order) match commit order.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`outpost-enqueue:${input.configId}`}))`;
  }
  const agents = await tx.replicationAgent.findMany({ where: { configId: input.configId, enabled: true }, orderBy: { position: "asc" }, select: { id: true, paused: true } });
  if (!agents.length) {
    throw new UserError("No replication agent of this Brand Portal configuration is enabled: enable one in Tools › Deployment › Replication.", { status: 409, code: "no_agent" });
  }
  // Paused agents take no new work while another agent runs; if all are paused, jobs wait for Resume.
  const targets = agents.some((a) => !a.paused) ? agents.filter((a) => !a.paused) : agents;
  const counts = await pendingCounts(tx, targets.map((a) => a.id));

  const prev = await previousStates(tx, input.items);
  const rows = input.items.map((item) => {
    let best = targets[0].id;
    for (const a of targets) if (counts.get(a.id)! < counts.get(best)!) best = a.id;
    counts.set(best, counts.get(best)! + 1);
    return {
      agentId: best,
      configId: input.configId,
      publicationId: input.publicationId ?? null,
      requestedBy: input.requestedBy ?? null,
      action: item.action,
      kind: item.kind,
      path: item.path,
      refId: item.refId ?? prev.get(`${item.kind}\n${item.path}`)?.id ?? null,
      version: item.version ?? null,
      prevBpState: prev.get(`${item.kind}\n${item.path}`)?.bpState ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await tx.replicationJob.createMany({ data: rows.slice(i, i + 1000) });
  await markPending(tx, input.items);

  const perAgent: Record<string, number> = {};
  for (const r of rows) perAgent[r.agentId] = (perAgent[r.agentId] ?? 0) + 1;
  return { jobs: rows.length, perAgent };
}

/** enqueueJobs in its own transaction, then wakes this node's workers. */
export async function enqueueNow(input: EnqueueInput) {
  const out = await db.$transaction((tx) => enqueueJobs(tx, input), { timeout: 60_000 });
  notifyQueue(input.configId);
  return out;
}

async function pendingCounts(tx: Tx, agentIds: string[]): Promise<Map<string, number>> {
  const groups = await tx.replicationJob.groupBy({ by: ["agentId"], where: { agentId: { in: agentIds }, state: { in: ["queued", "running"] } }, _count: { _all: true } });
  const counts = new Map(agentIds.map((id) => [id, 0]));
  for (const g of groups) counts.set(g.agentId, g._count._all);
  return counts;
}

const collectionName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

type Item = z.output<typeof enqueueItem>;

async function previousStates(tx: Tx, items: Item[]): Promise<Map<string, { id: string; bpState: string | null }>> {
  const out = new Map<string, { id: string; bpState: string | null }>();
  const by = (kind: Item["kind"]) => [...new Set(items.filter((i) => i.kind === kind).map((i) => i.path))];
  for (const part of chunks(by("asset"))) {
    for (const a of await tx.asset.findMany({ where: { path: { in: part } }, select: { id: true, path: true, bpState: true } })) out.set(`asset\n${a.path}`, a);
  }
  for (const part of chunks(by("folder"))) {
    for (const f of await tx.folder.findMany({ where: { path: { in: part } }, select: { id: true, path: true, bpState: true } })) out.set(`folder\n${f.path}`, f);
  }
  for (const part of chunks(by("collection"))) {
    const names = part.map(collectionName);
    for (const c of await tx.collection.findMany({ where: { name: { in: names } }, select: { id: true, name: true, bpState: true } })) {
      out.set(`collection\n/collections/${c.name}`, c);
    }
  }
  return out;
}

async function markPending(tx: Tx, items: Item[]) {
  const paths = (kind: Item["kind"]) => [...new Set(items.filter((i) => i.kind === kind).map((i) => i.path))];
  for (const part of chunks(paths("asset"))) await tx.asset.updateMany({ where: { path: { in: part } }, data: { bpState: "pending" } });
  for (const part of chunks(paths("folder"))) await tx.folder.updateMany({ where: { path: { in: part } }, data: { bpState: "pending" } });
  for (const part of chunks(paths("collection"))) await tx.collection.updateMany({ where: { name: { in: part.map(collectionName) } }, data: { bpState: "pending" } });
}

function chunks<T>(list: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
