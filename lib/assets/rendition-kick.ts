// Wakes this process's rendition workers right after an upload (or, for the portal, a receipt)
// instead of at their next poll. Kept on globalThis: Next bundles route handlers and
// instrumentation separately, so module state is not shared. One channel per queue.
const g = globalThis as unknown as { outpostRenditionKicks?: Map<string, () => void> };
const kicks = (g.outpostRenditionKicks ??= new Map());

export function kickRenditions(channel = "assets"): void {
  kicks.get(channel)?.();
}

export function onRenditionKick(fn: (() => void) | undefined, channel = "assets"): void {
  if (fn) kicks.set(channel, fn);
  else kicks.delete(channel);
}
