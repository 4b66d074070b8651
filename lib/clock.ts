// Time as the queue, the workers and the token cache see it: tests pass a clock they move forward
// themselves (tests/support/manual-clock.ts) instead of sleeping; everything else uses this one.
export type Clock = { now(): number };

export const systemClock: Clock = { now: () => Date.now() };
