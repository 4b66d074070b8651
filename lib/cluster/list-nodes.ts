import "server-only";
import { db } from "@/lib/db";
import { LOST_AFTER_MS } from "@/lib/cluster/registry";

export type NodeState = "live" | "lost" | "stopped";

export type NodeSummary = {
  id: string;
  role: string;
  version: string;
  host: string;
  pid: number;
  blobStore: string;
  state: NodeState;
  startedAt: string;
  lastHeartbeatAt: string;
  stoppedAt: string | null;
  leasesReclaimedAt: string | null;
  jobsInFlight: number;
  jobsDone: number;
  jobsPerMinute: number;
};

/** Every registered node, live ones first; a node silent for LOST_AFTER_MS is lost. */
export async function listNodes(nowMs = Date.now()): Promise<NodeSummary[]> {
  const rows = await db.clusterNode.findMany({ orderBy: { startedAt: "desc" }, take: 200 });
  const order: Record<NodeState, number> = { live: 0, lost: 1, stopped: 2 };
  return rows
    .map((n) => {
      const state: NodeState = n.stoppedAt
        ? "stopped"
        : nowMs - n.lastHeartbeatAt.getTime() > LOST_AFTER_MS
          ? "lost"
          : "live";
      return {
        id: n.id,
        role: n.role,
        version: n.version,
        host: n.host,
        pid: n.pid,
        blobStore: n.blobStore,
        state,
        startedAt: n.startedAt.toISOString(),
        lastHeartbeatAt: n.lastHeartbeatAt.toISOString(),
        stoppedAt: n.stoppedAt?.toISOString() ?? null,
        leasesReclaimedAt: n.leasesReclaimedAt?.toISOString() ?? null,
        jobsInFlight: state === "live" ? n.jobsInFlight : 0,
        jobsDone: n.jobsDone,
        jobsPerMinute: state === "live" ? n.jobsPerMinute : 0,
      };
    })
    .sort((a, b) => order[a.state] - order[b.state]);
}
