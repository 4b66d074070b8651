import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { fork } from "node:child_process";
import { db } from "@/lib/db";
import { dbProvider, publicUrl } from "@/lib/env";
import { enqueueNow } from "@/lib/replication/queue/enqueue";
import { startReplicationEnv } from "./support/replication-env";
import { exited, killChildNodes, startChildNode } from "./support/child-node";

await vi.hoisted(async () => (await import("./support/public-url")).usePublicUrlOnFreePort());

// Worker nodes as real processes (npm run worker's script) on this file's database, delivering
// through a proxy to the install's portal, itself a process of its own. The proxy sees every
// request: per path, deliveries arrive in enqueue order and never overlap.

// Worker nodes need PostgreSQL; on SQLite this file checks that a worker node refuses to start.
const onPostgres = dbProvider === "postgresql";
const start = startChildNode<never>;
const startWorker = () => start("scripts/worker.ts", { OUTPOST_WORKERS: "on" });

let env: Awaited<ReturnType<typeof startReplicationEnv>>;
beforeAll(async () => {
  if (!onPostgres) return;
  await start("tests/support/install-child.ts");
  env = await startReplicationEnv({ serverUrl: publicUrl });
}, 120_000);
afterAll(async () => {
  await killChildNodes();
  await env?.close();
});

/** `folders` folders, each published and unpublished twice: four jobs per path. */
async function enqueue(prefix: string, folders: number) {
  const paths = Array.from({ length: folders }, (_, i) => `/content/dam/${prefix}/f${String(i).padStart(4, "0")}`);
  await db.folder.createMany({ data: paths.map((path) => ({ path, name: path.split("/").pop()!, title: path })) });
  const sequence = ["publish", "unpublish", "publish", "unpublish"] as const;
  for (const action of sequence) {
    await enqueueNow({
      configId: env.config.id,
      items: paths.map((path) => ({ action, kind: "folder" as const, path })),
    });
  }
  return { paths, expected: sequence.map((a) => (a === "publish" ? "PUT" : "DELETE")) };
}

async function waitUntilDone(prefix: string, total: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  const where = { path: { startsWith: `/content/dam/${prefix}/` } };
  for (;;) {
    const done = await db.replicationJob.count({ where: { ...where, state: "done" } });
    if (done === total) return;
    if (Date.now() > deadline) {
      const states = await db.replicationJob.groupBy({ by: ["state"], where, _count: true });
      throw new Error(`${done} of ${total} jobs done: ${JSON.stringify(states)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Per path: the requests that got an answer, in arrival order, never two at once. */
function checkOrder(prefix: string, paths: string[], expected: string[]) {
  const byPath = new Map<string, { method: string; start: number; end?: number; status?: number }[]>();
  for (const r of env.proxy.log) {
    const path = new URL(r.path, "http://x").searchParams.get("path");
    if (!path?.startsWith(`/content/dam/${prefix}/`)) continue;
    byPath.set(path, [...(byPath.get(path) ?? []), r]);
  }
  expect(byPath.size).toBe(paths.length);
  for (const [path, requests] of byPath) {
    for (let i = 1; i < requests.length; i++) {
      // The previous delivery of this path had ended (answered, or cut by a killed worker) before this one began.
      expect(requests[i - 1].end, path).toBeLessThanOrEqual(requests[i].start);
    }
    const answered = requests.filter((r) => r.status !== undefined && r.status < 300).map((r) => r.method);
    // A job repeated after its worker died may arrive twice in a row; never out of order.
    const collapsed = answered.filter((m, i) => i === 0 || m !== answered[i - 1]);
    expect(collapsed, path).toEqual(expected);
  }
}

it.runIf(!onPostgres)(
  "on SQLite a worker node refuses to start and says what to set",
  async () => {
    const child = fork("scripts/worker.ts", [], {
      execArgv: ["--conditions=react-server", "--import", "tsx"],
      env: { ...process.env, OUTPOST_WORKERS: "on", OUTPOST_HEALTH_PORT: "0" },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let err = "";
    child.stderr!.on("data", (c) => (err += c));
    const code = await new Promise<number | null>((r) => child.once("exit", r));
    expect(code).toBe(1);
    expect(err).toMatch(/Outpost cannot start: worker nodes share the queue through PostgreSQL. Set DATABASE_URL/);
  },
  60_000,
);

it.runIf(onPostgres)(
  "two worker processes drain one queue of 2,000 jobs: each runs once, none lost, order per path holds",
  async () => {
    const a = await startWorker();
    const b = await startWorker();
    const { paths, expected } = await enqueue("drain", 500);
    await waitUntilDone("drain", 2000, 240_000);

    const jobs = await db.replicationJob.findMany({ where: { path: { startsWith: "/content/dam/drain/" } } });
    expect(jobs).toHaveLength(2000);
    expect(jobs.every((j) => j.state === "done" && j.attempts === 1)).toBe(true); // claimed once each
    checkOrder("drain", paths, expected);
    // Both nodes worked, and both are registered as live worker nodes.
    const nodes = await db.clusterNode.findMany({ where: { role: "worker", stoppedAt: null } });
    expect(nodes.map((n) => n.id).sort()).toEqual([a.msg, b.msg].map((m: { node: string }) => m.node).sort());
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    await Promise.all([exited(a.child), exited(b.child)]);
    // A clean stop deregisters: shown as stopped, not lost.
    expect(await db.clusterNode.count({ where: { role: "worker", stoppedAt: null } })).toBe(0);
  },
  300_000,
);

it.runIf(onPostgres)(
  "a worker killed with SIGKILL mid-run: the other finishes its jobs once the lease is reclaimed",
  async () => {
    const a = await startWorker();
    const b = await startWorker();
    const { paths, expected } = await enqueue("kill", 150);
    const where = { path: { startsWith: "/content/dam/kill/" } };
    const aNode = (a.msg as { node: string }).node;
    // Kill A while it holds a lease.
    for (let held = 0; !held; await new Promise((r) => setTimeout(r, 20))) {
      held = await db.replicationJob.count({ where: { ...where, state: "running", leaseOwner: aNode } });
    }
    a.child.kill("SIGKILL");
    await exited(a.child);
    const orphaned = await db.replicationJob.findMany({ where: { ...where, state: "running", leaseOwner: aNode } });
    expect(orphaned.length).toBeGreaterThan(0);

    await waitUntilDone("kill", 600, 240_000);
    const jobs = await db.replicationJob.findMany({ where });
    expect(jobs.every((j) => j.state === "done")).toBe(true);
    for (const o of orphaned) expect(jobs.find((j) => j.id === o.id)!.attempts).toBe(2); // taken over once
    checkOrder("kill", paths, expected);
    // B saw A stop heartbeating, marked its leases reclaimed.
    expect((await db.clusterNode.findUniqueOrThrow({ where: { id: aNode } })).leasesReclaimedAt).not.toBeNull();
    b.child.kill("SIGTERM");
    await exited(b.child);
  },
  300_000,
);

it.runIf(onPostgres)(
  "an enqueue on one node starts the job on another node's idle worker at once (NOTIFY), not at its next poll",
  async () => {
    const other = await start("tests/support/loops-child.ts", {}, ["runtime"]);
    const pollMs = (other.msg as { pollMs: number }).pollMs;
    await new Promise((r) => setTimeout(r, 300)); // its workers found nothing and went to sleep
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const path = `/content/dam/wake/f${i}`;
      await db.folder.create({ data: { path, name: `f${i}`, title: path } });
      const before = Date.now();
      await enqueueNow({ configId: env.config.id, items: [{ action: "publish", kind: "folder", path }] });
      const job = await vi.waitFor(
        async () => {
          const j = await db.replicationJob.findFirstOrThrow({ where: { path } });
          expect(j.state).toBe("done");
          return j;
        },
        { timeout: 10_000, interval: 10 },
      );
      waits.push(job.claimedAt!.getTime() - before);
    }
    console.log(`enqueue to start on another process (ms): ${waits.join(", ")}`);
    // Its poll is a minute: only the notification can start a job within a second (the default poll).
    for (const w of waits) expect(w).toBeLessThan(Math.min(1_000, pollMs / 10));
    other.child.kill("SIGTERM");
    await exited(other.child);
  },
  60_000,
);
