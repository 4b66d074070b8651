import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import { Gauge, Registry } from "prom-client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { listNodes } from "@/lib/cluster/list-nodes";
import { nodeId } from "@/lib/cluster/node-id";
import { metrics } from "@/lib/metrics/registry";

// GET /api/metrics: this node's counters (deliveries, tokens, scheduler) and, read from the
// database at scrape time, what every node shares (queue depth and oldest pending job per agent,
// each node's jobs in flight). Scrape every node for the counters; the shared figures are the
// same on each (aggregate them with max, not sum).

/** Null when metrics are off (no token set); false when the request's bearer token is wrong. */
export function metricsAccess(authorization: string | null): "off" | "denied" | "ok" {
  const token = env.OUTPOST_METRICS_TOKEN;
  if (!token) return "off";
  const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? "";
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(token).digest();
  return timingSafeEqual(a, b) ? "ok" : "denied";
}

export async function scrape(): Promise<{ body: string; contentType: string }> {
  const shared = new Registry();
  const depth = new Gauge({
    name: "outpost_queue_depth",
    help: "Jobs waiting (queued) or being delivered (running), per agent.",
    labelNames: ["agent", "agent_name", "configuration", "state"] as const,
    registers: [shared],
  });
  const oldest = new Gauge({
    name: "outpost_queue_oldest_pending_seconds",
    help: "Age of the oldest queued job per agent (0 when none is queued).",
    labelNames: ["agent", "agent_name", "configuration"] as const,
    registers: [shared],
  });
  const inFlight = new Gauge({
    name: "outpost_node_jobs_in_flight",
    help: "Jobs each live node holds a lease on, from its last heartbeat.",
    labelNames: ["node", "role", "host"] as const,
    registers: [shared],
  });
  const nodeUp = new Gauge({
    name: "outpost_node_up",
    help: "1 for each live node, 0 for a lost one (stopped nodes are not listed).",
    labelNames: ["node", "role", "host"] as const,
    registers: [shared],
  });
  const self = new Gauge({
    name: "outpost_node_info",
    help: "The node that answered this scrape.",
    labelNames: ["node"] as const,
    registers: [shared],
  });
  self.set({ node: nodeId }, 1);

  const now = Date.now();
  const [agents, groups, nodes] = await Promise.all([
    db.replicationAgent.findMany({ select: { id: true, name: true, config: { select: { name: true } } } }),
    db.replicationJob.groupBy({
      by: ["agentId", "state"],
      where: { state: { in: ["queued", "running"] } },
      _count: { _all: true },
      _min: { createdAt: true },
    }),
    listNodes(now),
  ]);
  for (const a of agents) {
    const labels = { agent: a.id, agent_name: a.name, configuration: a.config.name };
    const queued = groups.find((g) => g.agentId === a.id && g.state === "queued");
    const running = groups.find((g) => g.agentId === a.id && g.state === "running");
    depth.set({ ...labels, state: "queued" }, queued?._count._all ?? 0);
    depth.set({ ...labels, state: "running" }, running?._count._all ?? 0);
    const since = queued?._min.createdAt?.getTime();
    oldest.set(labels, since ? Math.max(0, (now - since) / 1000) : 0);
  }
  for (const n of nodes) {
    if (n.state === "stopped") continue;
    const labels = { node: n.id, role: n.role, host: n.host };
    nodeUp.set(labels, n.state === "live" ? 1 : 0);
    inFlight.set(labels, n.jobsInFlight);
  }
  const merged = Registry.merge([metrics.registry, shared]);
  return { body: await merged.metrics(), contentType: merged.contentType };
}
