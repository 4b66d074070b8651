import { EventEmitter } from "node:events";

// Wakes this node's scheduler when a publication is scheduled or terminated here, so it re-reads
// the next activation time at once. Other nodes re-read it at their next rescan; the node that
// scheduled a publication fires it itself unless it stops first.
const g = globalThis as unknown as { outpostSchedulerEvents?: EventEmitter };
export const schedulerEvents: EventEmitter = (g.outpostSchedulerEvents ??= new EventEmitter().setMaxListeners(100));

export function notifyScheduler(): void {
  schedulerEvents.emit("changed");
}
