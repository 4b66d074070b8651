import "server-only";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/clock";
import { deliverJob, type Outcome } from "@/lib/replication/delivery/deliver-job";
import { recordOutcome } from "@/lib/replication/delivery/record-outcome";
import { appendLog, flushLogs, type LogEntry } from "@/lib/replication/log/append-log";
import { claimJob, type ClaimedJob } from "@/lib/replication/queue/claim";
import { extendLease, releaseJob } from "@/lib/replication/queue/lease";
import { createHttpTransport, type Transport } from "@/lib/http/transport";
import { loadAgentSettings, type AgentRuntimeSettings } from "@/lib/replication/worker/agent-settings";

// One replication agent's worker on this node: claims the agent's next job with a lease, keeps
// the lease alive while it delivers, and records the outcome. The runtime runs it in a loop; tests
// call tick() themselves with their own clock.

export type WorkerOptions = {
  owner?: string;
  clock?: Clock;
  transport?: Transport;
  /** How long a claim holds without a heartbeat; a dead worker's jobs return after this. */
  leaseMs?: number;
  heartbeatMs?: number;
  random?: () => number;
  /** How long settings read from the database are reused (0: read for every job). */
  settingsTtlMs?: number;
};

export type TickResult = "worked" | "idle" | "blocked" | "off";

export const DEFAULT_LEASE_MS = 60_000;

export const nodeOwner = () => `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

export class AgentWorker {
  readonly owner: string;
  private readonly clock: Clock;
  private readonly transport: Transport;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly random: () => number;
  private readonly settingsTtlMs: number;
  private cached: { at: number; settings: AgentRuntimeSettings | null } | null = null;
  private blockedUntil = 0;
  private lastSuccessWrite = 0;
  private readonly inFlight = new Map<number, { job: ClaimedJob; abort: AbortController; done: Promise<unknown> }>();
  /** Successes still being written while the next job is claimed (see process()). */
  private readonly recording = new Set<Promise<void>>();
  private mode: "run" | "crashed" | "releasing" = "run";

  constructor(
    readonly agentId: string,
    opts: WorkerOptions = {},
  ) {
    this.owner = opts.owner ?? nodeOwner();
    this.clock = opts.clock ?? systemClock;
    this.transport = opts.transport ?? createHttpTransport();
    this.leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    this.heartbeatMs = opts.heartbeatMs ?? Math.floor(this.leaseMs / 3);
    this.random = opts.random ?? Math.random;
    this.settingsTtlMs = opts.settingsTtlMs ?? 5_000;
  }

  /** Force Retry, Resume, settings changed: stop waiting out a token failure. */
  unblock(): void {
    this.blockedUntil = 0;
    this.cached = null;
  }

  get busy(): number {
    return this.inFlight.size;
  }

  private async settings(): Promise<AgentRuntimeSettings | null> {
    const t = performance.now();
    if (this.cached && t - this.cached.at < this.settingsTtlMs) return this.cached.settings;
    const settings = await loadAgentSettings(this.agentId);
    this.cached = { at: t, settings };
    return settings;
  }

  /** Claims and delivers at most one job. */
  async tick(): Promise<TickResult> {
    if (this.mode !== "run") return "off";
    const s = await this.settings();
    if (!s || !s.enabled || s.paused) return "off";
    const now = this.clock.now();
    if (this.blockedUntil > now) return "blocked";
    while (this.recording.size > 1) await Promise.race(this.recording);
    let job = await claimJob(this.agentId, { owner: this.owner, nowMs: now, leaseMs: this.leaseMs });
    if (!job && this.recording.size) {
      // The job being recorded may be what held back the next one for its path: once more after it.
      await this.settled();
      job = await claimJob(this.agentId, { owner: this.owner, nowMs: this.clock.now(), leaseMs: this.leaseMs });
    }
    if (!job) return "idle";
    const abort = new AbortController();
    const done = this.process(job, s, abort);
    this.inFlight.set(job.id, { job, abort, done });
    try {
      await done;
    } finally {
      this.inFlight.delete(job.id);
    }
    return "worked";
  }

  /** Runs tick() until nothing is due (tests). */
  async drain(max = 10_000): Promise<number> {
    let n = 0;
    while (n < max && (await this.tick()) === "worked") n++;
    await this.settled();
    return n;
  }

  /** Waits until every attempt so far is recorded. */
  async settled(): Promise<void> {
    while (this.recording.size) await Promise.allSettled([...this.recording]);
  }

  private async process(job: ClaimedJob, s: AgentRuntimeSettings, abort: AbortController): Promise<void> {
    const started = performance.now();
    await this.log(s, {
      level: "debug",
      message: `Claimed job #${job.id} (${job.action} ${job.kind} ${job.path}), attempt ${job.attempts} of ${s.maxAttempts}, lease ${this.leaseMs} ms, node ${this.owner}`,
      path: job.path,
      action: job.action,
      result: "claimed",
    });
    const heartbeat = setInterval(() => {
      extendLease(job.id, job.leaseToken, this.clock.now() + this.leaseMs)
        .then((held) => held || abort.abort("the lease was lost"))
        .catch(() => {}); // a database hiccup: try again at the next beat
    }, this.heartbeatMs);
    heartbeat.unref();

    let outcome: Outcome;
    try {
      outcome = await deliverJob(job, {
        config: s.config,
        signal: abort.signal,
        tokenDeps: {
          transport: this.transport,
          clock: this.clock,
          connectTimeoutMs: s.connectTimeoutMs,
          socketTimeoutMs: s.socketTimeoutMs,
        },
      });
    } catch (e) {
      console.error(`[replication] ${s.name}: job ${job.id} failed unexpectedly`, e);
      outcome = { type: "retry", error: "Unexpected error while delivering; see the server log.", bytes: 0 };
    } finally {
      clearInterval(heartbeat);
    }
    const durationMs = performance.now() - started;

    if (this.mode === "crashed") return; // as if the process died: the lease expires on its own
    if (this.mode === "releasing" && abort.signal.aborted) {
      await releaseJob(job.id, job.leaseToken, this.clock.now());
      return;
    }
    if (outcome.type === "lost") {
      await this.log(s, {
        level: "error",
        message: `${job.action} ${job.kind} ${job.path}: the lease ran out while sending; another worker has the job.`,
        path: job.path,
        action: job.action,
        durationMs,
        result: "lost",
      });
      return;
    }

    const recorded = this.record(s, job, outcome, durationMs);
    if (outcome.type === "done" || outcome.type === "skipped") {
      // A success is written while the next job is claimed and sent: on PostgreSQL that saves a
      // round trip per job. A failure is written first, since it decides what the agent does next.
      this.recording.add(recorded);
      void recorded.finally(() => this.recording.delete(recorded));
      return;
    }
    await recorded;
  }

  private async record(
    s: AgentRuntimeSettings,
    job: ClaimedJob,
    outcome: Exclude<Outcome, { type: "lost" }>,
    durationMs: number,
  ): Promise<void> {
    try {
      const now = this.clock.now();
      const rec = await recordOutcome(job, outcome, s, now, this.random);
      if (!rec.ok) {
        await this.log(s, {
          level: "error",
          message: `${job.action} ${job.kind} ${job.path}: the lease was lost before the result was recorded; another worker has the job.`,
          path: job.path,
          action: job.action,
          durationMs,
          result: "lost",
        });
        return;
      }
      if (outcome.type === "blocked") this.blockedUntil = rec.nextAttemptAt ?? 0; // no token: wait before claiming again
      await this.afterAttempt(s, job, outcome, rec, durationMs, now);
    } catch (e) {
      // The database failed us: the job keeps its lease, which runs out, and is sent again.
      console.error(`[replication] ${s.name}: recording job ${job.id} failed`, e);
    }
  }

  private async afterAttempt(
    s: AgentRuntimeSettings,
    job: ClaimedJob,
    outcome: Exclude<Outcome, { type: "lost" }>,
    rec: { state: string; nextAttemptAt?: number },
    durationMs: number,
    now: number,
  ) {
    const what = `${job.action} ${job.kind} ${job.path}`;
    const next = rec.nextAttemptAt ? `; next attempt ${new Date(rec.nextAttemptAt).toISOString()}` : "";
    const attempt = `attempt ${job.attempts} of ${s.maxAttempts}`;
    const base = { path: job.path, action: job.action, durationMs };
    switch (outcome.type) {
      case "done":
        if (now - this.lastSuccessWrite > 2_000) {
          this.lastSuccessWrite = now;
          await db.replicationAgent.update({ where: { id: s.id }, data: { lastSuccessAt: new Date(now) } });
        }
        return this.log(s, {
          ...base,
          level: "info",
          message: `${what}: ${outcome.result} (HTTP ${outcome.status})`,
          bytes: outcome.bytes,
          statusCode: outcome.status,
          result: outcome.result,
        });
      case "skipped":
        return this.log(s, {
          ...base,
          level: "info",
          message: `${what}: skipped. ${outcome.reason}`,
          result: "skipped",
        });
      default: {
        const error = outcome.type === "blocked" ? outcome.error : outcome.error;
        await db.replicationAgent.update({
          where: { id: s.id },
          data: { lastErrorAt: new Date(now), lastError: error.slice(0, 1000) },
        });
        const status = outcome.type === "blocked" ? undefined : outcome.status;
        const bytes = outcome.type === "blocked" ? undefined : outcome.bytes;
        const result = rec.state === "failed" ? "failed" : outcome.type === "blocked" ? "blocked" : "retry";
        return this.log(s, {
          ...base,
          level: "error",
          message: `${what}: ${error} (${attempt}${rec.state === "failed" ? ", parked as failed" : next})`,
          statusCode: status ?? null,
          bytes: bytes ?? null,
          result,
        });
      }
    }
  }

  private log(s: AgentRuntimeSettings, entry: LogEntry) {
    return appendLog(s.id, s.logLevel, entry, new Date(this.clock.now())).catch((e) =>
      console.error("[replication] log write failed", e),
    );
  }

  /** Waits up to graceMs for work in flight, then cancels it and hands its jobs back. */
  async shutdown(graceMs: number): Promise<void> {
    const all = () => Promise.allSettled([...this.inFlight.values()].map((f) => f.done));
    const timer = new Promise<"late">((r) => setTimeout(() => r("late"), graceMs).unref());
    if ((await Promise.race([all().then(() => "done" as const), timer])) === "late") {
      this.mode = "releasing";
      for (const f of this.inFlight.values()) f.abort.abort("shutting down");
      await all();
    }
    this.mode = "releasing";
    await this.settled();
    this.transport.close();
    await flushLogs();
  }

  /** Tests: stop as a killed process would, leaving leases to expire. */
  crash(): void {
    this.mode = "crashed";
    for (const f of this.inFlight.values()) f.abort.abort("crashed");
    this.transport.close();
  }
}
