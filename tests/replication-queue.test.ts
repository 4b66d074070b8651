import { beforeEach, describe, expect, it } from "vitest";
import { db, direct } from "@/lib/db";
import { sql } from "@/lib/assets/sql";
import pg from "pg";
import { databaseUrl, dbProvider } from "@/lib/env";
import { reclaimLostLeases } from "@/lib/cluster/registry";
import { backoffMs } from "@/lib/replication/backoff";
import { claimJob } from "@/lib/replication/queue/claim";
import { enqueueJobs, enqueueNow } from "@/lib/replication/queue/enqueue";
import { completeJob, failJob, scheduleRetry } from "@/lib/replication/queue/finish";
import { extendLease, reapExpiredLeases } from "@/lib/replication/queue/lease";
import { clearQueue, forceRetry, removeJob, retryJob } from "@/lib/replication/queue/queue-ops";
import { instanceDetail } from "@/lib/publication/progress";
import { purgeFinishedJobs } from "@/lib/replication/queue/purge";
import { flushLogs } from "@/lib/replication/log/append-log";
import { setAgentEnabled, setAgentPaused, updateAgentSettings } from "@/lib/replication/agents/update-agent";
import type { ClaimedJob, ParkedFinish } from "@/lib/replication/queue/claim";
import { createAsset, createConfig } from "./support/replication-fixtures";

// The persisted queue on its own (no HTTP): distribution, the claim with its lease, per-path
// order, one delivery per agent across nodes, the throughput cap, fencing, expired leases, helping
// and the queue actions.

const done = (job: ClaimedJob) => completeJob(job, { at: new Date(), status: 201, result: "created", version: 1 });

const LEASE = 30_000;
let configId: string;
let agents: { id: string; position: number }[];

beforeEach(async () => {
  await db.replicationJob.deleteMany();
  await db.clusterNode.deleteMany();
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
/**
 * PostgreSQL: the plans the queue's statements were run with on the pool's connection so far (the
 * pool hands a caller who waits for each statement the same connection every time).
 */
const planCounts = async () => {
  const [r] = await direct.query<{ custom: number; generic: number }>(sql`SELECT
      CAST(COALESCE(SUM(custom_plans), 0) AS INT) AS "custom", CAST(COALESCE(SUM(generic_plans), 0) AS INT) AS "generic"
    FROM pg_prepared_statements WHERE name LIKE 'outpost_%'`);
  return r;
};
/** A worker node in the registry, last heard from at `lastHeartbeatAt`. */
const workerNode = (id: string, lastHeartbeatAt: Date) =>
  db.clusterNode.create({
    data: {
      id,
      role: "worker",
      version: "test",
      host: "h",
      pid: 1,
      blobStore: "local",
      blobLocation: "h:/x",
      lastHeartbeatAt,
    },
  });
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
    expect(counts[0]).toBe(3); // paused: no new jobs (the others take what it has when they claim)
    expect(counts.slice(1).reduce((a, b) => a + b)).toBe(16);
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

  it.runIf(dbProvider === "postgresql")(
    "a bulk enqueue has PostgreSQL analyse the job table at once (the claim's plans depend on it)",
    async () => {
      const analyses = async () => {
        const [r] = await db.$queryRaw<{ n: bigint | number }[]>`
          SELECT analyze_count AS "n" FROM pg_stat_user_tables WHERE relname = 'ReplicationJob'`;
        return Number(r.n);
      };
      const before = await analyses();
      await enqueueNow({ configId, items: items(200, "/content/dam/bulk/a") });
      const deadline = Date.now() + 10_000;
      while ((await analyses()) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await analyses()).toBeGreaterThan(before);
    },
  );

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
        // three claimers per agent on one node (one owner), all agents at once
        Array.from({ length: 3 }, async () => {
          for (let job; (job = await claimJob(a.id, { owner: "node-1", nowMs: now, leaseMs: LEASE }));) {
            claimed.push(job.id);
            expect(await done(job)).toBe(true);
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
    await scheduleRetry(p, new Date(now), new Date(now + 60_000), "HTTP 500", 500);
    expect(await claimJob(unpub.agentId, { ...own, nowMs: now })).toBeNull();
    // once it is parked as failed, the queue goes on
    const again = (await claimJob(pub.agentId, { ...own, nowMs: now + 60_000 }))!;
    await failJob(again, new Date(now), "gave up", null);
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
    await setAgentPaused(other.agentId, true); // a paused agent's jobs are left to the others …
    const now = Date.now();
    const opts = { owner: "helper", nowMs: now, leaseMs: LEASE };
    const first = (await claimJob(idle.id, opts))!;
    expect(first.id).toBe(pub.id);
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

  it.runIf(dbProvider === "postgresql")(
    "PostgreSQL plans the queue's statements once per connection, not for every claim",
    async () => {
      await enqueueNow({ configId, items: items(12, "/content/dam/plans/a") });
      for (let i = 0; i < 12; i++) {
        const job = await claimJob(agents[0].id, { owner: "node-1", nowMs: Date.now(), leaseMs: LEASE });
        expect(job).not.toBeNull();
        expect(await done(job!)).toBe(true);
      }
      const plans = await planCounts();
      expect(plans.generic).toBeGreaterThanOrEqual(24); // 12 claims and 12 completions at least
      expect(plans.custom).toBe(0);
    },
  );
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
    expect(await done(a)).toBe(false);
    expect(await failJob(a, new Date(), "late", null)).toBe(false);
    expect((await db.replicationJob.findUniqueOrThrow({ where: { id: a.id } })).state).toBe("running");
    expect(await done(b)).toBe(true);
    expect((await db.replicationJob.findUniqueOrThrow({ where: { id: a.id } })).state).toBe("done");
  });

  it("the reaper puts jobs of dead workers back in the queue", async () => {
    await enqueueNow({ configId, items: items(2) });
    const t0 = Date.now();
    for (const a of agents) await claimJob(a.id, { owner: "dead", nowMs: t0, leaseMs: LEASE });
    expect(await reapExpiredLeases(t0 + LEASE - 1)).toBe(0);
    expect(await reapExpiredLeases(t0 + LEASE + 1)).toBe(2);
    expect(await db.replicationJob.count({ where: { state: "queued", leaseToken: null } })).toBe(2);
    // Each agent's log says why its job will be sent again.
    await flushLogs();
    const lines = await db.agentLogEntry.findMany({ where: { result: "expired" }, orderBy: { path: "asc" } });
    expect(lines.map((l) => [l.level, l.path])).toEqual([
      ["error", "/content/dam/q/a0.jpg"],
      ["error", "/content/dam/q/a1.jpg"],
    ]);
    expect(lines[0].message).toMatch(/lease of attempt 1 expired .* the job is sent again/);
  });
});

describe("agent settings", () => {
  it("refuses a name another agent of the configuration has, in any case; keeps its own", async () => {
    const rows = await db.replicationAgent.findMany({ where: { configId }, orderBy: { position: "asc" } });
    const settings = (a: (typeof rows)[number], name: string) => ({
      agentId: a.id,
      name,
      description: a.description,
      enabled: a.enabled,
      retryDelayMs: a.retryDelayMs,
      maxAttempts: a.maxAttempts,
      logLevel: a.logLevel as "info",
      connectTimeoutMs: a.connectTimeoutMs,
      socketTimeoutMs: a.socketTimeoutMs,
    });
    await expect(updateAgentSettings(settings(rows[1], rows[0].name.toUpperCase()))).rejects.toMatchObject({
      status: 409,
      field: "name",
      message: `Another agent of this configuration is named ${rows[0].name}: choose another name.`,
    });
    expect((await db.replicationAgent.findUniqueOrThrow({ where: { id: rows[1].id } })).name).toBe(rows[1].name);
    await updateAgentSettings(settings(rows[1], rows[1].name)); // saving it unchanged
    await updateAgentSettings(settings(rows[1], "Renamed agent"));
    expect((await db.replicationAgent.findUniqueOrThrow({ where: { id: rows[1].id } })).name).toBe("Renamed agent");
  });
});

describe("spreading the work", () => {
  it("a disabled or paused agent's queued jobs are delivered by the others", async () => {
    await enqueueNow({ configId, items: items(8) });
    expect(await perAgent()).toEqual([2, 2, 2, 2]);
    await setAgentEnabled(agents[1].id, false);
    await setAgentPaused(agents[2].id, true);
    const now = Date.now();
    const by = new Map<string, number>();
    for (const a of [agents[0], agents[3], agents[0], agents[3], agents[0], agents[3], agents[0], agents[3]]) {
      const job = (await claimJob(a.id, { owner: "node-1", nowMs: now, leaseMs: LEASE }))!;
      expect(await done(job)).toBe(true);
      by.set(a.id, (by.get(a.id) ?? 0) + 1);
    }
    expect(await db.replicationJob.count({ where: { configId, state: "done" } })).toBe(8);
    expect([by.get(agents[0].id), by.get(agents[3].id)]).toEqual([4, 4]);
    expect(await claimJob(agents[0].id, { owner: "node-1", nowMs: now, leaseMs: LEASE })).toBeNull();
  });

  it("keeps the per-path order when another agent takes over a disabled agent's jobs", async () => {
    const path = "/content/dam/q/moving.jpg";
    await enqueueNow({ configId, items: [{ action: "publish", kind: "asset", path }] });
    await enqueueNow({ configId, items: [{ action: "unpublish", kind: "asset", path }] });
    const [first, second] = await db.replicationJob.findMany({ orderBy: { id: "asc" } });
    await setAgentEnabled(first.agentId, false);
    // whichever agents now take them, only the older job can be claimed
    const now = Date.now();
    const got = [];
    for (const a of agents.filter((x) => x.id !== first.agentId))
      got.push(await claimJob(a.id, { owner: "x", nowMs: now, leaseMs: LEASE }));
    expect(got.filter(Boolean).map((j) => j!.id)).toEqual([first.id]);
    expect((await db.replicationJob.findUniqueOrThrow({ where: { id: second.id } })).state).toBe("queued");
  });

  it("one agent runs one delivery at a time across all nodes", async () => {
    await enqueueNow({ configId, items: items(8) });
    const a = agents[0].id;
    const now = Date.now();
    const onNode1 = (await claimJob(a, { owner: "node-1", nowMs: now, leaseMs: LEASE }))!;
    expect(onNode1).not.toBeNull();
    // the same agent's worker on another node waits, for its own jobs and for helping
    expect(await claimJob(a, { owner: "node-2", nowMs: now, leaseMs: LEASE })).toBeNull();
    // its completion frees the agent for every node; so does a failure's record
    expect(await done(onNode1)).toBe(true);
    const onNode2 = (await claimJob(a, { owner: "node-2", nowMs: now, leaseMs: LEASE }))!;
    expect(onNode2).not.toBeNull();
    expect(await claimJob(a, { owner: "node-1", nowMs: now, leaseMs: LEASE })).toBeNull();
    expect(await scheduleRetry(onNode2, new Date(now), new Date(now), "HTTP 503", 503)).toBe(true);
    expect(await claimJob(a, { owner: "node-1", nowMs: now, leaseMs: LEASE })).not.toBeNull();
    // a lease that ran out no longer counts as a delivery in progress
    expect(await claimJob(a, { owner: "node-3", nowMs: now + LEASE + 1, leaseMs: LEASE })).not.toBeNull();
  });

  it.runIf(dbProvider === "postgresql")(
    "a success is written by the agent's next claim: one statement for both, fenced by its lease",
    async () => {
      const [a1, a2] = [await createAsset("/content/dam/f/one.jpg"), await createAsset("/content/dam/f/two.jpg")];
      const a = agents[0].id;
      await db.replicationAgent.updateMany({ where: { id: { not: a } }, data: { enabled: false } });
      await enqueueNow({ configId, items: [a1, a2].map((x) => ({ action: "publish", kind: "asset", path: x.path })) });
      const opts = { owner: "node-1", leaseMs: LEASE };
      /** The first job's success, handed to the next claim as the worker does it. */
      const parkedSuccess = (job: ClaimedJob) => {
        let parked: ParkedFinish | undefined;
        const held = completeJob(
          job,
          { at: new Date(), status: 201, result: "created", version: 1 },
          (parts) => new Promise<boolean>((resolve, reject) => (parked = { ...parts, resolve, reject })),
        );
        return { parked: parked!, held };
      };
      const first = (await claimJob(a, { ...opts, nowMs: Date.now() }))!;
      const { parked, held } = parkedSuccess(first);
      const before = (await planCounts()).generic;
      const second = (await claimJob(a, { ...opts, nowMs: Date.now(), finish: parked }))!;
      expect((await planCounts()).generic - before).toBe(2); // the claim with the success, and this count
      expect(await held).toBe(true);
      expect(second.path).toBe(a2.path);
      expect(await db.replicationJob.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
        state: "done",
        leaseToken: null,
      });
      expect(await db.asset.findUniqueOrThrow({ where: { id: a1.id } })).toMatchObject({ bpState: "published" });
      expect((await db.replicationAgent.findUniqueOrThrow({ where: { id: a } })).busyToken).toBe(second.leaseToken);

      // Nothing left to claim: the success is written and the agent is free again.
      const last = parkedSuccess(second);
      expect(await claimJob(a, { ...opts, nowMs: Date.now(), finish: last.parked })).toBeNull();
      expect(await last.held).toBe(true);
      expect(await db.replicationJob.count({ where: { state: "done" } })).toBe(2);
      expect((await db.replicationAgent.findUniqueOrThrow({ where: { id: a } })).busyToken).toBeNull();

      // A lease lost meanwhile: the success changes nothing.
      await enqueueNow({ configId, items: [{ action: "publish", kind: "asset", path: a1.path }] });
      const third = (await claimJob(a, { ...opts, nowMs: Date.now() }))!;
      await db.replicationJob.update({ where: { id: third.id }, data: { leaseToken: "another-worker" } });
      const stale = parkedSuccess(third);
      expect(await claimJob(a, { ...opts, nowMs: Date.now(), finish: stale.parked })).toBeNull();
      expect(await stale.held).toBe(false);
      expect((await db.replicationJob.findUniqueOrThrow({ where: { id: third.id } })).state).toBe("running");
    },
  );

  it.runIf(dbProvider === "postgresql")(
    "a claim refused because another node delivers for the agent costs one statement",
    async () => {
      await enqueueNow({ configId, items: items(8) });
      const a = agents[0].id;
      expect(await claimJob(a, { owner: "node-1", nowMs: Date.now(), leaseMs: LEASE })).not.toBeNull();
      const before = (await planCounts()).generic;
      // not three (own, expired, helping) and a release of a mark it never took
      expect(await claimJob(a, { owner: "node-2", nowMs: Date.now(), leaseMs: LEASE })).toBeNull();
      expect((await planCounts()).generic - before).toBe(2); // the claim, and this count
    },
  );

  it.runIf(dbProvider === "postgresql")(
    "a node over its share does not mark a free agent, and tells the other nodes to take it",
    async () => {
      for (const id of ["node-a", "node-b"]) await workerNode(id, new Date()); // two agents each
      await enqueueNow({ configId, items: items(8) });
      const claim = (i: number, owner: string) => claimJob(agents[i].id, { owner, nowMs: Date.now(), leaseMs: LEASE });
      expect(await claim(0, "node-b")).not.toBeNull();
      expect(await claim(1, "node-b")).not.toBeNull();
      const listener = new pg.Client({ connectionString: databaseUrl });
      await listener.connect();
      try {
        await listener.query("LISTEN outpost_wake");
        const told = new Promise((resolve) =>
          listener.on("notification", (n) => {
            const msg = JSON.parse(n.payload ?? "{}") as { kind?: string; arg?: string };
            if (msg.kind === "jobs") resolve(msg.arg);
          }),
        );
        // Another session holds the agent's row: a claim that marked it, even for a moment (and
        // so refused node-a's claim in that moment), would wait for it.
        await db.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT "id" FROM "ReplicationAgent" WHERE "id" = ${agents[2].id} FOR UPDATE`;
          const wait = new Promise((r) => setTimeout(() => r("waited for the row"), 2_000));
          expect(await Promise.race([claim(2, "node-b"), wait])).toBeNull();
        });
        const silence = new Promise((r) => setTimeout(() => r("no signal in 5 s"), 5_000));
        expect(await Promise.race([told, silence])).toBe(configId);
      } finally {
        await listener.end();
      }
      expect(await claim(2, "node-a")).not.toBeNull();
    },
  );

  it("a node's share counts the agents it delivers for, not those it is only looking at", async () => {
    // two live worker nodes: each may keep two of the four agents busy
    for (const id of ["node-a", "node-b"]) await workerNode(id, new Date());
    // node-a's workers of agents 2 and 3 are claiming and will find nothing: their marks are there
    // for a moment, with no delivery. When a job is enqueued, every worker wakes at once like this.
    await db.replicationAgent.updateMany({
      where: { id: { in: [agents[1].id, agents[2].id] } },
      data: { busyOwner: "node-a", busyToken: "looking", busyUntil: new Date(Date.now() + LEASE) },
    });
    await enqueueNow({ configId, items: items(1) });
    expect(await claimJob(agents[0].id, { owner: "node-a", nowMs: Date.now(), leaseMs: LEASE })).not.toBeNull();
  });

  it("one delivery per agent and the cap hold when every node claims at the same moment", async () => {
    await enqueueNow({ configId, items: items(40) });
    const now = Date.now();
    // node by node, every agent asked: the first claims of all the nodes go out together
    const atOnce = (agentIds: string[], nowMs: number) =>
      Promise.all(
        Array.from({ length: 6 }, (_, node) =>
          agentIds.map((id) => claimJob(id, { owner: `node-${node}`, nowMs, leaseMs: LEASE })),
        ).flat(),
      ).then((got) => got.filter(Boolean));
    // six nodes, one agent: one delivery
    expect(await atOnce([agents[0].id], now)).toHaveLength(1);
    // six nodes, the other three agents, a cap of 2 a minute with 1 claimed: one more
    await db.brandPortalConfig.update({ where: { id: configId }, data: { throughputPerMinute: 2 } });
    expect(
      await atOnce(
        agents.slice(1).map((a) => a.id),
        now + 1,
      ),
    ).toHaveLength(1);
  });

  it("a node found lost leaves its agents to the other nodes at once", async () => {
    await enqueueNow({ configId, items: items(16) });
    const a = agents[0].id;
    const t0 = Date.now();
    const claim = (owner: string, nowMs: number) => claimJob(a, { owner, nowMs, leaseMs: LEASE, help: false });
    expect(await claim("node-lost", t0)).not.toBeNull();
    expect(await claim("node-2", t0)).toBeNull();
    await workerNode("node-lost", new Date(t0 - 3600_000));
    expect(await reclaimLostLeases(t0)).toBe(1);
    expect(await claim("node-2", t0 + 1)).not.toBeNull();
    expect(await claim("node-lost", t0 + 2)).toBeNull(); // back after all: the agent is node-2's now
  });

  it("the configuration's throughput cap holds for all agents together, per minute", async () => {
    await db.brandPortalConfig.update({ where: { id: configId }, data: { throughputPerMinute: 3 } });
    await enqueueNow({ configId, items: items(8) });
    const t0 = Date.now();
    const claimAll = async (nowMs: number) => {
      const got = [];
      for (const a of agents) {
        const job = await claimJob(a.id, { owner: `node-${a.position}`, nowMs, leaseMs: LEASE });
        if (job) got.push(await done(job));
      }
      return got.length;
    };
    expect(await claimAll(t0)).toBe(3);
    expect(await claimAll(t0 + 30_000)).toBe(0);
    expect(await claimAll(t0 + 60_001)).toBe(3);
    await db.brandPortalConfig.update({ where: { id: configId }, data: { throughputPerMinute: null } });
    expect(await claimAll(t0 + 60_002)).toBe(2);
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

  it("a publication whose items leave the queue unsent says so, and does not read as Completed", async () => {
    const user = await db.user.create({
      data: { login: `pub-${Date.now()}`, name: "Pub", role: "administrator", passwordHash: "x" },
    });
    const pub = await db.publication.create({
      data: { title: "Launch", action: "publish", configId, scope: "[]", state: "running", createdById: user.id },
    });
    await enqueueNow({ configId, publicationId: pub.id, items: items(8) });
    const agentId = agents[0].id;
    const mine = await db.replicationJob.findMany({ where: { agentId }, orderBy: { id: "asc" } });
    expect(mine).toHaveLength(2);
    await removeJob(agentId, mine[0].id);
    expect(await clearQueue(agentId)).toBe(1);
    // The other agents' jobs are delivered.
    const at = new Date();
    await db.replicationJob.updateMany({ where: { publicationId: pub.id }, data: { state: "done", completedAt: at } });
    const detail = await instanceDetail(pub.id, { id: user.id, role: "administrator" }, { page: 1, pageSize: 50 });
    expect(detail?.state).toBe("Completed with errors");
    expect(detail?.completedAt).toBe(at.toISOString()); // before the scheduler has recorded it
    expect(detail?.error).toBe(
      "1 item was removed from the queue of Brand Portal agent 1 (Remove) before it was sent: not delivered to Brand Portal. " +
        "1 item was removed from the queue of Brand Portal agent 1 (Clear) before it was sent: not delivered to Brand Portal.",
    );
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
