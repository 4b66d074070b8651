// Wakes this process's rendition worker right after an upload instead of at its next poll. Kept on
// globalThis: Next bundles route handlers and instrumentation separately, so module state is not shared.
const g = globalThis as unknown as { outpostRenditionKick?: () => void };

export function kickRenditions(): void {
  g.outpostRenditionKick?.();
}

export function onRenditionKick(fn: (() => void) | undefined): void {
  g.outpostRenditionKick = fn;
}
