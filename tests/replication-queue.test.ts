import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { backoffMs } from "@/lib/replication/backoff";
import { claimJob } from "@/lib/replication/queue/claim";
import { enqueueJobs, enqueueNow } from "@/lib/replication/queue/enqueue";
import { extendLease, finishJob, reapExpiredLeases } from "@/lib/replication/queue/lease";
import { clearQueue, forceRetry, removeJob, retryJob } from "@/lib/replication/queue/queue-ops";
import { purgeFinishedJobs } from "@/lib/replication/queue/purge";
import { setAgentEnabled, setAgentPaused } from "@/lib/replication/agents/update-agent";
import { createAsset, createConfig } from "./support/replication-fixtures";

// The persisted queue on its own (no HTTP): distribution, the claim with its lease, per-path
// order, fencing, expired leases, rebalancing and the queue actions.

const LEASE = 30_000;
let configId: string;
let agents: { id: string; position: number }[];

beforeEach(async () => {
  await db.replicationJob.deleteMany();
  const c = await createConfig({
    tenantUrl: "http://127.0.0.1:9/portal/x",
    gatewayUrl: "http://127.0.0.1:9/gateway",
    clientId: "c",
  });
  configId = c.config.id;
  agents = c.agents;
});

const items = (n: number, prefix = "/content/dam/q/a") =>
  Array.from({ length: n }, (_, i) => ({
    action: "publish" as const,
    kind: "asset" as const,
    path: `${prefix}${i}.jpg`,
  }));
const perAgent = async () => {
  const g = await db.replicationJob.groupBy({
    by: ["agentId"],
    where: { configId, state: { in: ["queued", "running"] } },
    _count: { _all: true },
  });
  return agents.map((a) => g.find((x) => x.agentId === a.id)?._count._all ?? 0);
};

describe("enqueue", () => {
  it("spreads jobs evenly over the enabled, unpaused agents, counting what they already have", async () => {
    await db.$transaction((tx) => enqueueJobs(tx, { configId, items: items(10) }));
    expect(await perAgent()).toEqual([3, 3, 2, 2]);
    await setAgentPaused(agents[0].id, true);
    await db.$transaction((tx) => enqueueJobs(tx, { configId, items: items(9, "/content/dam/q/b") }));
    const counts = await perAgent();
    expect(counts[0]).toBe(0); // paused: its jobs moved away and it got no new ones
    expect(counts.slice(1).reduce((a, b) => a + b)).toBe(19);
    expect(Math.max(...counts.slice(1)) - Math.min(...counts.slice(1))).toBeLessThanOrEqual(1);
  });

  it("rolls back with the caller's transaction and refuses a configuration without enabled agents", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJobs(tx, { configId, items: items(3) });
        throw new Error("caller failed");
      }),
    ).rejects.toThrow("caller failed");
    expect(await db.replicationJob.count()).toBe(0);
    for (const a of agents) await setAgentEnabled(a.id, false);
    await expect(enqueueNow({ configId, items: items(1) })).rejects.toThrow(/No replication agent .* is enabled/);
  });

  it("validates the items", async () => {
    await expect(
      enqueueNow({ configId, items: [{ action: "publish", kind: "asset", path: "relative/x.jpg" }] }),
    ).rejects.toThrow(/path must be absolute/);
  });

  it("marks items pending and remembers their previous state", async () => {
    const asset = await createAsset("/content/dam/q/pending.jpg");
    await db.asset.update({ where: { id: asset.id }, data: { bpState: "published" } });
    await enqueueNow({ configId, items: [{ action: "unpublish", kind: "asset", path: asset.path }] });
    expect((await db.asset.findUniqueOrThrow({ where: { id: asset.id } })).bpState).toBe("pending");
    const job = await db.replicationJob.findFirstOrThrow({ where: { path: asset.path } });
    expect(job).toMatchObject({ prevBpState: "published", refId: asset.id });
    await removeJob(job.agentId, job.id);
    expect((await db.asset.findUniqueOrThrow({ where: { id: asset.id } })).bpState).toBe("published");
  });
});

describe("claim", () => {
  it("claims each job once, even with many claimers at the same time", async () => {
    await enqueueNow({ configId, items: items(120) });
    const now = Date.now();
    const claimed: number[] = [];
    await Promise.all(
      agents.flatMap((a) =>
        Array.from({ length: 3 }, async (_, w) => {
          for (let job; (job = await claimJob(a.id, { owner: `w${w}`, nowMs: now, leaseMs: LEASE }));) {
            claimed.push(job.id);
            expect(await finishJob(job.id, job.leaseToken, { state: "done" })).toBe(true);
          }
        }),
      ),
    );
    expect(claimed).toHaveLength(120);
    expect(new Set(claimed).size).toBe(120);
  });

  it("never lets a job overtake an older job for the same path, in any agent", async () => {
    const path = "/content/dam/q/same.jpg";
    await enqueueNow({ configId, items: [{ action: "publish", kind: "asset", path }] });
    await enqueueNow({
      configId,
      items: [
        { action: "unpublish", kind: "asset", path },
        { action: "publish", kind: "asset", path: "/content/dam/q/other.jpg" },
      ],
    });
    const jobs = await db.replicationJob.findMany({ orderBy: { id: "asc" } });
    const [pub, unpub, other] = jobs;
    expect(pub.agentId).not.toBe(unpub.agentId); // spread over two agents …
    const now = Date.now();
    const own = { owner: "x", leaseMs: LEASE, help: false }; // each agent its own queue only
    // … but the unpublish waits for the publish
    expect(await claimJob(unpub.agentId, { ...own, nowMs: now })).toBeNull();
    expect((await claimJob(other.agentId, { ...own, nowMs: now }))?.id).toBe(other.id);
    const p = (await claimJob(pub.agentId, { ...own, nowMs: now }))!;
    expect(p.id).toBe(pub.id);
    expect(await claimJob(unpub.agentId, { ...own, nowMs: now })).toBeNull(); // still running
    // a retry waiting for its backoff still holds the line
    await finishJob(p.id, p.leaseToken, {
      state: "queued",
      nextAttemptAt: new Date(now + 60_000),
      lastError: "HTTP 500",
    });
    expect(await claimJob(unpub.agentId, { ...own, nowMs: now })).toBeNull();
    // once it is parked as failed, the queue goes on
    const again = (await claimJob(pub.agentId, { ...own, nowMs: now + 60_000 }))!;
    await finishJob(again.id, again.leaseToken, { state: "failed", lastError: "gave up" });
    expect((await claimJob(unpub.agentId, { ...own, nowMs: now + 60_000 }))?.id).toBe(unpub.id);
  });

  it("an agent with nothing of its own to do helps the others, oldest job first, keeping the per-path order", async () => {
    const path = "/content/dam/q/helped.jpg";
    await enqueueNow({
      configId,
      items: [
        { action: "publish", kind: "asset", path },
        { action: "unpublish", kind: "asset", path },
        { action: "publish", kind: "asset", path: "/content/dam/q/b.jpg" },
      ],
    });
    const [pub, unpub, other] = await db.replicationJob.findMany({ orderBy: { id: "asc" } });
    const idle = agents.find((a) => ![pub.agentId, unpub.agentId, other.agentId].includes(a.id))!;
    await setAgentPaused(other.agentId, true); // a paused agent's jobs go to the others first …
    const moved = await db.replicationJob.findUniqueOrThrow({ where: { id: other.id } });
    const now = Date.now();
    const opts = { owner: "helper", nowMs: now, leaseMs: LEASE };
    const first = (await claimJob(idle.id, opts))!;
    expect(first.id).toBe(moved.agentId === idle.id ? other.id : pub.id);
    const second = (await claimJob(idle.id, opts))!;
    expect([first.id, second.id].sort()).toEqual([pub.id, other.id].sort()); // the unpublish waits for the publish
    expect(await claimJob(idle.id, opts)).toBeNull();
    expect(
      (await db.replicationJob.findMany({ where: { id: { in: [pub.id, other.id] } } })).every(
        (j) => j.agentId === idle.id && j.state === "running",
      ),
    ).toBe(true);
    // … and a paused agent never helps
    await enqueueNow({ configId, items: items(2, "/content/dam/q/c") });
    const later = { ...opts, nowMs: Date.now() + 1_000 };
    expect(await claimJob(other.agentId, later)).toBeNull();
    expect(await claimJob(idle.id, later)).not.toBeNull();
  });

  it("does not hand out a job before its next attempt is due", async () => {
    await enqueueNow({ configId, items: items(1) });
    const job = await db.replicationJob.findFirstOrThrow();
    const later = Date.now() + 120_000;
    await db.replicationJob.update({ where: { id: job.id }, data: { nextAttemptAt: new Date(later) } });
    expect(await claimJob(job.agentId, { owner: "x", nowMs: later - 1, leaseMs: LEASE })).toBeNull();
    expect(await claimJob(job.agentId, { owner: "x", nowMs: later, leaseMs: LEASE })).not.toBeNull();
  });
});

describe("leases and fencing", () => {
  it("an expired lease returns the job; the old holder can then neither extend, complete nor fail it", async () => {
    await enqueueNow({ configId, items: items(1) });
    const { agentId } = await db.replicationJob.findFirstOrThrow();
    const t0 = Date.now();
    const a = (await claimJob(agentId, { owner: "A", nowMs: t0, leaseMs: LEASE }))!;
    expect(await claimJob(agentId, { owner: "B", nowMs: t0 + LEASE - 1, leaseMs: LEASE })).toBeNull(); // lease holds
    expect(await extendLease(a.id, a.leaseToken, t0 + 2 * LEASE)).toBe(true); // heartbeat
    expect(await claimJob(agentId, { owner: "B", nowMs: t0 + LEASE + 1, leaseMs: LEASE })).toBeNull();
    const b = (await claimJob(agentId, { owner: "B", nowMs: t0 + 2 * LEASE + 1, leaseMs: LEASE }))!;
    expect(b.id).toBe(a.id);
    expect(b.attempts).toBe(2);
    expect(b.leaseToken).not.toBe(a.leaseToken);
    expect(await extendLease(a.id, a.leaseToken, t0 + 9 * LEASE)).toBe(false);
    expect(await finishJob(a.id, a.leaseToken, { state: "done" })).toBe(false);
    expect(await finishJob(a.id, a.leaseToken, { state: "failed", lastError: "late" })).toBe(false);
    expect((await db.replicationJob.findUniqueOrThrow({ where: { id: a.id } })).state).toBe("running");
    expect(await finishJob(b.id, b.leaseToken, { state: "done" })).toBe(true);
    expect((await db.replicationJob.findUniqueOrThrow({ where: { id: a.id } })).state).toBe("done");
  });

  it("the reaper puts jobs of dead workers back in the queue", async () => {
    await enqueueNow({ configId, items: items(2) });
    const t0 = Date.now();
    for (const a of agents) await claimJob(a.id, { owner: "dead", nowMs: t0, leaseMs: LEASE });
    expect(await reapExpiredLeases(t0 + LEASE - 1)).toBe(0);
    expect(await reapExpiredLeases(t0 + LEASE + 1)).toBe(2);
    expect(await db.replicationJob.count({ where: { state: "queued", leaseToken: null } })).toBe(2);
  });
});

describe("rebalance", () => {
  it("disabling or pausing an agent moves its queued jobs to the others; coming back takes its share", async () => {
    await enqueueNow({ configId, items: items(40) });
    expect(await perAgent()).toEqual([10, 10, 10, 10]);
    await setAgentEnabled(agents[1].id, false);
    let c = await perAgent();
    expect(c[1]).toBe(0);
    expect(c.reduce((a, b) => a + b)).toBe(40);
    expect(c.filter((x, i) => i !== 1).every((x) => x >= 13 && x <= 14)).toBe(true);
    await setAgentPaused(agents[2].id, true);
    c = await perAgent();
    expect(c[1] + c[2]).toBe(0);
    expect(c[0] + c[3]).toBe(40);
    expect((await db.replicationAgent.findUniqueOrThrow({ where: { id: agents[2].id } })).paused).toBe(true); // kept in the database
    await setAgentEnabled(agents[1].id, true);
    await setAgentPaused(agents[2].id, false);
    c = await perAgent();
    expect(c.reduce((a, b) => a + b)).toBe(40);
    expect(Math.min(...c)).toBeGreaterThanOrEqual(9);
  });

  it("keeps the per-path order when jobs move between agents", async () => {
    const path = "/content/dam/q/moving.jpg";
    await enqueueNow({ configId, items: [{ action: "publish", kind: "asset", path }] });
    await enqueueNow({ configId, items: [{ action: "unpublish", kind: "asset", path }] });
    const [first, second] = await db.replicationJob.findMany({ orderBy: { id: "asc" } });
    await setAgentEnabled(first.agentId, false); // the older job moves somewhere else
    const moved = await db.replicationJob.findUniqueOrThrow({ where: { id: first.id } });
    expect(moved.agentId).not.toBe(first.agentId);
    // whichever agents now hold them, only the older job can be claimed
    const now = Date.now();
    const got = [];
    for (const a of agents) got.push(await claimJob(a.id, { owner: "x", nowMs: now, leaseMs: LEASE }));
    expect(got.filter(Boolean).map((j) => j!.id)).toEqual([first.id]);
    expect((await db.replicationJob.findUniqueOrThrow({ where: { id: second.id } })).state).toBe("queued");
  });
});

describe("queue actions", () => {
  it("Retry, Force Retry, Remove and Clear", async () => {
    await enqueueNow({ configId, items: items(8) });
    const agentId = agents[0].id;
    const mine = await db.replicationJob.findMany({ where: { agentId }, orderBy: { id: "asc" } });
    await db.replicationJob.update({
      where: { id: mine[0].id },
      data: { state: "failed", attempts: 6, lastError: "HTTP 500" },
    });
    await retryJob(agentId, mine[0].id);
    expect(await db.replicationJob.findUniqueOrThrow({ where: { id: mine[0].id } })).toMatchObject({
      state: "queued",
      attempts: 0,
    });
    await db.replicationJob.update({ where: { id: mine[1].id }, data: { state: "failed" } });
    await db.replicationJob.update({
      where: { id: mine[0].id },
      data: { nextAttemptAt: new Date(Date.now() + 3_600_000) },
    });
    expect(await forceRetry(agentId)).toBe(2);
    expect(
      await db.replicationJob.count({ where: { agentId, state: "queued", nextAttemptAt: { lte: new Date() } } }),
    ).toBe(2);
    await removeJob(agentId, mine[0].id);
    expect(await db.replicationJob.count({ where: { agentId } })).toBe(1);
    await expect(removeJob(agents[1].id, mine[1].id)).rejects.toThrow(/was not found/); // another agent's item
    expect(await clearQueue(agentId)).toBe(1);
    expect(await db.replicationJob.count({ where: { agentId } })).toBe(0);
    expect(await db.replicationJob.count()).toBe(6);
  });
});

describe("housekeeping", () => {
  it("removes finished jobs after 30 days, never waiting or failed ones", async () => {
    await enqueueNow({ configId, items: items(4) });
    const jobs = await db.replicationJob.findMany({ orderBy: { id: "asc" } });
    const old = new Date(Date.now() - 31 * 24 * 3600_000);
    await db.replicationJob.update({ where: { id: jobs[0].id }, data: { state: "done", completedAt: old } });
    await db.replicationJob.update({ where: { id: jobs[1].id }, data: { state: "skipped", completedAt: old } });
    await db.replicationJob.update({ where: { id: jobs[2].id }, data: { state: "failed", completedAt: old } });
    await db.replicationJob.update({ where: { id: jobs[3].id }, data: { state: "done", completedAt: new Date() } });
    expect(await purgeFinishedJobs(Date.now())).toBe(2);
    expect((await db.replicationJob.findMany({ orderBy: { id: "asc" } })).map((j) => j.state)).toEqual([
      "failed",
      "done",
    ]);
  });
});

describe("backoff", () => {
  it("grows exponentially from the Retry Delay, with jitter, capped, honouring Retry-After", () => {
    expect(backoffMs(1, 60_000, { random: () => 0 })).toBe(30_000);
    expect(backoffMs(1, 60_000, { random: () => 1 })).toBe(60_000);
    expect(backoffMs(3, 60_000, { random: () => 1 })).toBe(240_000);
    expect(backoffMs(20, 60_000, { random: () => 1 })).toBe(30 * 60_000);
    expect(backoffMs(1, 1_000, { random: () => 0, retryAfterMs: 5_000 })).toBe(5_000);
    const spread = new Set(Array.from({ length: 20 }, () => backoffMs(2, 60_000)));
    expect(spread.size).toBeGreaterThan(10);
  });
});
