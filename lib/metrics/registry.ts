import { Counter, Histogram, Registry } from "prom-client";

// This process's counters, kept on globalThis: Next.js may bundle this module twice (the
// background runtime started from instrumentation.ts, and the /api/metrics route), and both must
// count into one registry. Figures that other nodes share (queue depth, nodes) are read from the
// database at scrape time instead (lib/metrics/scrape.ts).

function create() {
  const registry = new Registry();
  const deliveries = new Counter({
    name: "outpost_deliveries_total",
    help: "Delivery attempts by agent and outcome (done, skipped, retry, failed, blocked, lost).",
    labelNames: ["agent", "outcome"] as const,
    registers: [registry],
  });
  const failures = new Counter({
    name: "outpost_delivery_failures_total",
    help: "Failed delivery attempts by agent and cause (network, http_<status>, token, lease_lost, …).",
    labelNames: ["agent", "cause"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "outpost_delivery_duration_seconds",
    help: "Time from claim to outcome of one delivery attempt.",
    labelNames: ["agent"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [registry],
  });
  const bytes = new Histogram({
    name: "outpost_delivery_bytes",
    help: "Bytes sent by one delivery attempt.",
    labelNames: ["agent"] as const,
    buckets: [1024, 16 * 1024, 256 * 1024, 1024 ** 2, 16 * 1024 ** 2, 256 * 1024 ** 2, 1024 ** 3, 4 * 1024 ** 3],
    registers: [registry],
  });
  const tokenRequests = new Counter({
    name: "outpost_token_requests_total",
    help: "Requests to the gateway's token endpoint by result (success, error).",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const tokenRefusals = new Counter({
    name: "outpost_token_refusals_total",
    help: "Token requests refused, by OAuth error (invalid_client, invalid_grant, rate_limited, …).",
    labelNames: ["error"] as const,
    registers: [registry],
  });
  const schedulerLateness = new Histogram({
    name: "outpost_scheduler_lateness_seconds",
    help: "How long after its scheduled time a publication was turned into jobs.",
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
    registers: [registry],
  });
  return { registry, deliveries, failures, latency, bytes, tokenRequests, tokenRefusals, schedulerLateness, done: 0 };
}

type Metrics = ReturnType<typeof create>;
const g = globalThis as typeof globalThis & { __outpostMetrics?: Metrics };
export const metrics: Metrics = (g.__outpostMetrics ??= create());
