import "server-only";
import { OAuthError } from "@/lib/gateway/oauth-error";
import { levelOf, mark, noteRefusal, peek, retryAfter, take, type BucketRule } from "@/lib/gateway/rate-limit";

// Who may use the token endpoint how often. Failures are counted per source address and across
// all sources; a source past its failure budget (or any source once all failures together are past
// theirs) is refused before its assertion is even looked up. A client's own bucket is charged only
// after its assertion verified, so assertions forged in its name cost it nothing. And a client that
// obtained a token from an address in the last two hours is always heard from there: its requests
// are verified, never refused unheard, so strangers who share or spoof its address cannot lock it
// out (they only get their forgeries verified and refused).

export const LIMITS = {
  /** Verified requests of one client: 20 at once, then one a second. */
  client: { capacity: 20, refillPerSecond: 1 },
  /** Failed requests from one source address: 20, then one every 5 s. */
  sourceFailures: { capacity: 20, refillPerSecond: 0.2 },
  /** Failed requests from everywhere together: 300, then one a second. */
  allFailures: { capacity: 300, refillPerSecond: 1 },
} satisfies Record<string, BucketRule>;

/** How long a (client, source) that obtained a token stays known. Longer than a token lives. */
export const KNOWN_SOURCE_MS = 2 * 3600_000;
const REMARK_AFTER_MS = 10 * 60_000; // refresh the marker at most this often (a write saved per token)

const ALL = "fail:all";
const sourceKey = (source: string) => `fail:ip:${source}`;
const knownKey = (clientId: string, source: string) => `ok:${clientId}:${source}`;

export class RateLimited extends OAuthError {
  constructor(
    retryAfterSeconds: number,
    readonly first: boolean,
  ) {
    super(
      "temporarily_unavailable",
      `too many token requests; retry after ${retryAfterSeconds} s (further refusals are not logged until the client slows down)`,
      429,
      { "Retry-After": String(retryAfterSeconds) },
    );
  }
}

export type Admission = { source: string; clientId: string | null; knownSince: number | null };

/** Refuses (RateLimited) a request that failure budgets say not to hear; else says how it was heard. */
export async function admit(source: string, clientId: string | null, now = Date.now()): Promise<Admission> {
  const keys = [sourceKey(source), ALL, ...(clientId ? [knownKey(clientId, source)] : [])];
  const state = await peek(keys);
  const markedAt = clientId ? (state.get(knownKey(clientId, source))?.at ?? null) : null;
  const knownSince = markedAt !== null && now - markedAt < KNOWN_SOURCE_MS ? markedAt : null;
  if (knownSince !== null) return { source, clientId, knownSince };
  const budgets: [string, BucketRule][] = [
    [sourceKey(source), LIMITS.sourceFailures],
    [ALL, LIMITS.allFailures],
  ];
  for (const [key, rule] of budgets) {
    const level = levelOf(state.get(key), rule, now);
    if (level < 1) throw new RateLimited(retryAfter(level, rule.refillPerSecond), await noteRefusal(key));
  }
  return { source, clientId, knownSince: null };
}

/** Charges a failed request to its source and to all failures: whether to log it, and the source's wait. */
export async function chargeFailure(
  source: string,
  now = Date.now(),
): Promise<{ log: boolean; retryAfterSeconds: number }> {
  const [own] = await take(
    [
      { key: sourceKey(source), rule: LIMITS.sourceFailures },
      { key: ALL, rule: LIMITS.allFailures },
    ],
    now,
  );
  // Past its budget (a known client's address under attack): log the first failure of the burst only.
  return own.ok ? { log: true, retryAfterSeconds: 0 } : { log: own.first, retryAfterSeconds: own.retryAfterSeconds };
}

/** Charges a verified client's own bucket; RateLimited when it is empty. */
export async function chargeClient(clientId: string, now = Date.now()): Promise<void> {
  const [r] = await take([{ key: `client:${clientId}`, rule: LIMITS.client }], now);
  if (!r.ok) throw new RateLimited(r.retryAfterSeconds, r.first);
}

/** Remembers that this client obtained a token from this source (see admit). */
export async function rememberSource(a: Admission, clientId: string, now = Date.now()): Promise<void> {
  if (a.clientId === clientId && a.knownSince !== null && now - a.knownSince < REMARK_AFTER_MS) return;
  await mark(knownKey(clientId, a.source), now);
}
