import { describe, expect, it } from "vitest";
import { MAX_BLOCKED_WAIT_MS, nextState, type Next } from "@/lib/replication/worker/transition";
import type { Outcome } from "@/lib/replication/delivery/deliver-job";

// The rules that turn an attempt's outcome into the job's next state, one row each.

const NOW = 1_000_000;
const settings = { retryDelayMs: 10_000, maxAttempts: 3 };
const half = () => 0.5; // jitter in the middle: backoff = 3/4 of the base

const rows: [string, Exclude<Outcome, { type: "lost" }>, number, Next][] = [
  [
    "delivered",
    { type: "done", status: 201, result: "created", bytes: 10, version: 2 },
    1,
    { state: "done", status: 201, result: "created", version: 2 },
  ],
  [
    "the portal kept a newer request for the path: superseded, not retried",
    { type: "done", status: 200, result: "stale", bytes: 10, version: 2 },
    1,
    { state: "superseded", status: 200 },
  ],
  ["nothing to send", { type: "skipped", reason: "deleted" }, 1, { state: "skipped", reason: "deleted" }],
  [
    "a 4xx is permanent, on any attempt",
    { type: "failed", error: "HTTP 400", status: 400, bytes: 0 },
    1,
    { state: "parked", error: "HTTP 400", status: 400 },
  ],
  [
    "a 5xx on the first attempt waits 3/4 of the Retry Delay",
    { type: "retry", error: "HTTP 500", status: 500, bytes: 0 },
    1,
    { state: "retry", at: NOW + 7_500, error: "HTTP 500", status: 500 },
  ],
  [
    "the second attempt waits twice as long",
    { type: "retry", error: "HTTP 503", status: 503, bytes: 0 },
    2,
    { state: "retry", at: NOW + 15_000, error: "HTTP 503", status: 503 },
  ],
  [
    "Retry-After asks for longer: it wins",
    { type: "retry", error: "HTTP 429", status: 429, retryAfterMs: 120_000, bytes: 0 },
    1,
    { state: "retry", at: NOW + 120_000, error: "HTTP 429", status: 429 },
  ],
  [
    "a network error without a status",
    { type: "retry", error: "connection refused", bytes: 0 },
    1,
    { state: "retry", at: NOW + 7_500, error: "connection refused", status: null },
  ],
  [
    "the last attempt fails: parked, saying so",
    { type: "retry", error: "HTTP 500", status: 500, bytes: 0 },
    3,
    { state: "parked", error: "HTTP 500 (gave up after 3 attempts)", status: 500 },
  ],
  [
    "no token: blocked for the Retry Delay, whatever the attempt",
    { type: "blocked", error: "No access token" },
    3,
    { state: "blocked", until: NOW + 10_000, error: "No access token" },
  ],
  [
    "no token, the gateway asks to wait longer",
    { type: "blocked", error: "No access token", retryAfterMs: 300_000 },
    1,
    { state: "blocked", until: NOW + 300_000, error: "No access token" },
  ],
];

describe("an attempt's outcome → the job's next state", () => {
  it.each(rows)("%s", (_, outcome, attempts, expected) => {
    expect(nextState(outcome, { attempts }, settings, NOW, half)).toEqual(expected);
  });

  it("a long Retry Delay blocks the agent for at most a minute", () => {
    const next = nextState(
      { type: "blocked", error: "x" },
      { attempts: 1 },
      { ...settings, retryDelayMs: 3_600_000 },
      NOW,
    );
    expect(next).toEqual({ state: "blocked", until: NOW + MAX_BLOCKED_WAIT_MS, error: "x" });
  });
});
