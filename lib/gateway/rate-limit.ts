// Per-client token buckets for the token endpoint. In memory, per node: with N nodes a client may
// burst N times as much, which is acceptable for a limit whose purpose is to stop floods, not to
// meter. Bounded: full buckets are dropped when the map grows.

export type RateLimitOptions = { capacity: number; refillPerSecond: number; maxKeys?: number };

export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number; refused: boolean }>();
  constructor(private readonly opts: RateLimitOptions) {}

  /** Takes one token for `key`; when empty, answers how many seconds until the next one. */
  /** `first` is true for the first refusal since the last accepted request (worth logging once). */
  take(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number; first: boolean } {
    const { capacity, refillPerSecond } = this.opts;
    const b = this.buckets.get(key) ?? { tokens: capacity, at: now, refused: false };
    b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * refillPerSecond);
    b.at = now;
    if (b.tokens < 1) {
      const first = !b.refused;
      b.refused = true;
      this.buckets.set(key, b);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / refillPerSecond)), first };
    }
    b.tokens -= 1;
    b.refused = false;
    this.buckets.set(key, b);
    if (this.buckets.size > (this.opts.maxKeys ?? 10_000)) this.sweep(now);
    return { ok: true };
  }

  clear(): void {
    this.buckets.clear();
  }

  private sweep(now: number) {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.opts.refillPerSecond >= this.opts.capacity) this.buckets.delete(key);
    }
  }
}

/** 20 requests at once, then one a second, per client ID (or per address for unidentifiable requests). */
export const tokenRequestLimit = new TokenBuckets({ capacity: 20, refillPerSecond: 1 });
