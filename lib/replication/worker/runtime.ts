import "server-only";
import { db } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/clock";
import { flushLogs } from "@/lib/replication/log/append-log";
import { reapExpiredLeases } from "@/lib/replication/queue/lease";
import { purgeFinishedJobs } from "@/lib/replication/queue/purge";
import { queueEvents } from "@/lib/replication/queue/wake";
import { onPeerSignal } from "@/lib/cluster/peer-signals";
import { createHttpTransport, type Transport } from "@/lib/http/transport";
import { AgentWorker, nodeOwner, type WorkerOptions } from "@/lib/replication/worker/agent-worker";
import { idleWait } from "@/lib/replication/worker/idle-wait";

// This node's replication runtime: one worker per agent (every agent of every configuration), each
// delivering one job at a time, in parallel with the others (four agents: four deliveries at a
// time per configuration, across all nodes: see claim.ts). A supervisor follows agents being added
// or removed, returns expired leases to the queue and purges old jobs. Several nodes may run it on
// one PostgreSQL database.

export type RuntimeOptions = Omit<WorkerOptions, "owner" | "transport"> & {
  pollMs?: number;
  superviseMs?: number;
  graceMs?: number;
  /** Each agent's HTTP transport (default: a keep-alive client of its own). */
  transport?: () => Transport;
};

export type ReplicationRuntime = { stop(): Promise<void>; workers(): AgentWorker[] };

export function startReplicationRuntime(opts: RuntimeOptions = {}): ReplicationRuntime {
  const clock: Clock = opts.clock ?? systemClock;
  const owner = nodeOwner();
  const pollMs = opts.pollMs ?? 1_000;
  const workers = new Map<string, { worker: AgentWorker; loop: Promise<void>; stopped: boolean }>();
  let stopping = false;
  const idle = idleWait();
  const wakeAll = () => idle.wake();
  queueEvents.on("jobs", wakeAll);
  const unblock = (agentId: string) => workers.get(agentId)?.worker.unblock();
  queueEvents.on("unblock", unblock);
  // Other nodes' enqueues and queue actions (PostgreSQL NOTIFY): the poll is only the fallback.
  const stopListening = onPeerSignal({ jobs: wakeAll, unblock: (agentId) => agentId && unblock(agentId) });

  async function loop(entry: { worker: AgentWorker; stopped: boolean }) {
    while (!stopping && !entry.stopped) {
      const mark = idle.mark();
      let r;
      try {
        r = await entry.worker.tick();
      } catch (e) {
        console.error(`[replication] worker for agent ${entry.worker.agentId} failed`, e);
        r = "blocked";
      }
      if (r !== "worked") await idle.sleep(r === "blocked" ? pollMs * 2 : pollMs, mark);
    }
  }

  function startWorker(agentId: string) {
    const transport = opts.transport?.() ?? createHttpTransport({ maxSockets: 2 });
    const worker = new AgentWorker(agentId, { ...opts, owner, clock, transport });
    const entry = { worker, loop: Promise.resolve(), stopped: false };
    entry.loop = loop(entry);
    workers.set(agentId, entry);
  }

  async function supervise() {
    const agents = await db.replicationAgent.findMany({ select: { id: true } });
    const ids = new Set(agents.map((a) => a.id));
    for (const id of ids) if (!workers.has(id)) startWorker(id);
    for (const [id, entry] of workers) {
      if (ids.has(id)) continue;
      entry.stopped = true; // the agent was deleted with its configuration
      workers.delete(id);
      void entry.loop.then(() => entry.worker.shutdown(0));
    }
    if (await reapExpiredLeases(clock.now())) wakeAll();
    if (clock.now() - lastPurge > 3600_000) {
      lastPurge = clock.now();
      await purgeFinishedJobs(lastPurge);
    }
  }
  let lastPurge = 0;

  let supervising = Promise.resolve();
  const tick = () => {
    supervising = supervise().catch((e) => console.error("[replication] supervisor failed", e));
  };
  tick();
  const timer = setInterval(tick, opts.superviseMs ?? 2_000);

  return {
    workers: () => [...workers.values()].map((w) => w.worker),
    async stop() {
      if (stopping) return;
      stopping = true;
      clearInterval(timer);
      queueEvents.off("jobs", wakeAll);
      queueEvents.off("unblock", unblock);
      wakeAll();
      await Promise.all([supervising, stopListening()]);
      const all = [...workers.values()];
      // Let deliveries in flight finish (or hand them back after the grace period).
      await Promise.allSettled(all.map((w) => w.worker.shutdown(opts.graceMs ?? 10_000)));
      await Promise.allSettled(all.map((w) => w.loop));
      await flushLogs();
    },
  };
}
