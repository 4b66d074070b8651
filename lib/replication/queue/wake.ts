import "server-only";
import { EventEmitter } from "node:events";
import { signalPeers } from "@/lib/cluster/peer-signals";
import { analyseIfGrown } from "@/lib/replication/queue/statistics";

// Wakes idle workers as soon as jobs are committed, instead of at their next poll: this node's
// through the emitter the runtime waits on, the other nodes' through PostgreSQL NOTIFY
// (lib/cluster/peer-signals.ts; the runtime re-emits what it hears here). Call after the commit.
const g = globalThis as unknown as { outpostQueueEvents?: EventEmitter };
export const queueEvents: EventEmitter = (g.outpostQueueEvents ??= new EventEmitter().setMaxListeners(1000));

export function notifyQueue(configId?: string): void {
  analyseIfGrown();
  queueEvents.emit("jobs", configId ?? null);
  signalPeers("jobs", configId ?? null);
}

/** Force Retry, Resume, settings changed: every node's worker for the agent stops waiting and re-reads its settings. */
export function unblockAgent(agentId: string, configId: string): void {
  queueEvents.emit("unblock", agentId);
  signalPeers("unblock", agentId);
  notifyQueue(configId);
}
