// npm run bench:publish [-- --latency 50ms] [--small 500] [--large 50] [--small-kb 256] [--large-mb 20] [--runs 3] [--database postgresql://…] [--workers 2]
//
// Publishes generated assets through the real replication agents with 1 agent and with 4 agents,
// then uploads the same files with a bare parallel HTTP client (4 at a time, same token, same
// endpoint): the limit. Each size is measured --runs times (each run: 1 agent, 4 agents, the bare
// client, one after the other); every run is printed, and the figures are the runs' medians. Two installs, as in production: this process is the console (assets,
// configuration, queue, agents; --database picks its database); a child process is the other
// install, with the embedded gateway (token endpoint, JWKS) and the portal's receiving routes on
// its own HTTP port and its own SQLite database. Small files show the effect of per-request
// latency (--latency is added by the portal to every request, for benchmarking only); large files
// show throughput. Runs under node --conditions=react-server (lib modules import "server-only").
// --workers N (with --database postgresql://…): the agents run in worker processes (npm run
// worker's script, on the console's database and data folder) instead of in this process: 1 agent
// and 4 agents in one worker process, then 4 agents across N processes, each run printed.
import { fork, type ChildProcess } from "node:child_process";
import { createServer as createNetServer } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { measureTransport } from "./bench/measure-transport";
import { serveRoutes } from "./support/route-server";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type Setup = { clientId: string; orgTechId: string; slugs: string[] };

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const latencyMs = Number(arg("latency", "0").replace(/ms$/, ""));
const SMALL = Number(arg("small", "500"));
const LARGE = Number(arg("large", "50"));
const SMALL_BYTES = Number(arg("small-kb", "256")) * 1024;
const LARGE_BYTES = Number(arg("large-mb", "20")) * 1024 * 1024;
const RUNS = Math.max(1, Number(arg("runs", "3")));
const WORKERS = Math.max(0, Number(arg("workers", "0"))); // 0: the agents run in this process
const BARE_PARALLEL = 4;
// 1 agent, 4 agents, (4 agents on WORKERS processes,) bare client: each run creates every asset anew
const TENANTS_PER_RUN = WORKERS > 1 ? 4 : 3;

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
async function serveInstall() {
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(process.env.DATABASE_URL!);
  const { ensureSigningKey } = await import("@/lib/gateway/signing-keys");
  await ensureSigningKey();
  const delayed =
    (h: Handler): Handler =>
    async (req, ctx) => {
      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
      return h(req, ctx);
    };
  const h = (m: unknown) => m as Handler;
  const token = await import("@/app/gateway/oauth/token/route");
  const jwks = await import("@/app/gateway/.well-known/jwks.json/route");
  const meta = await import("@/app/gateway/.well-known/oauth-authorization-server/route");
  const ping = await import("@/app/portal/[tenant]/api/v1/ping/route");
  const assets = await import("@/app/portal/[tenant]/api/v1/assets/route");
  await serveRoutes(
    {
      "/gateway/oauth/token": { POST: h(token.POST) },
      "/gateway/.well-known/jwks.json": { GET: h(jwks.GET) },
      "/gateway/.well-known/oauth-authorization-server": { GET: h(meta.GET) },
      "/portal/:tenant/api/v1/ping": { GET: delayed(h(ping.GET)) },
      "/portal/:tenant/api/v1/assets": { PUT: delayed(h(assets.PUT)), DELETE: delayed(h(assets.DELETE)) },
    },
    { port: Number(new URL(process.env.OUTPOST_PUBLIC_URL!).port), keepAliveTimeout: 30_000 },
  );

  // The gateway administrator's part: an organization, a JWT application with the console's
  // public key, and the tenants (one per run, so that every run creates its assets).
  process.on("message", async (msg: { publicKeyPem: string; tenants: number }) => {
    const { db } = await import("@/lib/db");
    const { createOrganization } = await import("@/lib/gateway/organizations");
    const { createApplication } = await import("@/lib/gateway/create-application");
    const { updateApplication } = await import("@/lib/gateway/update-application");
    const { createTenant } = await import("@/lib/portal/tenants");
    const scopes = ["dam-read", "dam-sync", "dam-write", "cc-share"] as const;
    const admin = await db.user.create({
      data: { login: "bench", name: "Bench", role: "administrator", passwordHash: "x" },
    });
    const org = await createOrganization(admin.id, "Bench org");
    const app = await createApplication(admin.id, {
      name: "Bench console",
      description: "",
      orgId: org.id,
      scopes: [...scopes],
    });
    await updateApplication(admin.id, {
      clientId: app.clientId,
      name: app.name,
      description: "",
      scopes: [...scopes],
      publicKey: msg.publicKeyPem,
    });
    const slugs: string[] = [];
    for (let i = 1; i <= msg.tenants; i++)
      slugs.push((await createTenant({ name: `Bench ${i}`, slug: `bench-${i}`, orgTechId: org.techId })).slug);
    process.send!({ clientId: app.clientId, orgTechId: org.techId, slugs } satisfies Setup);
  });
  process.send!("ready");
}

// ── the console: assets, configuration, agents ────────────────────────────────
async function runConsole(origin: string, install: ChildProcess) {
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(process.env.DATABASE_URL!);
  const { db } = await import("@/lib/db");
  const { liveJobCount } = await import("@/lib/replication/queue/read-queue");
  const { createConfig } = await import("@/lib/cloud-services/create-config");
  const { enqueueNow } = await import("@/lib/replication/queue/enqueue");
  const { setAgentEnabled } = await import("@/lib/replication/agents/update-agent");
  const { startReplicationRuntime } = await import("@/lib/replication/worker/runtime");
  const { getAccessToken } = await import("@/lib/ims/token-cache");
  const { loadAgentSettings } = await import("@/lib/replication/worker/agent-settings");
  const { createHttpTransport } = await import("@/lib/http/transport");
  const { buildDelivery } = await import("@/lib/replication/delivery/build-request");
  const { systemClock } = await import("@/lib/clock");
  const { assetBlobs } = await import("@/lib/storage/stores");

  // Cloud Services › Create Configuration, then the gateway admin pastes its public key.
  const cfg = await createConfig({ title: "Bench", name: "bench" });
  const key = await db.configKeyPair.findFirstOrThrow({ where: { configId: cfg.id } });
  install.send({ publicKeyPem: key.publicKeyPem, tenants: 2 * RUNS * TENANTS_PER_RUN });
  const setup = (await message(install)) as Setup;
  await db.brandPortalConfig.update({
    where: { id: cfg.id },
    data: { clientId: setup.clientId, orgId: setup.orgTechId },
  });
  const agents = await db.replicationAgent.findMany({ where: { configId: cfg.id }, orderBy: { position: "asc" } });
  const tenants = [...setup.slugs];
  const nextTenant = () =>
    db.brandPortalConfig.update({ where: { id: cfg.id }, data: { tenantUrl: `${origin}/portal/${tenants.shift()}` } });

  async function generate(prefix: string, n: number, bytes: number) {
    const folder = await db.folder.create({
      data: { path: `/content/dam/bench/${prefix}`, name: prefix, title: prefix },
    });
    const rows = [];
    for (let i = 0; i < n; i++) {
      let left = bytes;
      const src = new Readable({
        read() {
          const c = Math.min(left, 1 << 20);
          left -= c;
          this.push(c ? randomBytes(c) : null);
        },
      });
      const blob = await assetBlobs.write(src);
      const name = `${prefix}-${i}.bin`;
      rows.push({
        path: `${folder.path}/${name}`,
        name,
        title: name,
        searchText: name,
        folderId: folder.id,
        mimeType: "application/octet-stream",
        size: BigInt(blob.size),
        sha256: blob.sha256,
      });
    }
    for (let i = 0; i < rows.length; i += 500) await db.asset.createMany({ data: rows.slice(i, i + 500) });
    return rows.map((r) => r.path);
  }
  process.stdout.write(
    `generating ${SMALL} × ${SMALL_BYTES / 1024} KB and ${LARGE} × ${LARGE_BYTES / 1024 ** 2} MB … `,
  );
  const small = await generate("small", SMALL, SMALL_BYTES);
  const large = await generate("large", LARGE, LARGE_BYTES);
  console.log("done");

  let tokens = 0;
  /** processes: 0, the agents run in this process; n, in n worker processes (--workers). */
  async function throughAgents(paths: string[], count: 1 | 4, processes = 0) {
    for (const a of agents) await setAgentEnabled(a.id, a.position <= count);
    await nextTenant();
    const meter = measureTransport();
    const runtime = processes
      ? await startWorkerProcesses(processes)
      : startReplicationRuntime({ transport: () => meter.wrap(createHttpTransport({ maxSockets: 2 })) });
    if (processes) await warmUp();
    const started = new Date();
    await enqueueNow({
      configId: cfg.id,
      items: paths.map((p) => ({ action: "publish" as const, kind: "asset" as const, path: p })),
    });
    // Wait for the end, lightly (the times come from the jobs' own completion times, not from here).
    while (await liveJobCount(db, cfg.id)) await new Promise((r) => setTimeout(r, 200));
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
    if (processes) return { seconds, overheadMs: NaN, requests: NaN };
    const overheadMs = (seconds * 1000 * count - meter.busyMs()) / paths.length;
    tokens += meter.tokenRequests();
    return { seconds, overheadMs, requests: meter.requests() - meter.tokenRequests() };
  }

  /**
   * Fresh worker processes compile and optimise the delivery path on their first jobs, each of
   * them: unmeasured unpublishes first (a DELETE of an asset the portal does not have), so that 1 and
   * N processes are compared warm, as this process is after its first run.
   */
  async function warmUp() {
    await enqueueNow({
      configId: cfg.id,
      items: Array.from({ length: 40 }, (_, i) => ({
        action: "unpublish" as const,
        kind: "asset" as const,
        path: `/content/dam/bench/warm-up-${i}.bin`,
      })),
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
    `latency added at the portal: ${latencyMs} ms per request; console database: ${db1}; ${os.cpus().length} cores; Node ${process.versions.node}`,
  );
  if (WORKERS)
    console.log(
      `agents in worker processes: 1 agent and 4 agents in 1 process${WORKERS > 1 ? `, then 4 agents across ${WORKERS} processes` : ""}`,
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
    const runs = [];
    for (let r = 1; r <= RUNS; r++) {
      const one = await throughAgents(paths, 1, WORKERS ? 1 : 0);
      const four = await throughAgents(paths, 4, WORKERS ? 1 : 0);
      const spread = WORKERS > 1 ? await throughAgents(paths, 4, WORKERS) : null;
      const limit = await bare(paths);
      const run = {
        one,
        four,
        spread,
        limit,
        speedUp: one.seconds / four.seconds,
        ofLimit: limit.seconds / four.seconds,
      };
      runs.push(run);
      const aps = (s: number) => (paths.length / s).toFixed(1);
      console.log(
        `run ${r}: 1 agent ${aps(one.seconds)} assets/s, 4 agents ${aps(four.seconds)} assets/s${spread ? `, 4 agents on ${WORKERS} worker processes ${aps(spread.seconds)} assets/s` : ""}, bare client ${aps(limit.seconds)} assets/s, speed-up ${run.speedUp.toFixed(2)}, of limit ${Math.round(run.ofLimit * 100)} %`,
      );
    }
    const r1 = rate(paths.length, bytes, median(runs.map((r) => r.one.seconds)));
    const r4 = rate(paths.length, bytes, median(runs.map((r) => r.four.seconds)));
    const rb = rate(paths.length, bytes, median(runs.map((r) => r.limit.seconds)));
    if (RUNS > 1) console.log(`medians of the ${RUNS} runs:`);
    line("1 agent assets/s", r1.aps.toFixed(1));
    line("1 agent MB/s", r1.mbps.toFixed(1));
    line("4 agents assets/s", r4.aps.toFixed(1));
    line("4 agents MB/s", r4.mbps.toFixed(1));
    if (WORKERS > 1) {
      // "At least as fast with 2 worker processes as with one": both, side by side.
      const rs = rate(paths.length, bytes, median(runs.map((r) => r.spread!.seconds)));
      line("4 agents, 1 worker process assets/s", r4.aps.toFixed(1));
      line(`4 agents, ${WORKERS} worker processes assets/s`, rs.aps.toFixed(1));
      line(`4 agents, ${WORKERS} worker processes MB/s`, rs.mbps.toFixed(1));
      line(`${WORKERS} worker processes over 1`, (rs.aps / r4.aps).toFixed(2));
    }
    line(`bare client (${BARE_PARALLEL} parallel) assets/s`, rb.aps.toFixed(1));
    line(`bare client (${BARE_PARALLEL} parallel) MB/s`, rb.mbps.toFixed(1));
    line("speed-up", median(runs.map((r) => r.speedUp)).toFixed(2));
    line("of limit", `${Math.round(median(runs.map((r) => r.ofLimit)) * 100)} %`);
    if (!WORKERS) {
      line("requests per asset (4 agents)", (Math.max(...runs.map((r) => r.four.requests)) / paths.length).toFixed(2));
      line("queue overhead per job, 1 agent (ms)", median(runs.map((r) => r.one.overheadMs)).toFixed(2));
      line("queue overhead per job, 4 agents (ms)", median(runs.map((r) => r.four.overheadMs)).toFixed(2));
    }
  }
  console.log("");
  if (!WORKERS) line("tokens requested by the agents", String(tokens));
  await db.$disconnect();
}

/**
 * n worker nodes (npm run worker's script) on this console's database and data folder, as a
 * cluster runs them; resolves once each has started a worker per agent. stop() ends them (SIGTERM:
 * they hand back what they hold and deregister).
 */
async function startWorkerProcesses(n: number): Promise<{ stop: () => Promise<void> }> {
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
    async stop() {
      const exits = children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r))));
      for (const c of children) c.kill("SIGTERM");
      await Promise.all(exits);
    },
  };
}

function message(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the install's server exited (${code})`));
    child.once("exit", onExit);
    child.once("message", (m) => {
      child.off("exit", onExit);
      resolve(m);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
