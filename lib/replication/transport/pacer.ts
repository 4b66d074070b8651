// Keeps the requests that agents send to one portal spread out in time.
//
// Requests that leave together arrive together and compete for the portal's CPU and ours. And
// since an agent sends its next request as soon as the answer comes, agents that once collided
// stay in step from then on. Measured with 4 agents and 50 ms of latency: about 70 % of the
// portal's uploads overlapped another one, and each of those took 2 ms longer than one on its own.
// So a request waits, when it must, until a share of the typical request time has passed since the
// previous request to the same portal went out. The share is divided among the requests in
// flight: four agents at 54 ms per request go out at least 6.8 ms apart, and stay apart (3–5 % of
// uploads overlap; the waits cost about 0.7 ms per request). A request with nothing else in
// flight never waits, so a lone agent is never slowed down.

/** The fraction of the typical request time kept between requests, divided among those in flight. */
const SHARE = 0.5;
/**
 * The spacing keeps apart the few milliseconds of work at either end of a request; more buys
 * nothing (large files overlap anyway, their work spans the whole transfer).
 */
const MAX_GAP_MS = 10;

export type Pace = { turn(): Promise<(ok: boolean) => void> };

export function createPacer(
  clock: { now(): number } = performance,
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
): Pace {
  let last = -Infinity; // when the latest request was let go
  let typicalMs = 0; // moving average of the time a successful request takes
  let inFlight = 0; // requests let go or waiting, not yet answered
  return {
    /** Waits for this request's turn; the returned function is called once its answer came. */
    async turn() {
      const now = clock.now();
      // Nothing else in flight: nothing to collide with (a lone agent never waits).
      const gap = inFlight === 0 ? 0 : Math.min(MAX_GAP_MS, (SHARE * typicalMs) / (inFlight + 1));
      const at = Math.max(now, last + gap);
      last = at;
      inFlight++;
      if (at - now >= 0.5) await sleep(Math.round(at - now));
      const started = clock.now();
      let answered = false;
      return (ok) => {
        if (answered) return;
        answered = true;
        inFlight--;
        if (ok) typicalMs = typicalMs ? 0.9 * typicalMs + 0.1 * (clock.now() - started) : clock.now() - started;
      };
    },
  };
}

const pacers = new Map<string, Pace>();

/** The pacer of the portal at `url` (one per origin: the tenants of one portal share its CPU). */
export function pacerFor(url: string): Pace {
  const origin = new URL(url).origin;
  let p = pacers.get(origin);
  if (!p) pacers.set(origin, (p = createPacer()));
  return p;
}
