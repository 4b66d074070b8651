import "server-only";
import { signalPeers } from "@/lib/cluster/peer-signals";

// Wakes the rendition workers right after an upload (or, for the portal, a receipt) instead of at
// their next poll: this process's own when it runs one; when it does not (a web-only node), the
// other nodes' through NOTIFY. A node with its own worker does not notify: that worker starts at
// once, and a NOTIFY per portal receipt would cost every delivery a statement. Kept on globalThis:
// Next bundles route handlers and instrumentation separately, so module state is not shared. One
// channel per queue.
const g = globalThis as unknown as { outpostRenditionKicks?: Map<string, () => void> };
const kicks = (g.outpostRenditionKicks ??= new Map());

export function kickRenditions(channel = "assets"): void {
  const own = kicks.get(channel);
  if (own) own();
  else signalPeers("renditions", channel);
}

export function onRenditionKick(fn: (() => void) | undefined, channel = "assets"): void {
  if (fn) kicks.set(channel, fn);
  else kicks.delete(channel);
}
