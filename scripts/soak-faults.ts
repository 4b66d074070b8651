// npm run soak:faults [-- --assets 1000 --kb 16 --socket-timeout-s 5]
//
// Fault injection: the real replication agents deliver generated assets to a portal in another
// process through fault-injecting proxies (scripts/support/fault-proxy.ts), one in front of the
// portal's receiving API (the tenant URL) and one in front of the gateway (this install's public
// URL, where the agents get their tokens). In turn:
//   1. a clean run, for reference;
//   2. 10 % of the uploads answered 503 (half of them with Retry-After): throughput must stay at
//      80 % or more of the clean run's (`throughput under faults: <pct> %`);
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
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
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
} from "./support/soak-installs";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const ASSETS = Number(arg("assets", "1000"));
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<boolean> {
  // The gateway proxy stands at this install's public URL (the issuer the tokens name); the portal
  // install listens behind it, and behind the tenant proxy, on a port of its own.
  const publicPort = await freePort();
  const portalPort = await freePort();
  const origin = `http://127.0.0.1:${publicPort}`;
  const portalOrigin = `http://127.0.0.1:${portalPort}`;
  const consoleDir = mkdtempSync(path.join(os.tmpdir(), "outpost-faults-console-"));
  const portalDir = mkdtempSync(path.join(os.tmpdir(), "outpost-faults-portal-"));
  const common = { OUTPOST_PUBLIC_URL: origin, OUTPOST_DEMO_CONTENT: "off", NODE_ENV: "production" as const };
  const consoleEnv = {
    ...process.env,
    ...common,
    OUTPOST_DATA_DIR: consoleDir,
    DATABASE_URL: `file:${path.join(consoleDir, "console.db")}`,
  };
  const portalEnv = {
    ...process.env,
    ...common,
    SOAK_PORTAL_PORT: String(portalPort),
    OUTPOST_DATA_DIR: portalDir,
    DATABASE_URL: `file:${path.join(portalDir, "portal.db")}`,
  };
  Object.assign(process.env, consoleEnv, { OUTPOST_WORKERS: "off" });
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

    process.stdout.write(`generating ${3 * ASSETS + GATEWAY_ASSETS + 1} assets of ${BYTES / 1024} KB … `);
    const sets = {
      clean: await generateAssets("/content/dam/clean", ASSETS, BYTES),
      unavailable: await generateAssets("/content/dam/unavailable", ASSETS, BYTES),
      mixed: await generateAssets("/content/dam/mixed", ASSETS, BYTES),
      halfOpen: await generateAssets("/content/dam/half-open", 1, BYTES),
      gatewayDown: await generateAssets("/content/dam/gateway-down", GATEWAY_ASSETS, BYTES),
    };
    console.log("done");
    const published: Expected[] = [];

    let consoleNode = await startInstall("--console", consoleEnv, children);

    /** Publishes a set, waits until it is delivered, and checks its jobs; the time it took. */
    async function publish(label: string, set: Expected[]) {
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
      return { ms, retried, unexplained, stuck: stuck.length };
    }
    const injected = (before: Record<string, number>) =>
      Object.entries(tenant.counts())
        .filter(([k, v]) => k !== "pass" && v - (before[k] ?? 0) > 0)
        .map(([k, v]) => `${k} ${v - (before[k] ?? 0)}`)
        .join(", ");

    // 1. Clean, for reference.
    const clean = await publish("clean run", sets.clean);
    const cleanRate = (ASSETS / clean.ms) * 1000;
    console.log(`clean run: ${ASSETS} assets in ${s(clean.ms)} (${cleanRate.toFixed(1)} assets/s)`);

    // 2. 10 % of the uploads answered 503, half of them with Retry-After: 1.
    let before = tenant.counts();
    tenant.setFaults({ unavailableRate: 0.05, retryAfterRate: 0.05 });
    const unavailable = await publish("10 % 503s", sets.unavailable);
    tenant.pass();
    const faultRate = (ASSETS / unavailable.ms) * 1000;
    const pct = Math.round((faultRate / cleanRate) * 100);
    console.log(
      `10 % 503s: ${ASSETS} assets in ${s(unavailable.ms)} (${faultRate.toFixed(1)} assets/s), ` +
        `${unavailable.retried} retried; injected: ${injected(before)}`,
    );
    console.log(`throughput under faults: ${pct} %`);
    check(pct >= 80, `throughput under faults ${pct} % is below 80 % of the clean run`);

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
      `every fault: ${ASSETS} assets in ${s(mixed.ms)}, ${mixed.retried} retried, ` +
        `${mixed.unexplained} retries unexplained; injected: ${mixedCounts}`,
    );
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
    check(verdict.lost + verdict.duplicated + stuck === 0, "assets lost, duplicated or stuck");
    for (const f of failures) console.log(`FAILED: ${f}`);
    console.log(failures.length ? `\n${failures.length} checks failed` : "\nall checks passed");
    await db.$disconnect();
    return failures.length === 0;
  } finally {
    for (const p of proxies) await p.close().catch(() => {});
    for (const c of children) c.kill("SIGKILL");
    rmSync(consoleDir, { recursive: true, force: true });
    rmSync(portalDir, { recursive: true, force: true });
  }
}
