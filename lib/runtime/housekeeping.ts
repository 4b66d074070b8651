import "server-only";

/**
 * Hourly housekeeping (lib/runtime/tasks.ts): runs `jobs` now, then every `everyMs`, one after the
 * other. A job that fails is logged and the others still run; every node runs them, so each job
 * must be safe to run twice (a delete of what is expired is). Returns the stop function.
 */
export function startHousekeeping(
  name: string,
  jobs: (() => Promise<unknown>)[],
  everyMs = 60 * 60_000,
): Promise<() => Promise<void>> {
  const run = async () => {
    for (const job of jobs) {
      try {
        await job();
      } catch (e) {
        console.error(`[${name}] housekeeping failed`, e);
      }
    }
  };
  return run().then(() => {
    const timer = setInterval(run, everyMs);
    timer.unref();
    return async () => clearInterval(timer);
  });
}
