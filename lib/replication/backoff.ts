// Exponential backoff with "equal jitter" from the agent's Retry Delay: attempt n waits between
// half and all of min(cap, delay · 2^(n-1)), so retries of many jobs spread out instead of
// arriving together. A server's Retry-After wins when it asks for longer.

export const BACKOFF_CAP_MS = 30 * 60_000;

export function backoffMs(
  attempt: number,
  retryDelayMs: number,
  opts: { random?: () => number; retryAfterMs?: number } = {},
): number {
  const cap = Math.max(retryDelayMs, BACKOFF_CAP_MS);
  const base = Math.min(cap, retryDelayMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  const jittered = Math.round(base / 2 + (opts.random ?? Math.random)() * (base / 2));
  return Math.min(cap, Math.max(jittered, opts.retryAfterMs ?? 0));
}
