// npm run bench:queue [-- --database postgresql://user@host/db] [--jobs 3000] [--samples 200]
//
// The replication queue's own speed: no-op jobs claimed and completed per second, and the time
// from an enqueue to the start of its job on an idle queue (p50, p99). Settings: 4 agents in one
// process on SQLite; with --database, 1 and then 2 worker processes (npm run worker's script) on
// PostgreSQL, each on a scratch database this script creates on that server and drops at the end.
//
// The jobs are folder unpublishes (a DELETE: nothing to read, no binary) sent to a portal that
// does nothing: an HTTP server in this process that answers every request at once (a token for
// the token request, 200 for a delivery). So each job pays the queue's whole path, as in
// production (claim with its lease, settings, token cache, one real HTTP round trip on loopback,
// completion, agent log), and the portal costs next to nothing (a loopback round trip is about
// 0.1 ms). A transport stubbed inside the agents would have left out the worker processes, which
// build their own. The agents run with their defaults (4 agents, poll 1 s, lease 60 s).
//
// The figures: jobs/s is the number of jobs over the time from the first claim to the last
// completion, as the jobs recorded them. Latency runs from the call of enqueueNow (its commit
// included) to the claim recorded on the job, one job at a time with the agents idle in between:
// in the PostgreSQL settings the enqueue runs in this script's console process and the job starts
// in a worker process, so it includes the wake-up across processes (LISTEN/NOTIFY). "claim alone"
// is claimJob called in a loop with no agent running, each job completed untimed before the next
// claim: what the claim statement costs per job.
import { fork, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { arg, args } from "./support/args";

type Result = {
  setting: string;
  jobs: number;
  jobsPerSecond: number;
  p50: number;
  p99: number;
  samples: number;
  claimMs: number;
};

const JOBS = Number(arg("jobs", "3000"));
const SAMPLES = Number(arg("samples", "200"));
const CLAIMS = 300;

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

async function main() {
  if (args.includes("--console")) return runConsole();
  const database = arg("database");
  if (database && !/^postgres(ql)?:\/\//.test(database)) throw new Error("--database takes a postgresql://… URL");
  const portal = await noopPortal();
  const { port } = portal.address() as { port: number };
  const portalUrl = `http://127.0.0.1:${port}`;
  console.log(
    `bench:queue: ${JOBS} no-op jobs per setting, ${SAMPLES} latency samples; ${os.cpus().length} cores; Node ${process.versions.node}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  const results: Result[] = [];
  try {
    const dir = mkdtempSync(path.join(os.tmpdir(), "outpost-bench-queue-"));
    try {
      results.push(
        await setting("SQLite, 4 agents in one process", portalUrl, 0, {
          OUTPOST_DATA_DIR: dir,
          DATABASE_URL: `file:${path.join(dir, "queue.db")}`,
        }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (database) {
      for (const workers of [1, 2]) {
        const dir = mkdtempSync(path.join(os.tmpdir(), "outpost-bench-queue-"));
        const scratch = await createScratchDatabase(database);
        try {
          results.push(
            await setting(
              `PostgreSQL, ${workers} worker process${workers > 1 ? "es" : ""} (4 agents each)`,
              portalUrl,
              workers,
              { OUTPOST_DATA_DIR: dir, DATABASE_URL: scratch.url },
            ),
          );
        } finally {
          await scratch.drop();
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    portal.close();
  }
  console.log("");
  for (const r of results) console.log(`jobs/s: ${Math.round(r.jobsPerSecond)} (${r.setting})`);
  for (const r of results) {
    console.log(`p50: ${r.p50} ms (${r.setting}, enqueue to start, idle queue, ${r.samples} samples)`);
    console.log(`p99: ${r.p99} ms (${r.setting}, enqueue to start, idle queue, ${r.samples} samples)`);
  }
  for (const r of results) console.log(`claim alone: ${r.claimMs.toFixed(2)} ms per job (${r.setting})`);
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}

/** One setting in a console process of its own (lib/env is read once per process). */
function setting(label: string, portalUrl: string, workers: number, env: Record<string, string>): Promise<Result> {
  process.stdout.write(`${label} … `);
  const child = fork(
    process.argv[1],
    [
      "--console",
      "--portal",
      portalUrl,
      "--workers",
      String(workers),
      "--jobs",
      String(JOBS),
      "--samples",
      String(SAMPLES),
    ],
    {
      execArgv: process.execArgv,
      env: { ...process.env, ...env, OUTPOST_WORKERS: "off", OUTPOST_DEMO_CONTENT: "off", NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  return new Promise((resolve, reject) => {
    child.once("message", (r: Result) => {
      console.log(`${Math.round(r.jobsPerSecond)} jobs/s, p50 ${r.p50} ms, p99 ${r.p99} ms`);
      resolve({ ...r, setting: label });
    });
    child.once("exit", (code) => reject(new Error(`the ${label} run exited (${code}) without a result`)));
  });
}

/** Answers at once: a bearer token to the token request, 200 to every delivery, 404 to discovery. */
function noopPortal(): Promise<Server> {
  const token = JSON.stringify({ access_token: "bench", token_type: "Bearer", expires_in: 86_400 });
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.method === "GET") res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not_found"}');
      else if (req.method === "POST") res.writeHead(200, { "content-type": "application/json" }).end(token);
      else res.writeHead(200, { "content-type": "application/json" }).end('{"result":"ok"}');
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `outpost_bench_queue_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

// ── one setting: the console process ─────────────────────────────────────────
async function runConsole() {
  const portalUrl = arg("portal")!;
  const workers = Number(arg("workers", "0"));
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(process.env.DATABASE_URL!);
  const { db } = await import("@/lib/db");
  const { createConfig } = await import("@/lib/cloud-services/create-config");
  const { enqueueNow } = await import("@/lib/replication/queue/enqueue");
  const { liveJobCount } = await import("@/lib/replication/queue/read-queue");
  const { claimJob } = await import("@/lib/replication/queue/claim");
  const { completeJob } = await import("@/lib/replication/queue/finish");
  const { nodeOwner } = await import("@/lib/replication/worker/agent-worker");
  const { startReplicationRuntime } = await import("@/lib/replication/worker/runtime");
  const { checkSecretKey } = await import("@/lib/runtime/key-check");
  await checkSecretKey(); // the worker nodes check the data dir's key against it

  const cfg = await createConfig({ title: "Bench queue", name: "bench-queue" });
  await db.brandPortalConfig.update({
    where: { id: cfg.id },
    data: { tenantUrl: `${portalUrl}/portal/bench`, gatewayUrl: `${portalUrl}/ims/token`, clientId: "bench" },
  });
  const agents = await db.replicationAgent.findMany({ where: { configId: cfg.id }, orderBy: { position: "asc" } });

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  let stopAgents: () => Promise<void>;
  if (workers === 0) {
    const runtime = startReplicationRuntime();
    stopAgents = runtime.stop;
  } else {
    const children = await Promise.all(Array.from({ length: workers }, () => startWorkerNode()));
    stopAgents = async () => {
      for (const c of children) c.kill("SIGTERM");
      await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
    };
  }
  await sleep(1_500); // every node's supervisor has started a worker per agent

  let batch = 0;
  async function drain(n: number): Promise<number> {
    const prefix = `/content/dam/bench-${++batch}`;
    const items = Array.from({ length: n }, (_, i) => ({
      action: "unpublish" as const,
      kind: "folder" as const,
      path: `${prefix}/f${i}`,
    }));
    await enqueueNow({ configId: cfg.id, items });
    while (await liveJobCount(db, cfg.id)) await sleep(50);
    const where = { configId: cfg.id, path: { startsWith: `${prefix}/` } };
    const notDone = await db.replicationJob.count({ where: { ...where, state: { not: "done" } } });
    if (notDone) throw new Error(`${notDone} of ${n} jobs did not complete`);
    const span = await db.replicationJob.aggregate({ where, _min: { claimedAt: true }, _max: { completedAt: true } });
    return n / ((span._max.completedAt!.getTime() - span._min.claimedAt!.getTime()) / 1000);
  }

  await drain(200); // warm-up: token, discovery, statement caches, JIT
  const jobsPerSecond = await drain(JOBS);

  const waits: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const p = `/content/dam/latency/f${i}`;
    await sleep(20 + Math.random() * 30); // the agents are idle: asleep until woken or polled
    const t0 = Date.now();
    await enqueueNow({ configId: cfg.id, items: [{ action: "unpublish", kind: "folder", path: p }] });
    for (;;) {
      const job = await db.replicationJob.findFirst({
        where: { configId: cfg.id, path: p },
        select: { state: true, claimedAt: true },
      });
      if (job?.state === "done") {
        waits.push(Math.max(0, job.claimedAt!.getTime() - t0));
        break;
      }
      await sleep(10);
    }
  }
  waits.sort((a, b) => a - b);
  const pct = (q: number) => waits[Math.min(waits.length - 1, Math.ceil(q * waits.length) - 1)];

  await stopAgents();
  // The claim alone: nothing else runs; each call takes the oldest due job, which is then completed
  // outside the timing, as a worker would: left running, the jobs piled up, and the claim's checks
  // that read running jobs (agent free, the node's share) made each claim look slower than it is.
  await enqueueNow({
    configId: cfg.id,
    items: Array.from({ length: CLAIMS }, (_, i) => ({
      action: "unpublish" as const,
      kind: "folder" as const,
      path: `/content/dam/claims/f${i}`,
    })),
  });
  let claimingMs = 0;
  for (let i = 0; i < CLAIMS; i++) {
    const t = performance.now();
    const job = await claimJob(agents[i % agents.length].id, {
      owner: nodeOwner(),
      nowMs: Date.now(),
      leaseMs: 60_000,
    });
    claimingMs += performance.now() - t;
    if (!job) throw new Error("claim alone: no job to claim");
    await completeJob(job, { at: new Date(), status: 200, result: "ok", version: null });
  }
  const claimMs = claimingMs / CLAIMS;

  process.send!({ setting: "", jobs: JOBS, jobsPerSecond, p50: pct(0.5), p99: pct(0.99), samples: SAMPLES, claimMs });
  await db.$disconnect();
  process.exit(0);

  function startWorkerNode(): Promise<ChildProcess> {
    const child = fork("scripts/worker.ts", [], {
      execArgv: process.execArgv,
      env: { ...process.env, OUTPOST_WORKERS: "on", OUTPOST_HEALTH_PORT: "0" },
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    return new Promise((resolve, reject) => {
      child.once("message", () => resolve(child));
      child.once("exit", (code) => reject(new Error(`a worker node exited (${code}) before it was ready`)));
    });
  }
}
