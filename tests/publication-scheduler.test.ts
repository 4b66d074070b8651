import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { metrics } from "@/lib/metrics/registry";
import { manualClock } from "./support/manual-clock";
import { schedulePublication } from "@/lib/publication/create-publication";
import { startScheduler, type Scheduler } from "@/lib/publication/scheduler";
import { startScheduledPublication } from "@/lib/publication/start-publication";
import { terminatePublication } from "@/lib/publication/terminate";
import { instanceDetail } from "@/lib/publication/progress";
import { createAsset } from "./support/replication-fixtures";
import { manualWaits } from "./support/manual-waits";
import { publicationSetup } from "./support/publication-fixtures";

// Publish Later with an injected clock: the scheduler sleeps until the activation time (the test
// moves the clock), starts the publication exactly once even with two schedulers, starts it after a
// restart that missed the time, never starts a terminated one, and fixes a folder's scope at start.

let s: Awaited<ReturnType<typeof publicationSetup>>;
let clock: ReturnType<typeof manualClock>;
let waits: ReturnType<typeof manualWaits>;
let schedulers: Scheduler[];
const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);
const T = T0 + 60_000;

beforeEach(async () => {
  s = await publicationSetup();
  clock = manualClock(T0);
  waits = manualWaits(clock);
  schedulers = [];
});
afterEach(async () => {
  await Promise.all(schedulers.map((x) => x.stop()));
});

const start = () => {
  const x = startScheduler({ clock, wait: waits.wait, rescanMs: 3600_000, finishMs: 3600_000 });
  schedulers.push(x);
  return x;
};
const schedule = (items: { kind: "asset" | "folder" | "collection"; id: string }[], at = T) =>
  schedulePublication(
    { action: "publish", items, userId: s.author.id, title: "Later", activationDate: new Date(at).toISOString() },
    clock.now(),
  );
const jobsOf = (publicationId: string) => db.replicationJob.count({ where: { publicationId } });
/** Every scheduler is asleep again (it has finished what the last clock move started). */
const until = (check: () => unknown) => vi.waitFor(check, { timeout: 15_000, interval: 20 });
const settled = (n: number) => until(() => expect(waits.pending()).toHaveLength(n));

describe("the scheduler", () => {
  it("sleeps until the activation time and starts the publication at T, not before", async () => {
    const pub = await schedule([{ kind: "asset", id: s.assets[0].id }]);
    start();
    await settled(1);
    expect(waits.pending()).toEqual([T]); // woken by time, not by a fixed poll
    waits.advanceTo(T - 1);
    expect((await db.publication.findUniqueOrThrow({ where: { id: pub.id } })).state).toBe("scheduled");
    waits.advanceTo(T);
    await until(async () =>
      expect((await db.publication.findUniqueOrThrow({ where: { id: pub.id } })).state).toBe("running"),
    );
    const started = await db.publication.findUniqueOrThrow({ where: { id: pub.id } });
    expect(started.startedAt?.getTime()).toBe(T);
    expect(await jobsOf(pub.id)).toBe(1);
  });

  it("records how late each publication started (outpost_scheduler_lateness_seconds)", async () => {
    const lateness = async () => (await metrics.schedulerLateness.get()).values;
    const count = async () => (await lateness()).find((v) => v.metricName?.endsWith("_count"))?.value ?? 0;
    const sum = async () => (await lateness()).find((v) => v.metricName?.endsWith("_sum"))?.value ?? 0;
    const [count0, sum0] = [await count(), await sum()];
    const pub = await schedule([{ kind: "asset", id: s.assets[0].id }]);
    clock.set(T + 2_500); // Outpost was down at T: started 2.5 s late
    start();
    await until(async () =>
      expect((await db.publication.findUniqueOrThrow({ where: { id: pub.id } })).state).toBe("running"),
    );
    expect(await count()).toBe(count0 + 1);
    expect((await sum()) - sum0).toBeCloseTo(2.5);
  });

  it("wakes for a publication scheduled while it sleeps", async () => {
    start();
    await settled(1);
    expect(waits.pending()).toEqual([T0 + 3600_000]);
    const pub = await schedule([{ kind: "asset", id: s.assets[0].id }], T0 + 5_000);
    await until(() => expect(waits.pending()).toEqual([T0 + 5_000]));
    waits.advanceTo(T0 + 5_000);
    await until(async () => expect(await jobsOf(pub.id)).toBe(1));
  });

  it("starts it exactly once with two schedulers", async () => {
    const pubs = await Promise.all([1, 2, 3].map(() => schedule([{ kind: "folder", id: s.root.id }])));
    start();
    start();
    await settled(2);
    waits.advanceTo(T);
    await until(async () =>
      expect(await db.publication.count({ where: { id: { in: pubs.map((p) => p.id) }, state: "running" } })).toBe(3),
    );
    await settled(2);
    // The folder, its subfolder and three assets: five jobs each, not ten.
    for (const p of pubs) expect(await jobsOf(p.id)).toBe(5);
  });

  it("lets one of many racing starts win", async () => {
    const pub = await schedule([{ kind: "folder", id: s.root.id }]);
    const results = await Promise.all(Array.from({ length: 6 }, () => startScheduledPublication(pub.id, T)));
    expect(results.filter((r) => r === "started")).toHaveLength(1);
    expect(results.filter((r) => r === "taken")).toHaveLength(5);
    expect(await jobsOf(pub.id)).toBe(5);
    const row = await db.publication.findUniqueOrThrow({ where: { id: pub.id } });
    expect(row.firedKey).toBe(`${pub.id}@${new Date(T).toISOString()}`);
  });

  it("starts a publication whose time passed while Outpost was down, right after the start", async () => {
    const pub = await schedule([{ kind: "asset", id: s.assets[1].id }]);
    clock.set(T + 3600_000); // down for an hour past T
    start();
    await until(async () => expect(await jobsOf(pub.id)).toBe(1));
    const row = await db.publication.findUniqueOrThrow({ where: { id: pub.id } });
    expect(row.state).toBe("running");
    expect(row.startedAt?.getTime()).toBe(T + 3600_000);
  });

  it("never starts a publication terminated before T", async () => {
    const pub = await schedule([{ kind: "asset", id: s.assets[0].id }]);
    start();
    await settled(1);
    await terminatePublication(pub.id, s.author, clock.now());
    await settled(1);
    waits.advanceTo(T + 10_000);
    await settled(1);
    expect((await db.publication.findUniqueOrThrow({ where: { id: pub.id } })).state).toBe("terminated");
    expect(await jobsOf(pub.id)).toBe(0);
    expect(await startScheduledPublication(pub.id, T + 20_000)).toBe("taken");
    expect(await jobsOf(pub.id)).toBe(0);
  });

  it("fixes what a folder holds when the publication starts; assets added later are reported", async () => {
    const pub = await schedule([{ kind: "folder", id: s.root.id }]);
    await createAsset(`${s.root.path}/before-start.jpg`); // added before T: included
    expect(await startScheduledPublication(pub.id, T)).toBe("started");
    const late = await createAsset(`${s.sub.path}/after-start.jpg`); // added after T: not chased
    await db.asset.update({ where: { id: late.id }, data: { createdAt: new Date(T + 500) } });
    const paths = (await db.replicationJob.findMany({ where: { publicationId: pub.id }, select: { path: true } })).map(
      (j) => j.path,
    );
    expect(paths).toContain(`${s.root.path}/before-start.jpg`);
    expect(paths).not.toContain(`${s.sub.path}/after-start.jpg`);
    const detail = await instanceDetail(pub.id, s.author, { page: 1, pageSize: 50 }, T + 1000);
    expect(detail.addedSince).toBe(1);
    expect(detail.progress.total).toBe(6);
  });

  it("records why a publication could not start, once, and creates no job", async () => {
    const pub = await schedule([{ kind: "asset", id: s.assets[2].id }]);
    await db.asset.delete({ where: { id: s.assets[2].id } });
    expect(await startScheduledPublication(pub.id, T)).toBe("failed");
    expect(await startScheduledPublication(pub.id, T)).toBe("taken");
    const row = await db.publication.findUniqueOrThrow({ where: { id: pub.id } });
    expect(row.state).toBe("failed");
    expect(row.error).toMatch(/deleted before the activation time/);
    expect(await jobsOf(pub.id)).toBe(0);
  });
});
