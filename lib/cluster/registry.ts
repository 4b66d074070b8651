import "server-only";
import { hostname } from "node:os";
import { db } from "@/lib/db";
import { nodeId } from "@/lib/cluster/node-id";
import { completedDeliveries } from "@/lib/metrics/record";
import { reapExpiredLeases } from "@/lib/replication/queue/lease";
import { assetBlobs } from "@/lib/storage/stores";
import pkg from "@/package.json";

// The node registry: every node writes its row at start and heartbeats into it. The database is
// the only coordination point; nothing here talks to another node.

export type NodeRole = "web" | "worker" | "all";

export const HEARTBEAT_MS = 5_000;
/** A node silent this long is lost: six missed heartbeats, well past a busy event loop's pause. */
export const LOST_AFTER_MS = 30_000;

/** Where this node keeps binaries, as the registry compares it (a folder is only shared on its host). */
export function blobLocation(): string {
  return assetBlobs.kind === "local" ? `${hostname()}:${assetBlobs.location}` : assetBlobs.location;
}

export function liveSince(nowMs: number): Date {
  return new Date(nowMs - LOST_AFTER_MS);
}

/** The other nodes that heartbeated recently and did not stop. */
export function otherLiveNodes(nowMs = Date.now()) {
  return db.clusterNode.findMany({
    where: { id: { not: nodeId }, stoppedAt: null, lastHeartbeatAt: { gte: liveSince(nowMs) } },
    orderBy: { startedAt: "asc" },
  });
}

export async function registerNode(role: NodeRole): Promise<void> {
  const now = new Date();
  await db.clusterNode.create({
    data: {
      id: nodeId,
      role,
      version: pkg.version,
      host: hostname(),
      pid: process.pid,
      blobStore: assetBlobs.kind,
      blobLocation: blobLocation(),
      startedAt: now,
      lastHeartbeatAt: now,
    },
  });
}

let last = { at: Date.now(), done: 0 };

/** One heartbeat: this node's figures, then the lost nodes' leases handed back to the queue. */
export async function heartbeat(nowMs = Date.now()): Promise<void> {
  const done = completedDeliveries();
  const minutes = Math.max(1, nowMs - last.at) / 60_000;
  const perMinute = (done - last.done) / minutes;
  last = { at: nowMs, done };
  const jobsInFlight = await db.replicationJob.count({ where: { state: "running", leaseOwner: nodeId } });
  await db.clusterNode.update({
    where: { id: nodeId },
    data: { lastHeartbeatAt: new Date(nowMs), jobsInFlight, jobsDone: done, jobsPerMinute: perMinute },
  });
  await reclaimLostLeases(nowMs);
}

/**
 * The leases of nodes that stopped heartbeating expire now instead of at their end (and with them
 * the agents they kept busy), and the queue's own lease-expiry reclaim (reapExpiredLeases) puts
 * the jobs back: another node takes them at once. Fencing makes this safe if the node was only stalled: its lease token no longer
 * matches, so it can change nothing, and the portal answers a repeated delivery as a no-op.
 */
export async function reclaimLostLeases(nowMs = Date.now()): Promise<number> {
  const lost = await db.clusterNode.findMany({
    where: { stoppedAt: null, leasesReclaimedAt: null, lastHeartbeatAt: { lt: liveSince(nowMs) } },
    select: { id: true },
  });
  if (!lost.length) return 0;
  const now = new Date(nowMs);
  const ids = lost.map((n) => n.id);
  await db.replicationJob.updateMany({
    where: { state: "running", leaseOwner: { in: ids }, leaseExpiresAt: { gt: now } },
    data: { leaseExpiresAt: now },
  });
  await db.replicationAgent.updateMany({
    where: { busyOwner: { in: ids } },
    data: { busyOwner: null, busyToken: null, busyUntil: null },
  });
  await db.clusterNode.updateMany({ where: { id: { in: ids } }, data: { leasesReclaimedAt: now, jobsInFlight: 0 } });
  return reapExpiredLeases(nowMs + 1);
}

/** A clean stop: the node is shown as stopped, not lost, and the agents it kept busy are free. */
export async function deregisterNode(): Promise<void> {
  await db.replicationAgent.updateMany({
    where: { busyOwner: nodeId },
    data: { busyOwner: null, busyToken: null, busyUntil: null },
  });
  await db.clusterNode.updateMany({ where: { id: nodeId }, data: { stoppedAt: new Date(), jobsInFlight: 0 } });
}

/** Rows of nodes gone for a week are dropped (the page would otherwise grow with every restart). */
export async function pruneNodes(nowMs = Date.now()): Promise<void> {
  await db.clusterNode.deleteMany({ where: { lastHeartbeatAt: { lt: new Date(nowMs - 7 * 24 * 3600_000) } } });
}

/** Heartbeats until the returned stop function runs (then the node deregisters). */
export function startHeartbeat(): () => Promise<void> {
  let beating = Promise.resolve();
  let beats = 0;
  const timer = setInterval(() => {
    beating = heartbeat()
      .then(() => (++beats % 720 === 0 ? pruneNodes() : undefined))
      .catch((e) => console.error("[cluster] heartbeat failed", e));
  }, HEARTBEAT_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await beating;
    await deregisterNode().catch(() => {});
  };
}
