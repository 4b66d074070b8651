import "server-only";
import { backoffMs } from "@/lib/replication/backoff";
import type { Outcome } from "@/lib/replication/delivery/deliver-job";
import type { ClaimedJob } from "@/lib/replication/queue/claim";
import { completeJob, finishJob } from "@/lib/replication/queue/lease";
import { markItem } from "@/lib/replication/delivery/mark-item";

// Writes an attempt's outcome to the job (only while our lease holds) and, on a final outcome,
// the item's Brand Portal status. Returns false when the lease was lost (nothing written).

export type AgentSettings = { retryDelayMs: number; maxAttempts: number };

export async function recordOutcome(
  job: ClaimedJob,
  outcome: Exclude<Outcome, { type: "lost" }>,
  agent: AgentSettings,
  nowMs: number,
  random = Math.random,
): Promise<{ ok: boolean; state: string; nextAttemptAt?: number }> {
  const now = new Date(nowMs);
  switch (outcome.type) {
    case "done": {
      const ok = await completeJob(
        job.id,
        job.leaseToken,
        { at: now, status: outcome.status, result: outcome.result.slice(0, 200) },
        markItem(job, job.action === "publish" ? "published" : "unpublished", now, outcome.version),
      );
      return { ok, state: "done" };
    }
    case "skipped": {
      const ok = await finishJob(job.id, job.leaseToken, {
        state: "skipped",
        completedAt: now,
        result: outcome.reason,
        lastError: null,
      });
      return { ok, state: "skipped" };
    }
    case "failed": {
      const ok = await finishJob(
        job.id,
        job.leaseToken,
        { state: "failed", completedAt: now, lastStatus: outcome.status ?? null, lastError: outcome.error },
        [markItem(job, "failed", now, null)],
      );
      return { ok, state: "failed" };
    }
    case "retry": {
      if (job.attempts >= agent.maxAttempts) {
        // Parked: the rest of the queue goes on; Retry or Force Retry brings it back.
        const error = `${outcome.error} (gave up after ${job.attempts} attempts)`;
        const ok = await finishJob(
          job.id,
          job.leaseToken,
          { state: "failed", completedAt: now, lastStatus: outcome.status ?? null, lastError: error },
          [markItem(job, "failed", now, null)],
        );
        return { ok, state: "failed" };
      }
      const next = nowMs + backoffMs(job.attempts, agent.retryDelayMs, { random, retryAfterMs: outcome.retryAfterMs });
      const ok = await finishJob(job.id, job.leaseToken, {
        state: "queued",
        nextAttemptAt: new Date(next),
        lastStatus: outcome.status ?? null,
        lastError: outcome.error,
      });
      return { ok, state: "queued", nextAttemptAt: next };
    }
    case "blocked": {
      // Not the job's fault: the attempt is not counted.
      const next = nowMs + Math.max(outcome.retryAfterMs ?? 0, Math.min(agent.retryDelayMs, 60_000));
      const ok = await finishJob(job.id, job.leaseToken, {
        state: "queued",
        attempts: { decrement: 1 },
        nextAttemptAt: new Date(next),
        lastError: outcome.error,
        lastStatus: null,
      });
      return { ok, state: "queued", nextAttemptAt: next };
    }
  }
}
