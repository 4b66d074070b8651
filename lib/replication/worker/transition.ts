import { backoffMs } from "@/lib/replication/backoff";
import type { Outcome } from "@/lib/replication/delivery/deliver-job";

// What an attempt's outcome means for its job: pure, so that every rule is a row in a table test
// (tests/replication-transition.test.ts). The worker writes the result (record-attempt.ts).

export type Next =
  | { state: "done"; status: number; result: string; version: number | null }
  /** the portal kept a newer request for the path (answered "stale"): done, the item left as that one left it */
  | { state: "superseded"; status: number }
  | { state: "skipped"; reason: string }
  /** queued again, the attempt counted, due at `at` */
  | { state: "retry"; at: number; error: string; status: number | null }
  /** failed for good: parked for Retry or Clear, the rest of the queue goes on */
  | { state: "parked"; error: string; status: number | null }
  /** no token: queued again without counting the attempt; the agent waits until `until` */
  | { state: "blocked"; until: number; error: string };

/** The portal's answer to a request older than the last one it applied for the path (docs/replication-protocol.md, "Order"). */
export const STALE = "stale";

export type TransitionSettings = { retryDelayMs: number; maxAttempts: number };

/** The longest a blocked agent waits before it asks for a token again (unless told to wait longer). */
export const MAX_BLOCKED_WAIT_MS = 60_000;

export function nextState(
  outcome: Exclude<Outcome, { type: "lost" }>,
  job: { attempts: number },
  settings: TransitionSettings,
  nowMs: number,
  random: () => number = Math.random,
): Next {
  switch (outcome.type) {
    case "done":
      if (outcome.result === STALE) return { state: "superseded", status: outcome.status };
      return { state: "done", status: outcome.status, result: outcome.result, version: outcome.version };
    case "skipped":
      return { state: "skipped", reason: outcome.reason };
    case "failed":
      return { state: "parked", error: outcome.error, status: outcome.status ?? null };
    case "retry":
      if (job.attempts >= settings.maxAttempts)
        return {
          state: "parked",
          error: `${outcome.error} (gave up after ${job.attempts} attempts)`,
          status: outcome.status ?? null,
        };
      return {
        state: "retry",
        at: nowMs + backoffMs(job.attempts, settings.retryDelayMs, { random, retryAfterMs: outcome.retryAfterMs }),
        error: outcome.error,
        status: outcome.status ?? null,
      };
    case "blocked":
      return {
        state: "blocked",
        until: nowMs + Math.max(outcome.retryAfterMs ?? 0, Math.min(settings.retryDelayMs, MAX_BLOCKED_WAIT_MS)),
        error: outcome.error,
      };
  }
}
