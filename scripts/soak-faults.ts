// npm run soak:faults [-- --assets 2000 --mixed 1000 --kb 16 --socket-timeout-s 5]
//
// Fault injection: the real replication agents deliver generated assets to a portal in another
// process through fault-injecting proxies (scripts/support/fault-proxy.ts), one in front of the
// portal's receiving API (the tenant URL) and one in front of the gateway (this install's public
// URL, where the agents get their tokens). In turn:
//   1. after a warm-up, clean runs for reference, and
//   2. runs with 10 % of the uploads answered 503 (half of them with Retry-After): throughput must
//      stay at 80 % or more of the clean runs' (`throughput under faults: <pct> %`), throughput
//      being the rate up to the 90th percentile of deliveries, while the queue is full (see below);
//   3. every fault at once: connection resets, slow requests, 503s with and without Retry-After,
//      uploads cut short, answers cut short, half-open connections: delivery completes;
//   4. a half-open connection (accepted, never answered): the agent's socket timeout frees it and
//      the asset goes on its next attempt;
//   5. the gateway down: a console node that starts then says so in its agents' log, Test
//      Connection says so, and both recover when the gateway is back.
// At the end every asset must be at the portal once with the right SHA-256 and no job stuck.
// Prints `lost: <n>, duplicated: <n>, stuck: <n>` and exits non-zero unless every check holds.
// Runs under node --conditions=react-server (lib modules import "server-only").
import type { ChildProcess } from "node:child_process";
import { startFaultProxy, type FaultProxy } from "./support/fault-proxy";
import {
  enqueueAssets,
  freePort,
  generateAssets,
  jobsOutcome,
  killInstall,
  serveConsoleNode,
  servePortalInstall,
  setUpConsole,
  startInstall,
  verifyAtPortal,
  waitForQueue,
  type Expected,
  soakEnvironments,
} from "./support/soak-installs";
import { arg, args } from "./support/args";

/** Assets of the clean runs and of the runs with 503s (each kind: two runs of half as many). */
const ASSETS = Number(arg("assets", "2000"));
/** Assets of the run with every fault. */
const MIXED = Number(arg("mixed", "1000"));
/** Assets delivered before anything is measured (first claims, tokens, caches). */
const WARM_UP = 200;
const BYTES = Number(arg("kb", "16")) * 1024;
const SOCKET_TIMEOUT_MS = Number(arg("socket-timeout-s", "5")) * 1000;
const GATEWAY_ASSETS = 40;
/** The longest any phase may take to drain before its jobs count as stuck. */
const DRAIN_MS = 300_000;
const RETRY_DELAY_MS = 1_000;

if (args.includes("--portal")) void servePortalInstall(Number(process.env.SOAK_PORTAL_PORT));
else if (args.includes("--console")) void serveConsoleNode();
else
  main().then(
    (ok) => process.exit(ok ? 0 : 1),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );

type Run = { ms: number; ms90: number; n90: number; retried: number; unexplained: number; stuck: number };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<boolean> {
  // The gateway proxy stands at this install's public URL (the issuer the tokens name); the portal
  // install listens behind it, and behind the tenant proxy, on a port of its own.
  const publicPort = await freePort();
  const portalPort = await freePort();
  const origin = `http://127.0.0.1:${publicPort}`;
  const portalOrigin = `http://127.0.0.1:${portalPort}`;
  const { consoleEnv, portalEnv, remove } = soakEnvironments("faults", origin, {
    SOAK_PORTAL_PORT: String(portalPort),
  });
  const children = new Set<ChildProcess>();
  const proxies: FaultProxy[] = [];
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
    return ok;
  };
  try {
    const portal = await startInstall("--portal", portalEnv, children);
    // Both name the install by its public host, as a load balancer in front of it would.
    const hostHeader = new URL(origin).host;
    const gateway = await startFaultProxy({ target: portalOrigin, port: publicPort, hostHeader });
    // Faults hit the asset uploads only: the tenant's ping stays clean for Test Connection.
    const tenant = await startFaultProxy({
      target: portalOrigin,
      hostHeader,
      retryAfterSeconds: 1,
      slowMs: 500,
      affects: (r) => r.method === "PUT" && r.path.includes("/api/v1/assets"),
    });
    proxies.push(gateway, tenant);

    const slug = "soak-faults";
    const { configId } = await setUpConsole(portal, [slug], {
      retryDelayMs: RETRY_DELAY_MS,
      maxAttempts: 100,
      socketTimeoutMs: SOCKET_TIMEOUT_MS,
    });
    const { db } = await import("@/lib/db");
    await db.brandPortalConfig.update({ where: { id: configId }, data: { tenantUrl: `${tenant.url}/portal/${slug}` } });

    const total = WARM_UP + 2 * ASSETS + MIXED + GATEWAY_ASSETS + 1;
    process.stdout.write(`generating ${total} assets of ${BYTES / 1024} KB … `);
    const sets = {
      warmUp: await generateAssets("/content/dam/warm-up", WARM_UP, BYTES),
      clean: await generateAssets("/content/dam/clean", ASSETS, BYTES),
      unavailable: await generateAssets("/content/dam/unavailable", ASSETS, BYTES),
      mixed: await generateAssets("/content/dam/mixed", MIXED, BYTES),
      halfOpen: await generateAssets("/content/dam/half-open", 1, BYTES),
      gatewayDown: await generateAssets("/content/dam/gateway-down", GATEWAY_ASSETS, BYTES),
    };
    console.log("done");
    const published: Expected[] = [];

    let consoleNode = await startInstall("--console", consoleEnv, children);

    /** Publishes a set, waits until it is delivered, and checks its jobs; the time it took. */
    async function publish(label: string, set: Expected[]): Promise<Run> {
      const since = new Date();
      const t0 = performance.now();
      await enqueueAssets(configId, set);
      published.push(...set);
      const jobs = { configId, createdAt: { gte: since } };
      const drained = await waitForQueue(jobs, DRAIN_MS);
      const ms = performance.now() - t0;
      const { stuck, retried, unexplained } = await jobsOutcome(jobs);
      check(drained && stuck.length === 0, `${label}: ${stuck.length} jobs not done`);
      check(unexplained === 0, `${label}: ${unexplained} retries the agent log does not explain`);
      for (const j of stuck.slice(0, 5)) console.log(`  stuck ${j.state}: ${j.path} ${j.lastError ?? ""}`);
      // When 90 % of the set was delivered, by the jobs' times as the agents wrote them, from the
      // first claim (the workers of another process notice new jobs at their next poll, within 1 s).
      const times = await db.replicationJob.findMany({
        where: { ...jobs, state: "done" },
        select: { completedAt: true, claimedAt: true },
      });
      const first = Math.min(...times.map((j) => j.claimedAt!.getTime()));
      const completed = times.map((j) => j.completedAt!.getTime() - first).sort((x, y) => x - y);
      const n90 = Math.ceil(set.length * 0.9);
      const ms90 = completed[n90 - 1] ?? Infinity;
      return { ms, ms90, n90, retried, unexplained, stuck: stuck.length };
    }
    const injected = (before: Record<string, number>) =>
      Object.entries(tenant.counts())
        .filter(([k, v]) => k !== "pass" && v - (before[k] ?? 0) > 0)
        .map(([k, v]) => `${k} ${v - (before[k] ?? 0)}`)
        .join(", ");

    // 1 and 2. Clean runs and runs with 10 % of the uploads answered 503 (half of them with
    // Retry-After: 1), in the order clean, 503s, 503s, clean, each half of its set: the machine's
    // load drifts, and this order cancels a steady drift. Throughput is the rate while the queue is
    // full, up to the 90th percentile of each run's deliveries: the last retries' backoff (a second
    // or more for a job refused twice in a row) is latency, not throughput, and would otherwise
    // decide a short run on its own.
    await publish("warm-up", sets.warmUp);
    const half = (set: Expected[], i: number) => set.slice(i * (set.length >> 1), i ? undefined : set.length >> 1);
    const runs = { clean: [] as Run[], unavailable: [] as Run[] };
    let before = tenant.counts();
    for (const [kind, i] of [
      ["clean", 0],
      ["unavailable", 0],
      ["unavailable", 1],
      ["clean", 1],
    ] as const) {
      if (kind === "unavailable") tenant.setFaults({ unavailableRate: 0.05, retryAfterRate: 0.05 });
      const set = half(sets[kind], i);
      const r = await publish(kind === "clean" ? "clean run" : "10 % 503s", set);
      tenant.pass();
      runs[kind].push(r);
      console.log(
        `${kind === "clean" ? "clean run" : "10 % 503s"}: ${set.length} assets, 90 % in ${s(r.ms90)} ` +
          `(${((r.n90 / r.ms90) * 1000).toFixed(1)} assets/s), all in ${s(r.ms)}, ${r.retried} retried`,
      );
    }
    const rate = (rs: Run[]) => (rs.reduce((n, r) => n + r.n90, 0) / rs.reduce((t, r) => t + r.ms90, 0)) * 1000;
    console.log(`injected: ${injected(before)}`);
    const pct = Math.round((rate(runs.unavailable) / rate(runs.clean)) * 100);
    console.log(
      `clean: ${rate(runs.clean).toFixed(1)} assets/s, with 10 % 503s: ${rate(runs.unavailable).toFixed(1)} assets/s`,
    );
    console.log(`throughput under faults: ${pct} %`);
    check(pct >= 80, `throughput under faults ${pct} % is below 80 % of the clean runs'`);

    // 3. Every fault at once.
    before = tenant.counts();
    tenant.setFaults({
      resetRate: 0.03,
      unavailableRate: 0.02,
      retryAfterRate: 0.02,
      truncateRate: 0.03,
      cutAnswerRate: 0.03,
      slowRate: 0.05,
      halfOpenRate: 0.003,
    });
    const mixed = await publish("every fault", sets.mixed);
    tenant.pass();
    const mixedCounts = injected(before);
    console.log(
      `every fault: ${MIXED} assets in ${s(mixed.ms)}, ${mixed.retried} retried, ` +
        `${mixed.unexplained} retries unexplained; injected: ${mixedCounts}`,
    );
    // What the agents said about them: each kind of error once, without the path and the attempt.
    const said = new Set<string>();
    for (const e of await db.agentLogEntry.findMany({
      where: { level: "error", path: { startsWith: "/content/dam/mixed/" } },
      select: { message: true },
    }))
      said.add(e.message.replace(/^.*?\.bin: /, "").replace(/ \(attempt \d+ of .*$/, ""));
    for (const m of said) console.log(`  agent log: ${m}`);
    for (const kind of ["reset", "503", "503 with Retry-After", "truncate", "cutAnswer", "delay"])
      check(new RegExp(`(^|, )${kind} \\d`).test(mixedCounts), `every fault: no ${kind} was injected`);

    // 4. A half-open connection: the agent waits for an answer that never comes, until its socket timeout.
    const stuckPath = sets.halfOpen[0].path;
    let held = false;
    tenant.plan((r) => {
      if (held || r.method !== "PUT" || !r.path.includes(encodeURIComponent(stuckPath))) return null;
      held = true;
      return { kind: "halfOpen" };
    });
    const halfOpen = await publish("half-open", sets.halfOpen);
    tenant.pass();
    const halfJob = await db.replicationJob.findFirst({ where: { path: stuckPath }, orderBy: { id: "desc" } });
    const timeoutLine = await db.agentLogEntry.findFirst({
      where: { path: stuckPath, level: "error", message: { contains: "did not answer in time" } },
    });
    console.log(
      `half-open: delivered in ${s(halfOpen.ms)} on attempt ${halfJob?.attempts} (socket timeout ${s(SOCKET_TIMEOUT_MS)}); ` +
        `agent log: ${timeoutLine?.message ?? "(nothing)"}`,
    );
    check(held, "half-open: the connection was never held");
    check(halfJob?.state === "done" && halfJob.attempts === 2, "half-open: not delivered on the second attempt");
    check(!!timeoutLine, "half-open: the agent log does not say the portal did not answer in time");
    check(
      halfOpen.ms >= SOCKET_TIMEOUT_MS && halfOpen.ms < SOCKET_TIMEOUT_MS + 15_000,
      `half-open: freed after ${s(halfOpen.ms)}, not by the ${s(SOCKET_TIMEOUT_MS)} socket timeout`,
    );

    // 5. The gateway down: a console node starting now has no token and cannot get one.
    await killInstall(consoleNode);
    await gateway.down();
    consoleNode = await startInstall("--console", consoleEnv, children);
    const since = new Date();
    await enqueueAssets(configId, sets.gatewayDown);
    published.push(...sets.gatewayDown);
    const { testConnection } = await import("@/lib/replication/test-connection");
    const agent = await db.replicationAgent.findFirstOrThrow({ where: { configId }, orderBy: { position: "asc" } });
    let blockedLine = null;
    for (let i = 0; i < 100 && !blockedLine; i++) {
      await sleep(200);
      blockedLine = await db.agentLogEntry.findFirst({ where: { at: { gte: since }, result: "blocked" } });
    }
    const down = await testConnection(agent.id);
    console.log(`gateway down: agent log: ${blockedLine?.message ?? "(nothing)"}`);
    console.log(`gateway down: Test Connection: ${down.ok ? "succeeded" : down.cause}`);
    const gatewayAt = new URL(origin).host;
    check(
      !!blockedLine?.message.includes(`Cannot reach the OAuth gateway: Connection refused by ${gatewayAt}`),
      "gateway down: the agent log does not say the gateway cannot be reached",
    );
    check(
      !down.ok && !!down.cause?.includes(`Cannot reach the OAuth gateway: Connection refused by ${gatewayAt}`),
      "gateway down: Test Connection does not say the gateway cannot be reached",
    );
    const doneWhileDown = await db.replicationJob.count({
      where: { configId, createdAt: { gte: since }, state: "done" },
    });
    check(doneWhileDown === 0, `gateway down: ${doneWhileDown} jobs done without a token`);

    await gateway.up();
    const t0 = performance.now();
    const upAgain = await testConnection(agent.id);
    const jobs = { configId, createdAt: { gte: since } };
    const drained = await waitForQueue(jobs, DRAIN_MS);
    const recovered = performance.now() - t0;
    const after = await jobsOutcome(jobs);
    console.log(
      `gateway back: Test Connection ${upAgain.ok ? "succeeded" : `failed: ${upAgain.cause}`}; ` +
        `${GATEWAY_ASSETS} assets delivered ${s(recovered)} after, ${after.stuck.length} stuck`,
    );
    check(upAgain.ok, "gateway back: Test Connection still fails");
    check(drained && after.stuck.length === 0, "gateway back: the agents did not recover");
    await killInstall(consoleNode);

    const verdict = await verifyAtPortal(portal, slug, published);
    for (const d of verdict.details.slice(0, 10)) console.log(`  ${d}`);
    const stuck = await db.replicationJob.count({ where: { configId, state: { not: "done" } } });
    console.log(`lost: ${verdict.lost}, duplicated: ${verdict.duplicated}, stuck: ${stuck}`);
    // Resets and cut uploads must not leave partial files behind at the portal.
    console.log(`partial uploads left at the portal: ${verdict.tempFiles}`);
    check(verdict.tempFiles === 0, `${verdict.tempFiles} partial uploads left in the portal's blob store`);
    check(verdict.lost + verdict.duplicated + stuck === 0, "assets lost, duplicated or stuck");
    for (const f of failures) console.log(`FAILED: ${f}`);
    console.log(failures.length ? `\n${failures.length} checks failed` : "\nall checks passed");
    await db.$disconnect();
    return failures.length === 0;
  } finally {
    for (const p of proxies) await p.close().catch(() => {});
    for (const c of children) c.kill("SIGKILL");
    remove();
  }
}
