// Idle workers wait for their next poll or for a wake-up (jobs were committed on this node),
// whichever comes first. A wake-up is counted, not only delivered to the workers asleep at that
// moment: a worker whose claim looked just before the jobs were committed, and that is not asleep
// yet when the wake-up comes, must not then sleep a whole poll (it did, and every publication
// started a second late).

export type IdleWait = {
  /** Taken before a worker looks for work; pass it to sleep(). */
  mark(): number;
  /** Waits up to `ms`, or not at all if a wake-up came since `mark`. */
  sleep(ms: number, mark: number): Promise<void>;
  /** Wakes every worker asleep, and those about to sleep. */
  wake(): void;
};

export function idleWait(): IdleWait {
  let wakes = 0;
  const sleepers = new Set<() => void>();
  return {
    mark: () => wakes,
    sleep: (ms, mark) =>
      mark !== wakes
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = () => {
              clearTimeout(t);
              sleepers.delete(done);
              resolve();
            };
            const t = setTimeout(done, ms);
            sleepers.add(done);
          }),
    wake() {
      wakes++;
      for (const s of [...sleepers]) s();
    },
  };
}
