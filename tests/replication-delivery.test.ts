import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { generateConfigKeyPair } from "@/lib/cloud-services/key-pair";
import { db } from "@/lib/db";
import { manualClock } from "./support/manual-clock";
import { enqueueNow } from "@/lib/replication/queue/enqueue";
import { forceRetry } from "@/lib/replication/queue/queue-ops";
import { AgentWorker } from "@/lib/replication/worker/agent-worker";
import { startReplicationRuntime } from "@/lib/replication/worker/runtime";
import { createHttpTransport, type Transport } from "@/lib/http/transport";
import { readLog } from "@/lib/replication/log/read-log";
import { agentSummaries } from "@/lib/replication/agents/overview";
import { createAsset, ensureFolder } from "./support/replication-fixtures";
import { portalClock } from "@/lib/portal/verify-token";
import { closeInstallServer, startReplicationEnv } from "./support/replication-env";

await vi.hoisted(async () => (await import("./support/public-url")).usePublicUrlOnFreePort());

// Delivery over real HTTP: the agents' workers against the portal's route handlers and the
// embedded gateway's token endpoint, with faults injected by a proxy in front of the portal. Time is a manual clock: a
// retry happens when the test moves the clock to the job's next attempt, never after a sleep.

let env: Awaited<ReturnType<typeof startReplicationEnv>>;
let clock: ReturnType<typeof manualClock>;
let workers: AgentWorker[];

beforeEach(async () => {
  env = await startReplicationEnv();
  clock = manualClock(Date.now() + 60_000); // ahead of the jobs enqueued during the test (at real time)
  workers = env.agents.map((a) => new AgentWorker(a.id, { clock, settingsTtlMs: 0, random: () => 1, leaseMs: 30_000 }));
});
afterEach(async () => {
  for (const w of workers) await w.shutdown(0);
  await env.close();
  portalClock.now = () => Date.now();
  vi.useRealTimers();
});
afterAll(() => closeInstallServer());

const publish = (path: string) => ({ action: "publish" as const, kind: "asset" as const, path });
const drainAll = () => Promise.all(workers.map((w) => w.drain()));
const job = (path: string) => db.replicationJob.findFirstOrThrow({ where: { path }, orderBy: { id: "desc" } });
const portalAsset = (path: string) =>
  db.portalAsset.findUnique({ where: { tenantId_path: { tenantId: env.tenant.id, path } } });
/** Moves the clock to the job's next attempt and lets its agent run. */
async function runNextAttempt(path: string) {
  const j = await job(path);
  clock.set(Math.max(clock.now(), j.nextAttemptAt.getTime()));
  await workers.find((w) => w.agentId === j.agentId)!.drain();
  return job(path);
}

describe("delivery", () => {
  it("publishes assets, a folder and a collection with four agents in parallel and one token", async () => {
    const assets = await Promise.all(
      Array.from({ length: 12 }, (_, i) => createAsset(`/content/dam/run/a${i}.jpg`, { size: 50_000 + i })),
    );
    await ensureFolder("/content/dam/run");
    const col = await db.collection.create({
      data: { name: "run-col", title: "Run", members: { create: assets.slice(0, 3).map((a) => ({ assetId: a.id })) } },
    });
    const tokensBefore = await env.tokensIssued();
    const { perAgent } = await enqueueNow({
      configId: env.config.id,
      requestedBy: "user-1",
      items: [
        ...assets.map((a) => ({ ...publish(a.path), refId: a.id, version: 1 })),
        { action: "publish", kind: "folder", path: "/content/dam/run" },
        { action: "publish", kind: "collection", path: "/collections/run-col", refId: col.id },
      ],
    });
    expect(Object.values(perAgent).sort()).toEqual([3, 3, 4, 4]);
    const done = await drainAll();
    // every agent delivered about its share (one that finishes early helps the others)
    expect(done.reduce((a, b) => a + b)).toBe(14);
    expect(Math.min(...done)).toBeGreaterThanOrEqual(2);
    expect((await env.tokensIssued()) - tokensBefore).toBe(1); // one token for all of them
    expect(await db.replicationJob.count({ where: { configId: env.config.id, state: "done" } })).toBe(14);
    expect(await db.portalAsset.count({ where: { tenantId: env.tenant.id } })).toBe(12);
    const a0 = await db.asset.findUniqueOrThrow({ where: { id: assets[0].id } });
    expect(a0).toMatchObject({ bpState: "published", bpBy: "user-1", bpVersion: 1 });
    expect(
      await db.portalFolder.findFirst({ where: { tenantId: env.tenant.id, path: "/content/dam/run" } }),
    ).not.toBeNull();
    const pc = await db.portalCollection.findFirstOrThrow({ where: { tenantId: env.tenant.id, name: "run-col" } });
    expect(JSON.parse(pc.memberPaths)).toHaveLength(3);
    expect((await db.collection.findUniqueOrThrow({ where: { id: col.id } })).bpState).toBe("published");
    // one request per asset: 12 PUTs of assets went through the proxy, no more …
    expect(env.proxy.log.filter((l) => l.method === "PUT" && l.path.includes("/assets")).length).toBe(12);
    // … over kept-alive connections: one per agent for its 3–4 requests
    expect(env.proxy.connections()).toBe(4);
    // the log has every attempt
    const log = await readLog(env.agents[0].id, {});
    expect(log.rows.length).toBeGreaterThanOrEqual(3);
    // (an agent that finished its share helps the others, so its log may hold the folder or collection too)
    expect(log.rows.find((r) => r.result === "created" && r.path?.endsWith(".jpg"))).toMatchObject({
      level: "info",
      action: "publish",
      statusCode: 201,
      path: expect.stringMatching(/^\/content\/dam\/run\//),
    });
    expect(log.rows.find((r) => r.bytes)?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("portal answers 500 twice then 200: delivered once", async () => {
    const a = await createAsset("/content/dam/f/500.jpg", { size: 20_000 });
    let fails = 2;
    env.proxy.plan((r) =>
      r.method === "PUT" && fails-- > 0
        ? { kind: "status", status: 500, body: { error: "server_error", message: "boom" } }
        : { kind: "pass" },
    );
    await enqueueNow({ configId: env.config.id, items: [publish(a.path)] });
    await drainAll();
    let j = await job(a.path);
    expect(j).toMatchObject({ state: "queued", attempts: 1, lastStatus: 500 });
    expect(j.lastError).toMatch(/HTTP 500 server_error: boom/);
    expect(j.nextAttemptAt.getTime() - clock.now()).toBe(60_000); // Retry Delay, attempt 1, jitter at its top
    j = await runNextAttempt(a.path);
    expect(j).toMatchObject({ state: "queued", attempts: 2 });
    j = await runNextAttempt(a.path);
    expect(j).toMatchObject({ state: "done", attempts: 3, result: "created" });
    expect(await db.portalAsset.count({ where: { tenantId: env.tenant.id } })).toBe(1);
    expect(env.proxy.log.filter((l) => l.method === "PUT").map((l) => l.status)).toEqual([500, 500, 201]);
  });

  it("portal down for a while: retried, nothing lost, delivered when it is back", async () => {
    const assets = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((i) => createAsset(`/content/dam/down/${i}.jpg`, { size: 10_000 })),
    );
    await env.proxy.down();
    await enqueueNow({ configId: env.config.id, items: assets.map((a) => publish(a.path)) });
    await drainAll();
    const waiting = await db.replicationJob.findMany({ where: { configId: env.config.id } });
    expect(
      waiting.every(
        (j) =>
          j.state === "queued" && j.attempts === 1 && /Connection refused by 127\.0\.0\.1:\d+/.test(j.lastError ?? ""),
      ),
    ).toBe(true);
    clock.advance(60_000);
    await drainAll(); // still down
    expect(await db.replicationJob.count({ where: { configId: env.config.id, attempts: 2, state: "queued" } })).toBe(6);
    await env.proxy.up();
    clock.advance(120_000);
    await drainAll();
    expect(await db.replicationJob.count({ where: { configId: env.config.id, state: "done" } })).toBe(6);
    expect(await db.portalAsset.count({ where: { tenantId: env.tenant.id } })).toBe(6);
  });

  it("a truncated or damaged upload is refused by the portal (400/422), stored nowhere, and sent again", async () => {
    const a = await createAsset("/content/dam/f/cut.jpg", { size: 300_000 });
    const b = await createAsset("/content/dam/f/bent.jpg", { size: 300_000 });
    const faults = new Map([
      [a.path, "truncate"],
      [b.path, "corrupt"],
    ]);
    env.proxy.plan((r) => {
      const p = new URL(r.path, "http://x").searchParams.get("path") ?? "";
      const f = faults.get(p);
      faults.delete(p);
      return f === "truncate"
        ? { kind: "truncate", afterBytes: 100_000 }
        : f === "corrupt"
          ? { kind: "corrupt" }
          : { kind: "pass" };
    });
    await enqueueNow({ configId: env.config.id, items: [publish(a.path), publish(b.path)] });
    await drainAll();
    expect(await job(a.path)).toMatchObject({ state: "queued", lastStatus: 400 });
    expect((await job(a.path)).lastError).toMatch(/truncated/);
    expect(await job(b.path)).toMatchObject({ state: "queued", lastStatus: 422 });
    expect((await job(b.path)).lastError).toMatch(/does not match its SHA-256/);
    expect(await db.portalAsset.count({ where: { tenantId: env.tenant.id } })).toBe(0);
    await runNextAttempt(a.path);
    await runNextAttempt(b.path);
    expect(await job(a.path)).toMatchObject({ state: "done", attempts: 2 });
    expect(await job(b.path)).toMatchObject({ state: "done", attempts: 2 });
    expect((await portalAsset(a.path))?.sha256).toBe(a.sha256);
  });

  it("a job for an asset deleted meanwhile is skipped with a reason", async () => {
    const a = await createAsset("/content/dam/f/deleted.jpg");
    await enqueueNow({ configId: env.config.id, items: [publish(a.path)] });
    await db.asset.delete({ where: { id: a.id } });
    await drainAll();
    const j = await job(a.path);
    expect(j.state).toBe("skipped");
    expect(j.result).toBe("The asset /content/dam/f/deleted.jpg was deleted after it was queued: nothing to publish.");
    expect(env.proxy.log).toHaveLength(0);
    const log = await readLog(j.agentId, { q: "deleted.jpg" });
    expect(log.rows[0].message).toMatch(/skipped/);
  });

  it("publish then unpublish of one asset arrive in that order, whichever agents hold them", async () => {
    const a = await createAsset("/content/dam/f/order.jpg", { size: 200_000 });
    await enqueueNow({ configId: env.config.id, items: [publish(a.path)] });
    await enqueueNow({ configId: env.config.id, items: [{ action: "unpublish", kind: "asset", path: a.path }] });
    const [p, u] = await db.replicationJob.findMany({ where: { path: a.path }, orderBy: { id: "asc" } });
    expect(p.agentId).not.toBe(u.agentId);
    // run the unpublish's agent first: it helps with the publish (the older job), then sends the unpublish
    await workers.find((w) => w.agentId === u.agentId)!.drain();
    expect((await db.replicationJob.findUniqueOrThrow({ where: { id: p.id } })).agentId).toBe(u.agentId);
    await drainAll();
    expect(env.proxy.log.map((l) => l.method)).toEqual(["PUT", "DELETE"]);
    expect(await portalAsset(a.path)).toBeNull();
    expect((await db.asset.findUniqueOrThrow({ where: { id: a.id } })).bpState).toBe("unpublished");
  });
});

describe("tokens", () => {
  it("a token the portal refuses as expired mid-run is replaced once, and the new one reused", async () => {
    const assets = await Promise.all([1, 2, 3, 4, 5].map((i) => createAsset(`/content/dam/t/${i}.jpg`)));
    // The portal's clock is an hour and more ahead for the first request: it sees the token expired.
    let skew = 0;
    portalClock.now = () => Date.now() + skew;
    env.proxy.plan((r) => {
      skew = r.n === 0 ? 3700_000 : 0;
      return { kind: "pass" };
    });
    await enqueueNow({ configId: env.config.id, items: assets.map((a) => publish(a.path)) });
    await workers[0].drain(); // one agent, in order, so the refusal hits the first request
    await drainAll();
    expect(await env.tokensIssued()).toBe(2);
    expect(await db.replicationJob.count({ where: { configId: env.config.id, state: "done", attempts: 1 } })).toBe(5);
    expect(env.proxy.log.map((l) => l.status)).toEqual([401, 201, 201, 201, 201, 201]);
  });

  it("a token about to expire is renewed before it is used, once", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const first = await createAsset("/content/dam/t/early.jpg");
    await enqueueNow({ configId: env.config.id, items: [publish(first.path)] });
    clock.set(Date.now() + 1_000);
    await drainAll();
    expect(await env.tokensIssued()).toBe(1);
    // 59 minutes later, for everyone (gateway, portal, agents): inside the renewal margin.
    vi.setSystemTime(Date.now() + 3_540_000);
    clock.set(Date.now() + 1_000);
    const later = await Promise.all([1, 2, 3].map((i) => createAsset(`/content/dam/t/late-${i}.jpg`)));
    await enqueueNow({ configId: env.config.id, items: later.map((a) => publish(a.path)) });
    await drainAll();
    expect(await env.tokensIssued()).toBe(2);
    expect(env.proxy.log.filter((l) => l.status === 401)).toHaveLength(0);
    const cfg = await db.brandPortalConfig.findUniqueOrThrow({ where: { id: env.config.id } });
    expect(cfg).toMatchObject({ lastTokenOk: true, lastTokenError: null });
    expect(cfg.tokenExpiresAt!.getTime()).toBeGreaterThan(clock.now() + 3_500_000);
  });

  it("a token the portal keeps refusing gets one fresh token, then the job fails as an auth error", async () => {
    portalClock.now = () => Date.now() + 7200_000; // every token looks expired to the portal
    const a = await createAsset("/content/dam/t/refused.jpg");
    await enqueueNow({ configId: env.config.id, items: [publish(a.path)] });
    await drainAll();
    const j = await job(a.path);
    expect(j).toMatchObject({ state: "failed", attempts: 1, lastStatus: 401 });
    expect(j.lastError).toBe(
      "Auth error: the portal refused a fresh access token: The access token has expired. Check that the tenant trusts this gateway and organization.",
    );
    expect(await env.tokensIssued()).toBe(2);
    expect((await db.asset.findUniqueOrThrow({ where: { id: a.id } })).bpState).toBe("failed");
  });

  it("a gateway that refuses the token blocks the agent without using up the job's attempts", async () => {
    const a = await createAsset("/content/dam/t/blocked.jpg");
    const behind = [await createAsset("/content/dam/t/behind-1.jpg"), await createAsset("/content/dam/t/behind-2.jpg")];
    await env.setApp({ publicKey: (await generateConfigKeyPair()).publicKeyPem }); // someone pasted another key
    // all on one agent, so that the jobs behind the deferred one wait on it
    for (const x of workers.slice(1))
      await db.replicationAgent.update({ where: { id: x.agentId }, data: { enabled: false } });
    await enqueueNow({ configId: env.config.id, items: [a, ...behind].map((x) => publish(x.path)) });
    await drainAll();
    const j = await job(a.path);
    expect(j).toMatchObject({ state: "queued", attempts: 0 });
    expect(await job(behind[0].path)).toMatchObject({ state: "queued", attempts: 0, lastError: null });
    const [held] = await agentSummaries({ id: j.agentId });
    expect(held.queue).toMatchObject({ state: "blocked", pending: 3 });
    expect(j.lastError).toMatch(/key in the gateway application does not match/);
    const agent = await db.replicationAgent.findUniqueOrThrow({ where: { id: j.agentId } });
    expect(agent.lastError).toMatch(/public key/);
    const log = await readLog(j.agentId, { q: "blocked.jpg" });
    const blocked = log.rows.find((r) => r.result === "blocked")!;
    expect(blocked.message).toMatch(/\(not counted as an attempt; the agent waits until \d{4}-/);
    const w = workers.find((x) => x.agentId === j.agentId)!;
    expect(await w.tick()).toBe("blocked");
    expect((await db.brandPortalConfig.findUniqueOrThrow({ where: { id: env.config.id } })).lastTokenOk).toBe(false);
    await env.setApp({}); // the admin pastes the right key …
    await forceRetry(j.agentId); // … and forces a retry
    w.unblock();
    expect(await w.tick()).toBe("worked");
    await w.settled(); // on PostgreSQL a success is written with the next claim
    expect(await job(a.path)).toMatchObject({ state: "done", attempts: 1 });
    expect((await agentSummaries({ id: j.agentId }))[0].queue).toMatchObject({ state: "active", pending: 2 });
    await w.drain();
    const [recovered] = await agentSummaries({ id: j.agentId });
    expect(recovered.queue).toMatchObject({ state: "idle", pending: 0 });
  });
});

describe("failures that do not go away", () => {
  it("a 4xx is permanent; a job that keeps failing is parked after Max attempts; the queue goes on", async () => {
    await db.replicationAgent.updateMany({ where: { configId: env.config.id }, data: { maxAttempts: 3 } });
    const bad = await createAsset("/content/dam/p/bad.jpg");
    const flaky = await createAsset("/content/dam/p/flaky.jpg");
    const good = await createAsset("/content/dam/p/good.jpg");
    env.proxy.plan((r) =>
      r.path.includes("bad.jpg")
        ? { kind: "status", status: 409, body: { error: "conflict", message: "nope" } }
        : r.path.includes("flaky.jpg")
          ? { kind: "status", status: 503, body: { error: "unavailable", message: "later" } }
          : { kind: "pass" },
    );
    // all three on one agent, so one agent's queue must go on past its broken items
    for (const a of workers.slice(1))
      await db.replicationAgent.update({ where: { id: a.agentId }, data: { enabled: false } });
    await enqueueNow({ configId: env.config.id, items: [publish(bad.path), publish(flaky.path), publish(good.path)] });
    await workers[0].drain();
    expect(await job(bad.path)).toMatchObject({ state: "failed", attempts: 1, lastStatus: 409 });
    expect(await job(good.path)).toMatchObject({ state: "done" });
    for (let i = 0; i < 3; i++) await runNextAttempt(flaky.path);
    const j = await job(flaky.path);
    expect(j).toMatchObject({ state: "failed", attempts: 3, lastStatus: 503 });
    expect(j.lastError).toMatch(/gave up after 3 attempts/);
    expect((await db.asset.findUniqueOrThrow({ where: { id: flaky.id } })).bpState).toBe("failed");
  });

  it("a failure between deliveries leaves the queue active: the next success is written at once", async () => {
    const [ok1, flaky, ok2, ok3] = await Promise.all(
      ["ok1", "flaky", "ok2", "ok3"].map((n) => createAsset(`/content/dam/m/${n}.jpg`)),
    );
    env.proxy.plan((r) =>
      r.path.includes("flaky.jpg")
        ? { kind: "status", status: 503, body: { error: "unavailable", message: "later" } }
        : { kind: "pass" },
    );
    for (const a of workers.slice(1))
      await db.replicationAgent.update({ where: { id: a.agentId }, data: { enabled: false } });
    await enqueueNow({ configId: env.config.id, items: [ok1, flaky, ok2, ok3].map((a) => publish(a.path)) });
    for (const path of [ok1.path, flaky.path, ok2.path]) {
      expect(await workers[0].tick()).toBe("worked");
      await workers[0].settled();
      expect(await job(path)).toMatchObject({ state: path === flaky.path ? "queued" : "done" });
      clock.advance(500); // within the 2 s in which a success is not written again
    }
    const [moving] = await agentSummaries({ id: workers[0].agentId });
    expect(moving.queue).toMatchObject({ state: "active", pending: 2 });
  });
});

describe("item status", () => {
  it("stays pending while a newer job for the same path is still to run", async () => {
    const a = await createAsset("/content/dam/s/twice.jpg");
    await enqueueNow({ configId: env.config.id, items: [publish(a.path)] });
    await enqueueNow({ configId: env.config.id, items: [publish(a.path)] });
    const [first] = await db.replicationJob.findMany({ where: { path: a.path }, orderBy: { id: "asc" } });
    const w = workers.find((x) => x.agentId === first.agentId)!;
    await w.tick();
    await w.settled(); // a success is recorded while the next job is claimed
    expect((await db.replicationJob.findUniqueOrThrow({ where: { id: first.id } })).state).toBe("done");
    expect((await db.asset.findUniqueOrThrow({ where: { id: a.id } })).bpState).toBe("pending");
    await drainAll();
    expect((await db.asset.findUniqueOrThrow({ where: { id: a.id } })).bpState).toBe("published");
    expect(env.proxy.log.map((l) => l.status)).toEqual([201, 200]); // the repeat was a no-op at the portal
  });

  it("a binary missing from the asset store fails the job with that reason", async () => {
    const a = await createAsset("/content/dam/s/lost.jpg", { size: 5000 });
    const { assetBlobs } = await import("@/lib/storage/stores");
    await assetBlobs.remove(a.sha256);
    await enqueueNow({ configId: env.config.id, items: [publish(a.path)] });
    await drainAll();
    const j = await job(a.path);
    expect(j.state).toBe("failed");
    expect(j.lastError).toMatch(/^The binary of \/content\/dam\/s\/lost\.jpg is missing from the asset store/);
  });
});

describe("shutdown", () => {
  it("a worker stopped mid-upload hands its job back at once, without using up an attempt", async () => {
    const a = await createAsset("/content/dam/s/stopped.bin", { size: 2 * 1024 * 1024 });
    let stalled!: () => void;
    const midUpload = new Promise<void>((r) => (stalled = r));
    env.proxy.plan(() => ({ kind: "stall", afterBytes: 256 * 1024, onStall: () => stalled() }));
    await enqueueNow({ configId: env.config.id, items: [publish(a.path)] });
    const j = await job(a.path);
    const w = workers.find((x) => x.agentId === j.agentId)!;
    const ticking = w.tick();
    await midUpload;
    expect(await job(a.path)).toMatchObject({ state: "running", attempts: 1 });
    await w.shutdown(0); // SIGTERM with no grace left
    await ticking;
    expect(await job(a.path)).toMatchObject({ state: "queued", attempts: 0, leaseToken: null });
    env.proxy.pass();
    const next = new AgentWorker(j.agentId, { clock, settingsTtlMs: 0 });
    expect(await next.drain()).toBe(1);
    await next.shutdown(0);
    expect(await job(a.path)).toMatchObject({ state: "done", attempts: 1 });
  });
});

describe("runtime", () => {
  it("runs every agent's worker, wakes on enqueue, and stops gracefully", async () => {
    let tokens = 0; // token requests, counted on the agents' own transports
    const counting = (t: Transport): Transport => ({
      close: () => t.close(),
      request: (r) => {
        if (r.method === "POST" && r.url.includes("/oauth/token")) tokens++;
        return t.request(r);
      },
    });
    const runtime = startReplicationRuntime({
      pollMs: 50,
      superviseMs: 100,
      transport: () => counting(createHttpTransport({ maxSockets: 2 })),
    });
    try {
      const assets = await Promise.all(Array.from({ length: 8 }, (_, i) => createAsset(`/content/dam/rt/${i}.jpg`)));
      await enqueueNow({ configId: env.config.id, items: assets.map((a) => publish(a.path)) });
      await vi.waitFor(
        async () =>
          expect(await db.replicationJob.count({ where: { configId: env.config.id, state: "done" } })).toBe(8),
        { timeout: 30_000, interval: 50 },
      );
      expect(tokens).toBeLessThanOrEqual(1);
      expect(
        new Set((await db.replicationJob.findMany({ where: { configId: env.config.id } })).map((j) => j.agentId)).size,
      ).toBe(4);
    } finally {
      await runtime.stop();
    }
  });
});
