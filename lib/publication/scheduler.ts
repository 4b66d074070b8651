import "server-only";
import { db } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/clock";
import { finishPublications } from "@/lib/publication/finish-publications";
import { startScheduledPublication } from "@/lib/publication/start-publication";
import { schedulerEvents } from "@/lib/publication/scheduler-events";
import { onPeerSignal } from "@/lib/cluster/peer-signals";
import { observeSchedulerLateness } from "@/lib/metrics/record";

// Publish Later: starts each scheduled publication at its activation time. The loop sleeps until
// the next activation time (not a fixed poll: pg-boss and graphile-worker look every 2 s, which is
// up to 2 s late), and wakes early when a publication is scheduled or terminated, on this node or
// (PostgreSQL NOTIFY) another. Every `rescanMs` it looks again, in case a notification was missed.
// Publications whose time passed while Outpost was down are due at once when it starts. Several
// schedulers (several processes on one PostgreSQL) may race for one publication:
// startScheduledPublication lets one win. While publications run, it also marks those that are
// over as Completed every `finishMs`.

export type Wait = (ms: number, signal: AbortSignal) => Promise<void>;

export type SchedulerOptions = {
  clock?: Clock;
  /** Sleeps `ms` of the clock's time, or until `signal` aborts (tests pass one driven by a manual clock). */
  wait?: Wait;
  rescanMs?: number;
  finishMs?: number;
};

export type Scheduler = { stop(): Promise<void> };

export const realWait: Wait = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, Math.min(ms, 2 ** 31 - 1));
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

/** Starts every publication due at `nowMs`, oldest activation first; returns how many this call started. */
export async function fireDue(nowMs: number): Promise<number> {
  let started = 0;
  for (;;) {
    const due = await db.publication.findMany({
      where: { state: "scheduled", scheduledAt: { lte: new Date(nowMs) } },
      orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
      select: { id: true, scheduledAt: true },
      take: 50,
    });
    let moved = 0;
    for (const { id, scheduledAt } of due) {
      const r = await startScheduledPublication(id, nowMs);
      if (r !== "taken") moved++;
      if (r === "started") {
        started++;
        observeSchedulerLateness(nowMs - scheduledAt!.getTime());
      }
    }
    if (due.length < 50 || !moved) return started;
  }
}

async function nextActivation(): Promise<number | null> {
  const next = await db.publication.findFirst({
    where: { state: "scheduled" },
    orderBy: { scheduledAt: "asc" },
    select: { scheduledAt: true },
  });
  return next?.scheduledAt?.getTime() ?? null;
}

export function startScheduler(opts: SchedulerOptions = {}): Scheduler {
  const clock = opts.clock ?? systemClock;
  const wait = opts.wait ?? realWait;
  const rescanMs = opts.rescanMs ?? 30_000;
  const finishMs = opts.finishMs ?? 2_000;
  let stopped = false;
  let sleeping: AbortController | null = null;
  let changed = false;
  const wake = () => {
    changed = true;
    sleeping?.abort();
  };
  schedulerEvents.on("changed", wake);
  const stopListening = onPeerSignal({ scheduler: wake });

  async function loop() {
    while (!stopped) {
      let delay = rescanMs;
      try {
        changed = false;
        await fireDue(clock.now());
        const running = await finishAndCount(clock.now());
        const next = await nextActivation();
        if (next !== null) delay = Math.min(delay, Math.max(0, next - clock.now()));
        if (running) delay = Math.min(delay, finishMs);
      } catch (e) {
        console.error("[publication] scheduler failed; trying again", e);
        delay = Math.min(delay, 5_000);
      }
      if (stopped || changed) continue;
      sleeping = new AbortController();
      await wait(delay, sleeping.signal);
      sleeping = null;
    }
  }

  const done = loop();
  return {
    async stop() {
      stopped = true;
      schedulerEvents.off("changed", wake);
      sleeping?.abort();
      await Promise.all([done, stopListening()]);
    },
  };
}

/** Finishes publications that are over; says whether some still run. */
async function finishAndCount(nowMs: number): Promise<boolean> {
  await finishPublications(nowMs);
  return (await db.publication.count({ where: { state: { in: ["running", "queued"] } } })) > 0;
}
