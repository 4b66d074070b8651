import { describe, expect, it } from "vitest";
import { idleWait } from "@/lib/replication/worker/idle-wait";

// An idle worker sleeps until its next poll or a wake-up. The wake-up that matters most comes
// while the worker is still claiming (its claim looked before the jobs were committed): it must
// not be lost, or the worker sleeps a whole poll with jobs waiting.

const LONG = 60_000;
const settles = (p: Promise<void>, ms = 200) =>
  Promise.race([p.then(() => "woken"), new Promise((r) => setTimeout(() => r("asleep"), ms))]);

describe("idle wait", () => {
  it("a wake-up that came while the worker was claiming ends its sleep before it begins", async () => {
    const idle = idleWait();
    const mark = idle.mark(); // the worker starts its claim
    idle.wake(); // jobs committed meanwhile: nobody is asleep yet
    expect(await settles(idle.sleep(LONG, mark))).toBe("woken");
  });

  it("wakes the workers asleep", async () => {
    const idle = idleWait();
    const sleeping = [idle.sleep(LONG, idle.mark()), idle.sleep(LONG, idle.mark())];
    expect(await settles(sleeping[0], 20)).toBe("asleep");
    idle.wake();
    expect(await settles(Promise.all(sleeping).then(() => {}))).toBe("woken");
  });

  it("without a wake-up, sleeps until the poll", async () => {
    const idle = idleWait();
    const mark = idle.mark();
    expect(await settles(idle.sleep(LONG, mark), 50)).toBe("asleep");
    const t0 = performance.now();
    await idle.sleep(30, idle.mark());
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
    idle.wake(); // the first sleeper's timer
  });
});
