import type { Transport } from "@/lib/http/transport";

// Counts the requests that go through the agents' transports (token requests apart) and the time
// spent inside them, so that the benchmark can tell the queue's own cost per job from the network's.
export function measureTransport() {
  let requests = 0;
  let tokenRequests = 0;
  let busy = 0;
  return {
    wrap: (t: Transport): Transport => ({
      close: () => t.close(),
      async request(r) {
        if (r.method === "POST") tokenRequests++; // deliveries are PUT or DELETE
        const t0 = performance.now();
        try {
          return await t.request(r);
        } finally {
          requests++;
          busy += performance.now() - t0;
        }
      },
    }),
    requests: () => requests,
    tokenRequests: () => tokenRequests,
    busyMs: () => busy,
  };
}
