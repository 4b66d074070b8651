import type { Wait } from "@/lib/publication/scheduler";

// Sleeps measured by a manual clock: a scheduler's wait ends when the test moves the clock past its
// end (or when the scheduler is woken), never after real time.
export function manualWaits(clock: { now(): number; set(ms: number): void }) {
  const sleepers = new Set<{ at: number; resolve: () => void }>();
  const wait: Wait = (ms, signal) =>
    new Promise((resolve) => {
      const s = { at: clock.now() + ms, resolve };
      sleepers.add(s);
      signal.addEventListener(
        "abort",
        () => {
          sleepers.delete(s);
          resolve();
        },
        { once: true },
      );
    });
  return {
    wait,
    /** The ends of the sleeps now pending. */
    pending: () => [...sleepers].map((s) => s.at),
    /** Moves the clock to `ms` and ends the sleeps due by then. */
    advanceTo(ms: number) {
      clock.set(ms);
      for (const s of [...sleepers])
        if (s.at <= ms) {
          sleepers.delete(s);
          s.resolve();
        }
    },
  };
}
