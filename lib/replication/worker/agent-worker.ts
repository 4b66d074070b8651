import "server-only";
import { nodeId } from "@/lib/cluster/node-id";
import { observeDelivery } from "@/lib/metrics/record";
import { systemClock, type Clock } from "@/lib/clock";
import { createHttpTransport, type Transport } from "@/lib/http/transport";
import { deliverJob, type Outcome } from "@/lib/replication/delivery/deliver-job";
import { flushLogs } from "@/lib/replication/log/append-log";
import { dbProvider } from "@/lib/env";
import { claimJob, type ClaimedJob, type ParkedFinish } from "@/lib/replication/queue/claim";
import { releaseJob, writeFinish, type FinishWriter } from "@/lib/replication/queue/finish";
import { cachedSettings, type AgentRuntimeSettings } from "@/lib/replication/worker/agent-settings";
import { keepLease } from "@/lib/replication/worker/heartbeat";
import { attemptRecorder } from "@/lib/replication/worker/record-attempt";

// One replication agent's worker on this node: claims the agent's next job with a lease, keeps the
// lease alive while it delivers, has the attempt recorded, and on shutdown hands unfinished jobs
// back. The runtime (runtime.ts) runs tick() in a loop; tests call tick() with their own clock.

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

/** How long a success's write waits for the worker's next claim before it is written on its own. */
const PARK_MS = 20;

export const nodeOwner = () => nodeId; // the registry finds a lost node's leases by it

export class AgentWorker {
  readonly owner: string;
  private readonly clock: Clock;
  private readonly transport: Transport;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly settings: ReturnType<typeof cachedSettings>;
  private readonly recorder: ReturnType<typeof attemptRecorder>;
  private blockedUntil = 0;
  private stopping = false;
  private readonly inFlight = new Map<number, { abort: AbortController; done: Promise<unknown> }>();
  /** Successes still being written while the next job is claimed (see process()). */
  private readonly recording = new Set<Promise<unknown>>();
  /** PostgreSQL: the last success's write, waiting for this worker's next claim to run it. */
  private parked: { finish: ParkedFinish; timer: NodeJS.Timeout } | null = null;

  constructor(
    readonly agentId: string,
    opts: WorkerOptions = {},
  ) {
    this.owner = opts.owner ?? nodeOwner();
    this.clock = opts.clock ?? systemClock;
    this.transport = opts.transport ?? createHttpTransport();
    this.leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    this.heartbeatMs = opts.heartbeatMs ?? Math.floor(this.leaseMs / 3);
    this.settings = cachedSettings(agentId, opts.settingsTtlMs ?? 5_000);
    this.recorder = attemptRecorder({ clock: this.clock, random: opts.random });
  }

  /** Force Retry, Resume, settings changed: stop waiting out a token failure. */
  unblock(): void {
    this.blockedUntil = 0;
    this.settings.forget();
  }

  /** Claims and delivers at most one job. */
  async tick(): Promise<TickResult> {
    const s = this.stopping ? null : await this.settings.get();
    const off = !s || !s.enabled || s.paused;
    if (off || this.blockedUntil > this.clock.now()) {
      await this.flushParked(); // no claim follows to carry it
      return off ? "off" : "blocked";
    }
    while (this.recording.size > 1) await Promise.race(this.recording);
    const claim = (finish?: ParkedFinish) =>
      claimJob(this.agentId, { owner: this.owner, nowMs: this.clock.now(), leaseMs: this.leaseMs, finish });
    const parked = this.takeParked();
    let job = await claim(parked).catch((e: unknown) => {
      parked?.reject(e); // settled already if its statement ran
      throw e;
    });
    if (!job && (parked || this.recording.size)) {
      // The job being recorded (or just recorded with this claim, which could not see it done yet)
      // may be what held back the next one for its path: once more after it.
      await this.settled();
      job = await claim();
    }
    if (!job) return "idle";
    const abort = new AbortController();
    const done = this.process(job, s, abort);
    this.inFlight.set(job.id, { abort, done });
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
    await this.flushParked();
    while (this.recording.size) await Promise.allSettled([...this.recording]);
  }

  /**
   * Hands a success's write to the next claim (the runtime calls tick() again at once): the claim
   * and the completion are one statement, one round trip fewer per job. If no claim has taken it
   * soon (the settings are being read, say), it is written on its own.
   */
  private readonly park: FinishWriter = (parts) =>
    new Promise<boolean>((resolve, reject) => {
      void this.flushParked(); // not expected: each claim takes the one before
      const timer = setTimeout(() => void this.flushParked(), PARK_MS);
      this.parked = { finish: { ...parts, resolve, reject }, timer };
    });

  private takeParked(): ParkedFinish | undefined {
    const p = this.parked;
    if (!p) return undefined;
    clearTimeout(p.timer);
    this.parked = null;
    return p.finish;
  }

  private async flushParked(): Promise<void> {
    const finish = this.takeParked();
    if (finish) await writeFinish(finish).then(finish.resolve, finish.reject);
  }

  private async process(job: ClaimedJob, s: AgentRuntimeSettings, abort: AbortController): Promise<void> {
    const started = performance.now();
    await this.recorder.claimed(s, job, this.leaseMs, this.owner);
    const stopBeating = keepLease(job, { clock: this.clock, leaseMs: this.leaseMs, everyMs: this.heartbeatMs }, () =>
      abort.abort("the lease was lost"),
    );
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
      stopBeating();
    }
    const durationMs = performance.now() - started;
    observeDelivery(this.agentId, outcome, durationMs);

    if (this.stopping && abort.signal.aborted) {
      await releaseJob(job, this.clock.now()); // cut short by shutdown: not an attempt
      return;
    }
    if (outcome.type === "lost") {
      await this.recorder.lost(s, job, durationMs, "sending");
      return;
    }
    const success = outcome.type === "done" || outcome.type === "skipped";
    const via = success && dbProvider === "postgresql" ? this.park : undefined;
    const recorded = this.recorder.record(s, job, outcome, durationMs, via).then(
      (next) => {
        if (next?.state === "blocked") this.blockedUntil = next.until; // no token: wait before claiming again
      },
      // The database failed us: the job keeps its lease, which runs out, and is sent again.
      (e) => console.error(`[replication] ${s.name}: recording job ${job.id} failed`, e),
    );
    if (success) {
      // A success is written while the next job is claimed and sent (on PostgreSQL, by the next
      // claim's statement). A failure is written first, since it decides what the agent does next.
      this.recording.add(recorded);
      void recorded.finally(() => this.recording.delete(recorded));
      return;
    }
    await recorded;
  }

  /** Waits up to graceMs for work in flight, then cancels it and hands its jobs back. */
  async shutdown(graceMs: number): Promise<void> {
    this.stopping = true;
    const all = () => Promise.allSettled([...this.inFlight.values()].map((f) => f.done));
    const timer = new Promise<"late">((r) => setTimeout(() => r("late"), graceMs).unref());
    if ((await Promise.race([all().then(() => "done" as const), timer])) === "late") {
      for (const f of this.inFlight.values()) f.abort.abort("shutting down");
      await all();
    }
    await this.settled();
    this.transport.close();
    await flushLogs();
  }
}
