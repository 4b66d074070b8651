// npm run bench:publish [-- --latency 50ms] [--proxy-latency 0] [--small 500] [--large 50] [--small-kb 256] [--large-mb 20]
//   [--runs 3] [--agents 1,4] [--pacing off] [--database postgresql://…] [--workers 2] [--warm-up 300]
//
// Publishes generated assets through the real replication agents with 1 agent and with 4 agents
// (--agents: any counts from 1 to 8; the configuration gets more agents for more than 4), then
// uploads the same files with a bare parallel HTTP client (4 at a time, same token, same endpoint):
// the limit. Each size is measured --runs times (each run: every agent count, then the bare client,
// one after the other); every run is printed, and the figures are the runs' medians, with the
// spread of the runs. --pacing on applies the deleted request pacer to the agents' transport
// (scripts/bench/pacing-transport.ts); --pacing off,on measures both, alternately, in every run.
// --proxy-latency puts a process in front of the portal that holds every request that long (the
// network's latency rather than the portal's). Two installs, as in production: this process is the console (assets,
// configuration, queue, agents; --database picks its database); a child process is the other
// install, with the embedded gateway (token endpoint, JWKS) and the portal's receiving routes on
// its own HTTP port and its own SQLite database. Small files show the effect of per-request
// latency (--latency is added by the portal to every request, for benchmarking only); large files
// show throughput. Runs under node --conditions=react-server (lib modules import "server-only").
// --workers N (with --database postgresql://…): the agents run in worker processes (npm run
// worker's script, on the console's database and data folder) instead of in this process: every
// agent count in one worker process, and 4 agents across N processes (the two take turns at going
// first), each run printed with the CPU per job of the worker processes, of the portal and of the
// whole machine, and how often per job the worker processes' event loops went to sleep.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureTransport } from "./bench/measure-transport";
import { createPacer, pacedTransport } from "./bench/pacing-transport";
import { startDelayProxy } from "./bench/delay-proxy";
import {
  childMessage as message,
  createTrustedConfig,
  freePort,
  generateAssets,
  serveInstallRoutes,
  setUpGateway,
  type PortalSetup,
} from "./support/portal-install";
import { arg, args } from "./support/args";

const latencyMs = Number(arg("latency", "0").replace(/ms$/, ""));
const SMALL = Number(arg("small", "500"));
const LARGE = Number(arg("large", "50"));
const SMALL_BYTES = Number(arg("small-kb", "256")) * 1024;
const LARGE_BYTES = Number(arg("large-mb", "20")) * 1024 * 1024;
const RUNS = Math.max(1, Number(arg("runs", "3")));
const AGENTS = arg("agents", "1,4").split(",").map(Number);
const PACING = arg("pacing", "off").split(",");
const PROXY_LATENCY_MS = Number(arg("proxy-latency", "0").replace(/ms$/, ""));
if (AGENTS.some((n) => !Number.isInteger(n) || n < 1 || n > 8))
  throw new Error("--agents: counts from 1 to 8, e.g. 1,4,8");
if (PACING.some((p) => p !== "on" && p !== "off")) throw new Error("--pacing: on, off or off,on");
const WORKERS = Math.max(0, Number(arg("workers", "0"))); // 0: the agents run in this process
if (WORKERS && PACING.includes("on")) throw new Error("--pacing on wraps this process's transport: not with --workers");
const BARE_PARALLEL = 4;
const WARM_UP = Number(arg("warm-up", "300"));
if (!Number.isInteger(WARM_UP) || WARM_UP < 0) throw new Error("--warm-up: a number of assets, e.g. 300 (0: none)");
// Each measurement creates every asset anew: every agent count and pacing, (4 agents across the
// worker processes,) the bare client.
const TENANTS_PER_RUN = AGENTS.length * PACING.length + (WORKERS > 1 ? 1 : 0) + 1;

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

async function main() {
  if (args.includes("--serve")) return serveInstall();
  if (WORKERS && !/^postgres(ql)?:\/\//.test(arg("database", "")))
    throw new Error("--workers needs --database postgresql://…: worker processes share the queue through PostgreSQL");
  const origin = `http://127.0.0.1:${await freePort()}`;
  const consoleDir = mkdtempSync(path.join(os.tmpdir(), "outpost-bench-console-"));
  const installDir = mkdtempSync(path.join(os.tmpdir(), "outpost-bench-portal-"));
  const common = {
    OUTPOST_PUBLIC_URL: origin,
    OUTPOST_WORKERS: "off",
    OUTPOST_DEMO_CONTENT: "off",
    NODE_ENV: "production" as const,
  };
  const child = fork(process.argv[1], ["--serve", "--latency", String(latencyMs)], {
    execArgv: process.execArgv, // react-server conditions, tsx, and whatever NODE_OPTIONS adds
    env: {
      ...process.env,
      ...common,
      OUTPOST_DATA_DIR: installDir,
      DATABASE_URL: `file:${path.join(installDir, "portal.db")}`,
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  Object.assign(process.env, common, {
    OUTPOST_DATA_DIR: consoleDir,
    DATABASE_URL: arg("database", `file:${path.join(consoleDir, "console.db")}`),
  });
  try {
    await message(child); // listening
    await runConsole(origin, child);
  } finally {
    child.kill();
    rmSync(consoleDir, { recursive: true, force: true });
    rmSync(installDir, { recursive: true, force: true });
  }
}

// ── the other install: gateway and portal ─────────────────────────────────────
/**
 * n worker nodes (npm run worker's script) on this console's database and data folder, as a
 * cluster runs them; resolves once each has started a worker per agent. stop() ends them (SIGTERM:
 * they hand back what they hold and deregister).
 */
async function startWorkerProcesses(n: number): Promise<{ pids: number[]; stop: () => Promise<void> }> {
  const children = await Promise.all(
    Array.from({ length: n }, () => {
      const child = fork("scripts/worker.ts", [], {
        execArgv: process.execArgv,
        env: { ...process.env, OUTPOST_WORKERS: "on", OUTPOST_HEALTH_PORT: "0" },
        stdio: ["ignore", "ignore", "inherit", "ipc"],
      });
      return message(child).then(() => child);
    }),
  );
  await new Promise((r) => setTimeout(r, 1_500)); // each supervisor's first pass: a worker per agent
  return {
    pids: children.map((c) => c.pid!),
    async stop() {
      const exits = children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r))));
      for (const c of children) c.kill("SIGTERM");
      await Promise.all(exits);
    },
  };
}

/**
 * What the processes have used so far, from Linux's /proc (null elsewhere): CPU ms (user + system,
 * all threads; USER_HZ is 100 on Linux whatever the kernel's tick), and how often their main thread,
 * the event loop, went to sleep (voluntary context switches: waits with nothing to run).
 */
function processUsage(pids: number[]): { cpuMs: number; sleeps: number } | null {
  try {
    return pids.reduce(
      (sum, pid) => {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const sleeps = /^voluntary_ctxt_switches:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        return { cpuMs: sum.cpuMs + (Number(f[11]) + Number(f[12])) * 10, sleeps: sum.sleeps + Number(sleeps![1]) };
      },
      { cpuMs: 0, sleeps: 0 },
    );
  } catch {
    return null;
  }
}

/**
 * The whole machine's CPU ms so far, busy (every process, PostgreSQL's and the kernel's too) and
 * idle, from /proc/stat's first line (null elsewhere): user, nice, system, idle, iowait, irq,
 * softirq, steal (the guest columns after them are already counted in user and nice), in USER_HZ.
 */
function machineUsage(): { busyMs: number; idleMs: number } | null {
  try {
    const f = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const idle = f[3] + f[4];
    return { busyMs: (f.reduce((a, b) => a + b, 0) - idle) * 10, idleMs: idle * 10 };
  } catch {
    return null;
  }
}

/** Starts metering; the function it returns gives each counter's increase per job since (null off Linux). */
function perJob<T extends Record<string, number>>(read: () => T | null): (jobs: number) => T | null {
  const before = read();
  return (jobs) => {
    const after = read();
    if (!before || !after) return null;
    return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, (v - before[k]) / jobs])) as T;
  };
}

async function serveInstall() {
  await serveInstallRoutes({ port: Number(new URL(process.env.OUTPOST_PUBLIC_URL!).port), latencyMs });
  // The gateway administrator's part: the tenants are one per run, so that every run creates its assets.
  process.on("message", async (msg: { publicKeyPem: string; tenants: number }) => {
    const slugs = Array.from({ length: msg.tenants }, (_, i) => `bench-${i + 1}`);
    process.send!(await setUpGateway({ name: "Bench", publicKeyPem: msg.publicKeyPem, slugs }));
  });
  process.send!("ready");
}

// ── the console: assets, configuration, agents ────────────────────────────────
async function runConsole(origin: string, install: ChildProcess) {
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(process.env.DATABASE_URL!);
  const { db } = await import("@/lib/db");
  const { liveJobCount } = await import("@/lib/replication/queue/read-queue");
  const { enqueueNow } = await import("@/lib/replication/queue/enqueue");
  const { setAgentEnabled } = await import("@/lib/replication/agents/update-agent");
  const { startReplicationRuntime } = await import("@/lib/replication/worker/runtime");
  const { getAccessToken } = await import("@/lib/ims/token-cache");
  const { loadAgentSettings } = await import("@/lib/replication/worker/agent-settings");
  const { createHttpTransport } = await import("@/lib/http/transport");
  const { buildDelivery } = await import("@/lib/replication/delivery/build-request");
  const { systemClock } = await import("@/lib/clock");
  const { agentName } = await import("@/lib/cloud-services/agents");

  // Cloud Services › Create Configuration, then the gateway admin pastes its public key.
  const { configId, setup } = await createTrustedConfig({
    name: "Bench",
    trust: async (publicKeyPem) => {
      install.send({ publicKeyPem, tenants: 2 * RUNS * TENANTS_PER_RUN });
      return (await message(install)) as PortalSetup;
    },
  });
  const cfg = { id: configId };
  const agents = await db.replicationAgent.findMany({ where: { configId: cfg.id }, orderBy: { position: "asc" } });
  for (let position = agents.length + 1; position <= Math.max(...AGENTS); position++)
    agents.push(await db.replicationAgent.create({ data: { configId: cfg.id, name: agentName(position), position } }));
  const tenants = [...setup.slugs];
  const proxy = PROXY_LATENCY_MS > 0 ? await startDelayProxy(origin, PROXY_LATENCY_MS) : null;
  const portalOrigin = proxy?.url ?? origin;
  const nextTenant = () =>
    db.brandPortalConfig.update({
      where: { id: cfg.id },
      data: { tenantUrl: `${portalOrigin}/portal/${tenants.shift()}` },
    });

  const generate = async (prefix: string, count: number, bytes: number) =>
    (await generateAssets({ folderPath: `/content/dam/bench/${prefix}`, prefix, count, bytes })).map((a) => a.path);
  process.stdout.write(
    `generating ${SMALL} × ${SMALL_BYTES / 1024} KB and ${LARGE} × ${LARGE_BYTES / 1024 ** 2} MB … `,
  );
  const small = await generate("small", SMALL, SMALL_BYTES);
  const large = await generate("large", LARGE, LARGE_BYTES);
  const warm = WORKERS ? await generate("warm-up", WARM_UP * WORKERS, SMALL_BYTES) : [];
  console.log("done");

  let tokens = 0;
  /** processes: 0, the agents run in this process; n, in n worker processes (--workers). */
  async function throughAgents(paths: string[], count: number, pacing: string, processes = WORKERS ? 1 : 0) {
    for (const a of agents) await setAgentEnabled(a.id, a.position <= count);
    await nextTenant();
    const meter = measureTransport();
    // One pacer for the portal, shared by the agents; its waits count as the queue's overhead.
    const pacer = pacing === "on" ? createPacer() : null;
    const transport = () => {
      const t = meter.wrap(createHttpTransport({ maxSockets: 2 }));
      return pacer ? pacedTransport(t, pacer) : t;
    };
    const runtime = processes ? await startWorkerProcesses(processes) : startReplicationRuntime({ transport });
    if (processes) await warmUp(processes);
    const workerPids = "pids" in runtime ? runtime.pids : [];
    const workerUse = perJob(() => processUsage(workerPids));
    const portalUse = perJob(() => processUsage([install.pid!]));
    const machineUse = perJob(machineUsage);
    const started = new Date();
    await enqueueNow({
      configId: cfg.id,
      items: paths.map((p) => ({ action: "publish" as const, kind: "asset" as const, path: p })),
    });
    // Wait for the end, lightly (the times come from the jobs' own completion times, not from here).
    while (await liveJobCount(db, cfg.id)) await new Promise((r) => setTimeout(r, 200));
    // CPU and sleeps per job over the run, this wait's last 200 ms included: where the time goes.
    const [worker, portal, machine] = [workerUse(paths.length), portalUse(paths.length), machineUse(paths.length)];
    const last = await db.replicationJob.aggregate({
      where: { configId: cfg.id, createdAt: { gte: started } },
      _max: { completedAt: true },
    });
    await runtime.stop();
    const notDone = await db.replicationJob.count({
      where: { configId: cfg.id, state: { not: "done" }, createdAt: { gte: started } },
    });
    if (notDone) throw new Error(`${notDone} jobs did not complete`);
    // From the enqueue to the last completion as the agents recorded it (not the polling above).
    const seconds = (last._max.completedAt!.getTime() - started.getTime()) / 1000;
    // Time the agents spent outside HTTP requests (claim, lookups, recording, log), per job; not
    // measured when the agents run in worker processes (their transports are theirs).
    if (processes) return { seconds, overheadMs: NaN, requests: NaN, worker, portal, machine };
    const overheadMs = (seconds * 1000 * count - meter.busyMs()) / paths.length;
    tokens += meter.tokenRequests();
    return { seconds, overheadMs, requests: meter.requests() - meter.tokenRequests(), worker, portal, machine };
  }

  /**
   * Fresh worker processes compile and optimise the delivery path on their first jobs, each of
   * them: --warm-up unmeasured publishes per process of other assets of the same size first, so
   * that 1 and N processes are compared equally warm, as long-running workers are. (Unpublishes do
   * not run the publish path: with them, one process still sped up by half over the first 2.5 s of
   * its measurement. A warm-up shared by N processes leaves each 1/N as warm.)
   */
  async function warmUp(processes: number) {
    if (!WARM_UP) return;
    await enqueueNow({
      configId: cfg.id,
      items: warm
        .slice(0, WARM_UP * processes)
        .map((p) => ({ action: "publish" as const, kind: "asset" as const, path: p })),
    });
    while (await liveJobCount(db, cfg.id)) await new Promise((r) => setTimeout(r, 100));
  }

  // The limit: a bare client, 4 requests at a time, the same requests with the same token.
  async function bare(paths: string[]) {
    await nextTenant();
    const s = (await loadAgentSettings(agents[0].id))!;
    const transport = createHttpTransport({ maxSockets: BARE_PARALLEL });
    const { token } = await getAccessToken(s.config, {
      transport,
      clock: systemClock,
      connectTimeoutMs: 10_000,
      socketTimeoutMs: 60_000,
    });
    const requests: Extract<Awaited<ReturnType<typeof buildDelivery>>, { type: "send" }>[] = [];
    for (const [i, p] of paths.entries()) {
      const job = {
        id: i + 1, // the sequence the portal orders a path's requests by (X-Publish-Sequence)
        configId: cfg.id,
        agentId: "",
        publicationId: null,
        action: "publish" as const,
        kind: "asset" as const,
        path: p,
        refId: null,
        version: null,
        requestedBy: null,
        attempts: 1,
        leaseToken: "",
        asset: await db.asset.findUniqueOrThrow({ where: { path: p } }),
      };
      const d = await buildDelivery(job, s.config.tenantUrl, false);
      if (d.type !== "send") throw new Error(`cannot send ${p}`);
      requests.push(d);
    }
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: BARE_PARALLEL }, async () => {
        while (next < requests.length) {
          const d = requests[next++];
          const res = await transport.request({
            method: d.method,
            url: d.url,
            headers: { ...d.headers, authorization: `Bearer ${token}` },
            body: d.body?.(),
            connectTimeoutMs: 10_000,
            socketTimeoutMs: 60_000,
          });
          if (res.status >= 300) throw new Error(`bare client: HTTP ${res.status} ${res.body}`);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    transport.close();
    return { seconds };
  }

  const line = (label: string, value: string) => console.log(`${label}: ${value}`);
  const rate = (n: number, bytes: number, s: number) => ({ aps: n / s, mbps: (n * bytes) / 1024 ** 2 / s });
  const db1 = process.env.DATABASE_URL!.startsWith("file:") ? "SQLite" : "PostgreSQL";
  console.log(
    `latency added at the portal: ${latencyMs} ms per request; on the network path (proxy): ${PROXY_LATENCY_MS} ms; ` +
      `pacing: ${PACING.join(", ")}; console database: ${db1}; ${os.cpus().length} cores; Node ${process.versions.node}`,
  );

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  for (const [name, paths, bytes] of [
    ["small", small, SMALL_BYTES],
    ["large", large, LARGE_BYTES],
  ] as const) {
    if (!paths.length) {
      tenants.splice(0, RUNS * TENANTS_PER_RUN);
      continue;
    }
    console.log(
      `\n== ${paths.length} × ${bytes >= 1024 ** 2 ? `${bytes / 1024 ** 2} MB` : `${bytes / 1024} KB`} (${name}), ${RUNS} run${RUNS > 1 ? "s" : ""} ==`,
    );
    type Measured = Awaited<ReturnType<typeof throughAgents>>;
    const runs: { agents: Map<string, Measured>; spread: Measured | null; limit: { seconds: number } }[] = [];
    const key = (count: number, pacing: string) => `${count} ${pacing}`;
    const label = (count: number, pacing: string) =>
      `${count} agent${count === 1 ? "" : "s"}${PACING.length > 1 && pacing === "on" ? " paced" : ""}`;
    const aps = (s: number) => (paths.length / s).toFixed(1);
    for (let r = 1; r <= RUNS; r++) {
      const measured = new Map<string, Measured>();
      // 1 and N worker processes take turns at going first: the portal's store and database grow
      // with every measurement (new blob folders, a longer log), and that should not favour either.
      const spreadFirst = WORKERS > 1 && r % 2 === 0;
      let spread = spreadFirst ? await throughAgents(paths, 4, "off", WORKERS) : null;
      for (const count of AGENTS)
        for (const pacing of PACING) measured.set(key(count, pacing), await throughAgents(paths, count, pacing));
      if (WORKERS > 1 && !spreadFirst) spread = await throughAgents(paths, 4, "off", WORKERS);
      const limit = await bare(paths);
      runs.push({ agents: measured, spread, limit });
      const one = measured.get(key(1, PACING[0]));
      const four = measured.get(key(4, PACING[0]));
      const parts = [
        ...AGENTS.flatMap((c) => PACING.map((p) => `${label(c, p)} ${aps(measured.get(key(c, p))!.seconds)} assets/s`)),
        ...(spread ? [`4 agents on ${WORKERS} worker processes ${aps(spread.seconds)} assets/s`] : []),
        `bare client ${aps(limit.seconds)} assets/s`,
        ...(one && four ? [`speed-up ${(one.seconds / four.seconds).toFixed(2)}`] : []),
        ...(four ? [`of limit ${Math.round((limit.seconds / four.seconds) * 100)} %`] : []),
      ];
      console.log(`run ${r}: ${parts.join(", ")}`);
      if (spread && four) {
        const n = (x: number | null | undefined, digits = 2) => x?.toFixed(digits) ?? "–"; // – off Linux
        const idle = (m: Measured) => m.machine && (100 * m.machine.idleMs) / (m.machine.busyMs + m.machine.idleMs);
        const used = (m: Measured) =>
          `worker processes ${n(m.worker?.cpuMs)} ms CPU and ${n(m.worker?.sleeps)} event-loop sleeps, ` +
          `portal ${n(m.portal?.cpuMs)} ms CPU, machine ${n(m.machine?.busyMs)} ms CPU (${n(idle(m), 0)} % idle)`;
        console.log(`  per job, 1 worker process: ${used(four)}; ${WORKERS} worker processes: ${used(spread)}`);
      }
    }
    const seconds = (count: number, pacing: string) => runs.map((r) => r.agents.get(key(count, pacing))!.seconds);
    if (RUNS > 1) console.log(`medians of the ${RUNS} runs:`);
    for (const count of AGENTS) {
      const rc = rate(paths.length, bytes, median(seconds(count, PACING[0])));
      line(`${label(count, PACING[0])} assets/s`, rc.aps.toFixed(1));
      line(`${label(count, PACING[0])} MB/s`, rc.mbps.toFixed(1));
    }
    const rb = rate(paths.length, bytes, median(runs.map((r) => r.limit.seconds)));
    line(`bare client (${BARE_PARALLEL} parallel) assets/s`, rb.aps.toFixed(1));
    line(`bare client (${BARE_PARALLEL} parallel) MB/s`, rb.mbps.toFixed(1));
    const of = (count: number, pacing: string) =>
      runs.map((r) => r.limit.seconds / r.agents.get(key(count, pacing))!.seconds);
    if (AGENTS.includes(1) && AGENTS.includes(4)) {
      const one = seconds(1, PACING[0]);
      line("speed-up", median(seconds(4, PACING[0]).map((s, i) => one[i] / s)).toFixed(2));
    }
    if (AGENTS.includes(4)) {
      line("of limit", `${Math.round(median(of(4, PACING[0])) * 100)} %`);
      const four = runs.map((r) => r.agents.get(key(4, PACING[0]))!);
      // With --workers the agents' transports are in the worker processes: not counted here.
      if (!WORKERS)
        line("requests per asset (4 agents)", (Math.max(...four.map((m) => m.requests)) / paths.length).toFixed(2));
    }
    for (const count of WORKERS ? [] : AGENTS) {
      const overhead = runs.map((r) => r.agents.get(key(count, PACING[0]))!.overheadMs);
      line(`queue overhead per job, ${label(count, PACING[0])} (ms)`, median(overhead).toFixed(2));
    }
    if (WORKERS > 1 && AGENTS.includes(4)) {
      // "At least as fast with 2 worker processes as with one": both, side by side.
      const one = paths.length / median(seconds(4, "off"));
      const spread = paths.length / median(runs.map((r) => r.spread!.seconds));
      line("4 agents, 1 worker process assets/s", one.toFixed(1));
      line(`4 agents, ${WORKERS} worker processes assets/s`, spread.toFixed(1));
      line(`${WORKERS} worker processes over 1`, (spread / one).toFixed(2));
    }
    if (AGENTS.length > 1 || PACING.length > 1) {
      // Every setting side by side: the runs' median, each run, and the spread (max − min) / median.
      console.log("\nagents  pacing  assets/s  runs (assets/s)         spread  of limit  overhead/job");
      for (const count of AGENTS)
        for (const pacing of PACING) {
          const s = seconds(count, pacing);
          const perRun = s.map((x) => paths.length / x);
          const mid = paths.length / median(s);
          const spread = (Math.max(...perRun) - Math.min(...perRun)) / mid;
          const overhead = median(runs.map((r) => r.agents.get(key(count, pacing))!.overheadMs));
          const overheadCell = WORKERS ? "–" : `${overhead.toFixed(2)} ms`;
          console.log(
            `${String(count).padStart(6)}  ${pacing.padEnd(6)}  ${mid.toFixed(1).padStart(8)}  ${perRun
              .map((x) => x.toFixed(1))
              .join(" / ")
              .padEnd(22)}  ` +
              `${`${Math.round(spread * 100)} %`.padStart(6)}  ${`${Math.round(median(of(count, pacing)) * 100)} %`.padStart(8)}  ${overheadCell.padStart(12)}`,
          );
        }
    }
  }
  console.log("");
  if (!WORKERS) line("tokens requested by the agents", String(tokens));
  proxy?.close();
  await db.$disconnect();
}
