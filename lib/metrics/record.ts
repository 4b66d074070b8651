import { metrics } from "@/lib/metrics/registry";

// One-line calls for the code paths that are measured (lib/replication, lib/gateway, the
// scheduler): each takes what the caller already has and never throws.

type Attempt =
  { type: "done" | "skipped" | "lost" } | { type: "retry" | "failed" | "blocked"; status?: number; error?: string };

/** One delivery attempt's outcome, duration and bytes. */
export function observeDelivery(agent: string, outcome: Attempt & { bytes?: number }, durationMs: number): void {
  try {
    metrics.deliveries.inc({ agent, outcome: outcome.type });
    metrics.latency.observe({ agent }, durationMs / 1000);
    if (outcome.bytes) metrics.bytes.observe({ agent }, outcome.bytes);
    if (outcome.type === "done" || outcome.type === "skipped") metrics.done++;
    else metrics.failures.inc({ agent, cause: causeOf(outcome) });
  } catch {
    // measuring never breaks delivering
  }
}

function causeOf(o: Attempt): string {
  if (o.type === "lost") return "lease_lost";
  if (o.type === "blocked") return "token";
  if ("status" in o && o.status) return `http_${o.status}`;
  return "network";
}

/** One request to the token endpoint: its result and, when refused, the OAuth error. */
export function observeTokenRequest(result: string, error?: string | null): void {
  try {
    metrics.tokenRequests.inc({ result: result === "success" ? "success" : "error" });
    if (result !== "success") metrics.tokenRefusals.inc({ error: error ?? "unknown" });
  } catch {
    // measuring never breaks the endpoint
  }
}

/** A scheduled publication fired `latenessMs` after its time (lib/publication/scheduler.ts calls this). */
export function observeSchedulerLateness(latenessMs: number): void {
  metrics.schedulerLateness.observe(Math.max(0, latenessMs) / 1000);
}

/** Deliveries that ended done or skipped in this process since it started (the node's throughput). */
export const completedDeliveries = (): number => metrics.done;
