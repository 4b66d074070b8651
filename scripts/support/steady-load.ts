import http from "node:http";

// An open-loop HTTP load at a steady rate (as wrk2 does it): request i is due at start + i/rate,
// whatever the answers before it did, over at most `connections` keep-alive connections (a request
// due while all are busy waits for one). Each latency runs from the moment the request was due, so
// a server that falls behind is charged for the wait too (no coordinated omission).

export type SteadyResult = { p50: number; p99: number; requests: number; failed: number };

export async function steadyLoad(
  url: string,
  opts: { rate: number; connections: number; seconds: number; headers?: Record<string, string>; timeoutMs?: number },
): Promise<SteadyResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const total = Math.round(opts.rate * opts.seconds);
  const start = performance.now() + 10;
  const latencies: number[] = [];
  let failed = 0;
  try {
    await Promise.all(
      Array.from({ length: total }, async (_, i) => {
        const due = start + (i * 1000) / opts.rate;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        const status = await get(url, agent, opts.headers ?? {}, opts.timeoutMs ?? 10_000);
        if (status === 200) latencies.push(performance.now() - due);
        else failed++;
      }),
    );
  } finally {
    agent.destroy();
  }
  latencies.sort((a, b) => a - b);
  const pct = (q: number) =>
    latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]) : NaN;
  return { p50: pct(0.5), p99: pct(0.99), requests: total, failed };
}

/** The answer's status once its body has arrived whole (0: no answer). */
function get(url: string, agent: http.Agent, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", () => resolve(0));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });
}
