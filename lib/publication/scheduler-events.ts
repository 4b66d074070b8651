import "server-only";
import { EventEmitter } from "node:events";
import { signalPeers } from "@/lib/cluster/peer-signals";

// Wakes the schedulers when a publication is scheduled or terminated, so they re-read the next
// activation time at once: this node's through the emitter, the other nodes' through PostgreSQL
// NOTIFY (lib/cluster/peer-signals.ts). A missed notification costs a rescan period at most.
const g = globalThis as unknown as { outpostSchedulerEvents?: EventEmitter };
export const schedulerEvents: EventEmitter = (g.outpostSchedulerEvents ??= new EventEmitter().setMaxListeners(100));

export function notifyScheduler(): void {
  schedulerEvents.emit("changed");
  signalPeers("scheduler");
}
