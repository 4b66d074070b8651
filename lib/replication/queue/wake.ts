import { EventEmitter } from "node:events";

// Wakes this node's idle workers as soon as jobs are committed, instead of at their next poll.
// Other nodes find the jobs at their next poll (a second at most).
const g = globalThis as unknown as { outpostQueueEvents?: EventEmitter };
export const queueEvents: EventEmitter = (g.outpostQueueEvents ??= new EventEmitter().setMaxListeners(1000));

export function notifyQueue(configId?: string): void {
  queueEvents.emit("jobs", configId ?? null);
}
