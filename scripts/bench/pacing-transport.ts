import type { Transport } from "@/lib/http/transport";

// The request pacing that the replication once had (lib/replication/transport/pacer.ts, deleted
// with the replication core's rewrite), kept here only to measure whether it helps: npm run
// bench:publish -- --pacing off,on. Its rule, unchanged: when another request to the same portal
// is in flight, a request waits until a share of the typical request time has passed since the
// previous one went out (half of it, divided among the requests in flight, at most 10 ms); a
// request with nothing else in flight never waits. Its constants were fitted to one setup (4 agents,
// 50 ms of latency added by the portal itself), which is why it is measured on others.

const SHARE = 0.5;
const MAX_GAP_MS = 10;

export type Pacer = { turn(): Promise<(ok: boolean) => void> };

/** One per portal, shared by every agent that sends to it (as the pacer was: one per origin). */
export function createPacer(): Pacer {
  let last = -Infinity; // when the latest request was let go
  let typicalMs = 0; // moving average of the time a successful request takes
  let inFlight = 0; // requests let go or waiting, not yet answered
  return {
    async turn() {
      const now = performance.now();
      const gap = inFlight === 0 ? 0 : Math.min(MAX_GAP_MS, (SHARE * typicalMs) / (inFlight + 1));
      const at = Math.max(now, last + gap);
      last = at;
      inFlight++;
      if (at - now >= 0.5) await new Promise((r) => setTimeout(r, Math.round(at - now)));
      const started = performance.now();
      let answered = false;
      return (ok) => {
        if (answered) return;
        answered = true;
        inFlight--;
        const took = performance.now() - started;
        if (ok) typicalMs = typicalMs ? 0.9 * typicalMs + 0.1 * took : took;
      };
    },
  };
}

/** Deliveries (PUT, DELETE) through `t` wait for their turn; token requests go straight through. */
export function pacedTransport(t: Transport, pacer: Pacer): Transport {
  return {
    close: () => t.close(),
    async request(r) {
      if (r.method !== "PUT" && r.method !== "DELETE") return t.request(r);
      const answered = await pacer.turn();
      let ok = false;
      try {
        const res = await t.request(r);
        ok = res.status < 300;
        return res;
      } finally {
        answered(ok);
      }
    },
  };
}
