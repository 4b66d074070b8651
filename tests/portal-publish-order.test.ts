import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { manualClock } from "./support/manual-clock";
import { enqueueNow } from "@/lib/replication/queue/enqueue";
import { publishNow } from "@/lib/publication/create-publication";
import { finishPublications } from "@/lib/publication/finish-publications";
import { instanceDetail } from "@/lib/publication/progress";
import { AgentWorker } from "@/lib/replication/worker/agent-worker";
import { retryJob } from "@/lib/replication/queue/queue-ops";
import { readLog } from "@/lib/replication/log/read-log";
import { createAsset, ensureFolder } from "./support/replication-fixtures";
import { closeInstallServer, startReplicationEnv } from "./support/replication-env";

await vi.hoisted(async () => (await import("./support/public-url")).usePublicUrlOnFreePort());

// Publish, unpublish and the requests that arrive late (docs/replication-protocol.md, "Order"):
// the agents' real workers against the portal's route handlers on a real HTTP server, with a proxy
// that holds a chosen request. A held request is sent again by another worker once its lease has
// run out (as after a node died mid-upload), so the original arrives after the newer requests.

const LEASE_MS = 30_000;
let env: Awaited<ReturnType<typeof startReplicationEnv>>;
let clock: ReturnType<typeof manualClock>;
let workers: AgentWorker[];

// No heartbeat during the test: a held request's lease runs out when the clock is moved past it.
const worker = (agentId: string) => {
  const w = new AgentWorker(agentId, { clock, settingsTtlMs: 0, leaseMs: LEASE_MS, heartbeatMs: 3_600_000 });
  workers.push(w);
  return w;
};

beforeEach(async () => {
  env = await startReplicationEnv();
  clock = manualClock(Date.now() + 60_000);
  workers = [];
});
afterEach(async () => {
  for (const w of workers) await w.shutdown(0);
  await env.close();
});
afterAll(() => closeInstallServer());

const portalAsset = (path: string) =>
  db.portalAsset.findUnique({ where: { tenantId_path: { tenantId: env.tenant.id, path } } });
const lastJob = (path: string) => db.replicationJob.findFirstOrThrow({ where: { path }, orderBy: { id: "desc" } });
const enqueue = (action: "publish" | "unpublish", kind: "asset" | "folder", path: string) =>
  enqueueNow({ configId: env.config.id, requestedBy: "user-1", items: [{ action, kind, path }] });

/** Runs every agent of the configuration, one worker each, until nothing is due. */
async function drainAgents(count = 4) {
  const ws = env.agents.slice(0, count).map((a) => worker(a.id));
  // one agent at a time would not overlap; all together, in parallel
  await Promise.all(ws.map((w) => w.drain()));
}

/**
 * Sends the path's newest job and holds its request at the proxy (an upload half way through, or
 * a request that has not arrived at all); the job's lease runs out and another worker sends it
 * again, which goes through. Returns `release` (the held request then arrives) and the held
 * worker's tick.
 */
async function sendHeldThenAgain(path: string, how: "mid-upload" | "whole request") {
  const job = await lastJob(path);
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const holding = new Promise<void>((r) => (held = r));
  let first = true;
  env.proxy.plan((r) => {
    if (r.headers["x-publish-sequence"] !== String(job.id) || !first) return { kind: "pass" };
    first = false;
    return how === "mid-upload"
      ? { kind: "hold", afterBytes: 64 * 1024, onHold: held, release: released }
      : { kind: "delay", onHold: held, release: released };
  });
  const ticking = worker(job.agentId).tick();
  await holding;
  clock.set(clock.now() + LEASE_MS + 1_000);
  await worker(job.agentId).drain(); // claims the job whose lease ran out, and sends it again
  expect(await db.replicationJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: "done" });
  return {
    release: async () => {
      release();
      await ticking;
      env.proxy.pass();
    },
  };
}

describe("unpublish against a delayed upload", () => {
  it("an upload held until after the unpublish does not bring the asset back", async () => {
    const a = await createAsset("/content/dam/race/held.jpg", { size: 1024 * 1024 });
    await enqueue("publish", "asset", a.path);
    const upload = await sendHeldThenAgain(a.path, "mid-upload");
    expect(await portalAsset(a.path)).not.toBeNull(); // the second sending arrived

    await enqueue("unpublish", "asset", a.path);
    await drainAgents();
    expect(await portalAsset(a.path)).toBeNull();
    const unpublish = await lastJob(a.path);
    expect(
      await db.portalTombstone.findFirst({ where: { tenantId: env.tenant.id, kind: "asset", path: a.path } }),
    ).toMatchObject({ source: env.config.id, sequence: unpublish.id });

    await upload.release(); // the first upload's last bytes arrive now
    const late = env.proxy.log.filter((l) => l.method === "PUT")[0];
    expect(late.status).toBe(200); // answered "stale": dropped
    expect(await portalAsset(a.path)).toBeNull();
    expect(await db.portalFolder.count({ where: { tenantId: env.tenant.id } })).toBe(0); // left empty: gone
    expect((await db.asset.findUniqueOrThrow({ where: { id: a.id } })).bpState).toBe("unpublished");
  });

  it("an upload that arrives whole after its folder was unpublished is dropped too", async () => {
    const a = await createAsset("/content/dam/race2/sub/late.jpg", { size: 300_000 });
    await ensureFolder("/content/dam/race2");
    await enqueue("publish", "asset", a.path);
    const upload = await sendHeldThenAgain(a.path, "whole request");
    await enqueue("unpublish", "folder", "/content/dam/race2");
    await drainAgents();
    expect(await portalAsset(a.path)).toBeNull();
    await upload.release();
    expect(await portalAsset(a.path)).toBeNull();
    expect(await db.portalFolder.count({ where: { tenantId: env.tenant.id } })).toBe(0);
  });
});

describe("publish → unpublish → publish of one path", () => {
  for (const agents of [1, 4]) {
    it(`ends published with ${agents} agent${agents === 1 ? "" : "s"}`, async () => {
      const a = await createAsset(`/content/dam/ppp${agents}/logo.png`, { size: 200_000, mimeType: "image/png" });
      // three enqueues: the jobs land on different agents
      await enqueue("publish", "asset", a.path);
      await enqueue("unpublish", "asset", a.path);
      await enqueue("publish", "asset", a.path);
      await drainAgents(agents);
      expect(env.proxy.log.map((l) => l.method)).toEqual(["PUT", "DELETE", "PUT"]);
      const last = await lastJob(a.path);
      expect(await portalAsset(a.path)).toMatchObject({ version: 1, sequence: last.id, seqSource: env.config.id });
      expect(await db.portalTombstone.count({ where: { tenantId: env.tenant.id, path: a.path } })).toBe(0);
      expect((await db.asset.findUniqueOrThrow({ where: { id: a.id } })).bpState).toBe("published");
    });
  }

  it("ends published with 4 agents when the first upload and the unpublish both arrive again, late", async () => {
    const a = await createAsset("/content/dam/ppp-late/logo.png", { size: 500_000, mimeType: "image/png" });
    await enqueue("publish", "asset", a.path);
    const firstUpload = await sendHeldThenAgain(a.path, "mid-upload");
    await enqueue("unpublish", "asset", a.path);
    const unpublish = await sendHeldThenAgain(a.path, "whole request");
    expect(await portalAsset(a.path)).toBeNull();
    await enqueue("publish", "asset", a.path);
    await drainAgents();
    const last = await lastJob(a.path);
    expect(await portalAsset(a.path)).toMatchObject({ sequence: last.id });

    await unpublish.release(); // the unpublish's first request arrives after the new publish: stale
    expect(await portalAsset(a.path)).toMatchObject({ sequence: last.id });
    await firstUpload.release(); // and the very first upload: stale as well
    expect(await portalAsset(a.path)).toMatchObject({ sequence: last.id });
    expect(env.proxy.log.filter((l) => l.method === "DELETE").map((l) => l.status)).toEqual([200, 200]);
    expect((await db.asset.findUniqueOrThrow({ where: { id: a.id } })).bpState).toBe("published");
  });
});

describe("two people publishing the same folder at once", () => {
  async function twoAuthorsAndAFolder(prefix: string) {
    const users = [];
    for (const login of [`${prefix}-ann`, `${prefix}-bob`])
      users.push(await db.user.create({ data: { login, name: login, role: "author", passwordHash: "x" } }));
    const folder = await ensureFolder(`/content/dam/${prefix}`);
    const assets = [];
    for (let i = 0; i < 6; i++) assets.push(await createAsset(`${folder.path}/a${i}.jpg`, { size: 50_000 }));
    return { users, folder, assets };
  }

  /**
   * Drains the agents until no job of the folder is left: a path's second job waits for its first,
   * which another agent may still be sending when this agent's drain finds nothing due.
   */
  async function drainAll(folderPath: string) {
    const live = () =>
      db.replicationJob.count({ where: { path: { startsWith: folderPath }, state: { in: ["queued", "running"] } } });
    for (let i = 0; i < 5 && (await live()); i++) await drainAgents();
    expect(await live()).toBe(0);
  }

  /** The portal holds an asset exactly when the console says it is published: one consistent state. */
  async function expectConsistent(assets: { id: string; path: string }[]) {
    for (const a of assets) {
      const state = (await db.asset.findUniqueOrThrow({ where: { id: a.id } })).bpState;
      const atPortal = await db.portalAsset.count({ where: { tenantId: env.tenant.id, path: a.path } });
      expect({ path: a.path, atPortal }).toEqual({ path: a.path, atPortal: state === "published" ? 1 : 0 });
    }
  }

  it("both publishes are accepted and complete; every asset is at the portal once", async () => {
    const { users, folder, assets } = await twoAuthorsAndAFolder("twice");
    const [a, b] = await Promise.all(
      users.map((u) =>
        publishNow({
          action: "publish",
          items: [{ kind: "folder", id: folder.id }],
          userId: u.id,
          configId: env.config.id,
        }),
      ),
    );
    expect([a.jobs, b.jobs]).toEqual([7, 7]); // the folder and its six assets, each
    await drainAll(folder.path);
    await finishPublications(Date.now());
    for (const [p, u] of [
      [a, users[0]],
      [b, users[1]],
    ] as const)
      expect((await instanceDetail(p.id, u, { page: 1, pageSize: 50 })).state).toBe("Completed");
    expect(await db.portalAsset.count({ where: { tenantId: env.tenant.id } })).toBe(assets.length);
    await expectConsistent(assets);
  });

  it("a publish and an unpublish at once: the one accepted last holds for every asset, in the console and the portal", async () => {
    const { users, folder, assets } = await twoAuthorsAndAFolder("both-ways");
    const items = [{ kind: "folder" as const, id: folder.id }];
    await Promise.all([
      publishNow({ action: "publish", items, userId: users[0].id, configId: env.config.id }),
      publishNow({ action: "unpublish", items, userId: users[1].id, configId: env.config.id }),
    ]);
    await drainAll(folder.path);
    await expectConsistent(assets);
    // Enqueues of one configuration are serialised, so one publication's jobs all come after the
    // other's; the folder's removal keeps what a later request published, and an asset's removal
    // that the folder's took first is "absent" (unpublished), not "stale" (left as it was).
    const last = await db.replicationJob.findFirstOrThrow({
      where: { path: { startsWith: folder.path } },
      orderBy: { id: "desc" },
    });
    const states = await db.asset.findMany({ where: { folderId: folder.id }, select: { bpState: true } });
    const expected = last.action === "publish" ? "published" : "unpublished";
    expect(states.map((a) => a.bpState)).toEqual(assets.map(() => expected));
  });
});

describe("a parked job sent again after a newer one for its path went through", () => {
  // Retry of a job that failed for good, after a later publish or unpublish of the same path was
  // delivered: the portal answers "stale" (it kept the newer request). The job is done, not sent
  // again, the item's status stays as the newer request left it, and the log says why.
  for (const [first, second, kept] of [
    ["publish", "unpublish", "unpublished"],
    ["unpublish", "publish", "published"],
  ] as const) {
    it(`a ${first} retried after a later ${second} leaves the item ${kept}`, async () => {
      const a = await createAsset(`/content/dam/stale-${first}/logo.png`, { size: 50_000, mimeType: "image/png" });
      if (first === "unpublish") {
        await enqueue("publish", "asset", a.path);
        await drainAgents();
      }
      await enqueue(first, "asset", a.path);
      const parked = await lastJob(a.path);
      // The portal refuses it (a permanent error): parked as failed.
      env.proxy.plan((r) =>
        r.headers["x-publish-sequence"] === String(parked.id)
          ? { kind: "status", status: 400, body: { error: "invalid_request", message: "refused once" } }
          : { kind: "pass" },
      );
      await drainAgents();
      expect(await db.replicationJob.findUniqueOrThrow({ where: { id: parked.id } })).toMatchObject({
        state: "failed",
      });
      env.proxy.pass();
      await enqueue(second, "asset", a.path);
      await drainAgents();
      expect((await db.asset.findUniqueOrThrow({ where: { id: a.id } })).bpState).toBe(kept);
      const portalBefore = await portalAsset(a.path);

      await retryJob(parked.agentId, parked.id);
      expect((await db.asset.findUniqueOrThrow({ where: { id: a.id } })).bpState).toBe("pending");
      await drainAgents();

      const sent = env.proxy.log.filter((l) => l.path.includes("/assets"));
      expect(sent.at(-1)).toMatchObject({ method: first === "publish" ? "PUT" : "DELETE", status: 200 });
      const retried = await db.replicationJob.findUniqueOrThrow({ where: { id: parked.id } });
      expect(retried).toMatchObject({ state: "done", result: "stale", attempts: 1 });
      expect((await db.asset.findUniqueOrThrow({ where: { id: a.id } })).bpState).toBe(kept);
      expect(await portalAsset(a.path)).toEqual(portalBefore); // the portal kept the newer request
      // In the log of the agent that sent it: an idle agent may have taken it over (helping).
      const log = await readLog(retried.agentId, { q: a.path });
      expect(log.rows[0]).toMatchObject({ level: "info", result: "superseded", path: a.path });
      expect(log.rows[0].message).toMatch(/superseded/);
    });
  }
});
