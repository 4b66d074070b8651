import "server-only";
import { db } from "@/lib/db";
import type { Clock } from "@/lib/clock";
import type { Outcome } from "@/lib/replication/delivery/deliver-job";
import { appendLog, type LogEntry } from "@/lib/replication/log/append-log";
import type { ClaimedJob } from "@/lib/replication/queue/claim";
import {
  completeJob,
  deferJob,
  failJob,
  scheduleRetry,
  skipJob,
  supersedeJob,
  type FinishWriter,
} from "@/lib/replication/queue/finish";
import type { AgentRuntimeSettings } from "@/lib/replication/worker/agent-settings";
import { nextState, type Next } from "@/lib/replication/worker/transition";

// Everything written about one agent's attempts: the job's next state (through the queue), the
// agent's status (last success, last error) and the agent log's entry.

type Settings = Pick<AgentRuntimeSettings, "id" | "name" | "logLevel" | "maxAttempts" | "retryDelayMs">;

/**
 * The last success is written at most this often (it is shown to the minute), except the first
 * after an error: a last error newer than the last success marks the queue blocked (agents/overview.ts).
 */
const SUCCESS_STATUS_EVERY_MS = 2_000;

export function attemptRecorder(opts: { clock: Clock; random?: () => number }) {
  let lastSuccessWrite = 0;
  let erredSinceSuccessWrite = false;
  const log = (s: Settings, entry: LogEntry) =>
    appendLog(s.id, s.logLevel, entry, new Date(opts.clock.now())).catch((e) =>
      console.error("[replication] log write failed", e),
    );
  const about = (job: ClaimedJob) => ({ path: job.path, action: job.action });

  return {
    async claimed(s: Settings, job: ClaimedJob, leaseMs: number, owner: string) {
      if (job.reclaimed) await logLeaseExpired({ ...job, attempts: job.attempts - 1 }, new Date(opts.clock.now()));
      return log(s, {
        ...about(job),
        level: "debug",
        message: `Claimed job #${job.id} (${job.action} ${job.kind} ${job.path}), attempt ${job.attempts} of ${s.maxAttempts}, lease ${leaseMs} ms, node ${owner}`,
        result: "claimed",
      });
    },

    /** The lease ran out while sending or before recording: another worker has the job. */
    lost(s: Settings, job: ClaimedJob, durationMs: number, when: "sending" | "recording") {
      return log(s, {
        ...about(job),
        level: "error",
        message:
          when === "sending"
            ? `${job.action} ${job.kind} ${job.path}: the lease ran out while sending; another worker has the job.`
            : `${job.action} ${job.kind} ${job.path}: the lease was lost before the result was recorded; another worker has the job.`,
        durationMs,
        result: "lost",
      });
    },

    /**
     * Writes the attempt; returns what it meant for the job, or null when the lease was lost. A
     * success's write goes through `via` when given (the worker's next claim runs it).
     */
    async record(
      s: Settings,
      job: ClaimedJob,
      outcome: Exclude<Outcome, { type: "lost" }>,
      durationMs: number,
      via?: FinishWriter,
    ): Promise<Next | null> {
      const now = opts.clock.now();
      const at = new Date(now);
      const next = nextState(outcome, job, s, now, opts.random);
      const held = await writeJob(job, next, at, via);
      if (!held) {
        await this.lost(s, job, durationMs, "recording");
        return null;
      }
      const what = `${job.action} ${job.kind} ${job.path}`;
      const base = { ...about(job), durationMs };
      if (next.state === "done") {
        if (erredSinceSuccessWrite || now - lastSuccessWrite > SUCCESS_STATUS_EVERY_MS) {
          lastSuccessWrite = now;
          erredSinceSuccessWrite = false;
          await db.replicationAgent.update({ where: { id: s.id }, data: { lastSuccessAt: at } });
        }
        await log(s, {
          ...base,
          level: "info",
          message: `${what}: ${next.result} (HTTP ${next.status})`,
          bytes: outcome.type === "done" ? outcome.bytes : null,
          statusCode: next.status,
          result: next.result,
        });
        return next;
      }
      if (next.state === "superseded") {
        await log(s, {
          ...base,
          level: "info",
          message: `${what}: superseded: the portal already applied a newer request for this path and kept it (HTTP ${next.status} stale); the item's status is left as that request set it`,
          bytes: outcome.type === "done" ? outcome.bytes : null,
          statusCode: next.status,
          result: "superseded",
        });
        return next;
      }
      if (next.state === "skipped") {
        await log(s, { ...base, level: "info", message: `${what}: skipped. ${next.reason}`, result: "skipped" });
        return next;
      }
      if (outcome.type === "done" || outcome.type === "skipped") return next; // not reached: see nextState
      const error = outcome.error;
      await db.replicationAgent.update({
        where: { id: s.id },
        data: { lastErrorAt: at, lastError: error.slice(0, 1000) },
      });
      erredSinceSuccessWrite = true;
      const attempt =
        next.state === "parked"
          ? `attempt ${job.attempts} of ${s.maxAttempts}, parked as failed`
          : next.state === "retry"
            ? `attempt ${job.attempts} of ${s.maxAttempts}; next attempt ${new Date(next.at).toISOString()}`
            : `not counted as an attempt; the agent waits until ${new Date(next.until).toISOString()}`;
      await log(s, {
        ...base,
        level: "error",
        message: `${what}: ${error} (${attempt})`,
        statusCode: outcome.type === "blocked" ? null : (outcome.status ?? null),
        bytes: outcome.type === "blocked" ? null : outcome.bytes,
        result: next.state === "parked" ? "failed" : next.state === "blocked" ? "blocked" : "retry",
      });
      return next;
    },
  };
}

/** A job whose previous attempt's lease expired, as the claim or the reaper found it. */
export type ExpiredJob = { agentId: string; action: string; kind: string; path: string; attempts: number };

/**
 * Its worker stopped renewing the lease (its node died, stalled or lost the database) before the
 * attempt's result was recorded: the job is sent again, and the agent log says why. Written at
 * every Log Level (an error), so that every retry is explained.
 */
export function logLeaseExpired(job: ExpiredJob, at: Date): Promise<void> {
  return appendLog(
    job.agentId,
    "error",
    {
      level: "error",
      path: job.path,
      action: job.action,
      message: `${job.action} ${job.kind} ${job.path}: the lease of attempt ${job.attempts} expired before its result was recorded (its worker stopped renewing it: the node died, stalled or lost the database); the job is sent again.`,
      result: "expired",
    },
    at,
  ).catch((e) => console.error("[replication] log write failed", e));
}

function writeJob(job: ClaimedJob, next: Next, at: Date, via?: FinishWriter): Promise<boolean> {
  switch (next.state) {
    case "done":
      return completeJob(job, { at, status: next.status, result: next.result, version: next.version }, via);
    case "superseded":
      return supersedeJob(job, at, next.status, via);
    case "skipped":
      return skipJob(job, at, next.reason, via);
    case "parked":
      return failJob(job, at, next.error, next.status);
    case "retry":
      return scheduleRetry(job, at, new Date(next.at), next.error, next.status);
    case "blocked":
      return deferJob(job, at, new Date(next.until), next.error);
  }
}
