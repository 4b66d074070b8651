// npm run soak:crash [-- --assets 1000 --kills 10 --kb 16]
//
// Crash soak: publishes generated assets through the real replication agents to a portal in a
// second process, and kills a process with SIGKILL at random moments, restarting it each time:
// first the console (the node whose agents deliver), then the portal. At the end every asset must
// be at the portal once, with the right SHA-256, no job may be left queued, running or failed, and
// the agent log must explain every retry. Prints `lost: <n>, duplicated: <n>, stuck: <n>` and exits
// non-zero unless all are 0 (and every retry is explained).
//
// Three processes: this one prepares the console's database (configuration, assets, the queue
// through enqueueJobs) and checks the outcome; a console child runs Outpost's start-up tasks
// (lib/runtime/tasks.ts: the replication workers); a portal child serves the gateway and the
// portal's receiving routes on a fixed port with its own database, as another install would.
import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  childMessage as message,
  createTrustedConfig,
  freePort,
  generateAssets,
  serveInstallRoutes,
  setUpGateway,
  type PortalSetup,
} from "./support/portal-install";

type Expected = { path: string; sha256: string };
type Verdict = { lost: number; duplicated: number; details: string[] };

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const ASSETS = Number(arg("assets", "1000"));
const KILLS = Number(arg("kills", "10"));
const BYTES = Number(arg("kb", "16")) * 1024;
/** How long the queue may take to drain after the last kill (a dead node's leases expire after 60 s). */
const DRAIN_MS = Number(arg("drain-s", "240")) * 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

if (args.includes("--portal")) void servePortal();
else if (args.includes("--console")) void serveConsole();
else
  main().then(
    (ok) => process.exit(ok ? 0 : 1),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );

// ── the portal install: gateway and receiving API ───────────────────────────────
async function servePortal() {
  await serveInstallRoutes({ port: Number(new URL(process.env.OUTPOST_PUBLIC_URL!).port) });
  process.on(
    "message",
    async (msg: { setup?: { publicKeyPem: string }; verify?: { slug: string; expected: Expected[] } }) => {
      if (msg.setup)
        process.send!(
          await setUpGateway({
            name: "Soak",
            publicKeyPem: msg.setup.publicKeyPem,
            slugs: ["soak-console-kills", "soak-portal-kills"],
          }),
        );
      if (msg.verify) process.send!(await verifyPortal(msg.verify.slug, msg.verify.expected));
    },
  );
  process.send!("ready");
}

/** What the portal holds for a tenant, against what was published: rows, hashes and the blobs' bytes. */
async function verifyPortal(slug: string, expected: Expected[]): Promise<Verdict> {
  const { db } = await import("@/lib/db");
  const { portalBlobs } = await import("@/lib/storage/stores");
  const rows = await db.portalAsset.findMany({ where: { tenant: { slug } }, select: { path: true, sha256: true } });
  const byPath = new Map<string, string[]>();
  for (const r of rows) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r.sha256]);
  const want = new Map(expected.map((e) => [e.path, e.sha256]));
  const details: string[] = [];
  let lost = 0;
  let duplicated = 0;
  for (const [p, shas] of byPath) {
    if (!want.has(p)) {
      duplicated++;
      details.push(`unexpected at the portal: ${p}`);
    }
    if (shas.length > 1) {
      duplicated += shas.length - 1;
      details.push(`${shas.length} copies: ${p}`);
    }
  }
  for (const { path: p, sha256 } of expected) {
    const got = byPath.get(p)?.[0];
    if (got !== sha256) {
      lost++;
      details.push(got ? `wrong SHA-256 at the portal: ${p}` : `missing at the portal: ${p}`);
      continue;
    }
    const hash = createHash("sha256");
    try {
      for await (const c of portalBlobs.open(sha256)) hash.update(c as Buffer);
    } catch {
      lost++;
      details.push(`no binary at the portal: ${p}`);
      continue;
    }
    if (hash.digest("hex") !== sha256) {
      lost++;
      details.push(`binary damaged at the portal: ${p}`);
    }
  }
  return { lost, duplicated, details };
}

// ── the console node: Outpost's start-up tasks, replication workers on ─────────
async function serveConsole() {
  const { startTasks } = await import("@/lib/runtime/tasks");
  await startTasks({ demoContent: false, workers: true });
  process.send!("ready");
}

// ── the soak ────────────────────────────────────────────────────────────────────
async function main(): Promise<boolean> {
  const origin = `http://127.0.0.1:${await freePort()}`;
  const consoleDir = mkdtempSync(path.join(os.tmpdir(), "outpost-soak-console-"));
  const portalDir = mkdtempSync(path.join(os.tmpdir(), "outpost-soak-portal-"));
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
    OUTPOST_WORKERS: "off",
    OUTPOST_DATA_DIR: portalDir,
    DATABASE_URL: `file:${path.join(portalDir, "portal.db")}`,
  };
  Object.assign(process.env, consoleEnv, { OUTPOST_WORKERS: "off" });
  const children = new Set<ChildProcess>();
  const start = async (role: "--portal" | "--console", env: NodeJS.ProcessEnv) => {
    const child = fork(process.argv[1], [role], {
      execArgv: process.execArgv,
      env: { ...env, OUTPOST_WORKERS: role === "--console" ? "on" : "off" },
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    children.add(child);
    child.once("exit", () => children.delete(child));
    await message(child);
    return child;
  };
  const kill = async (child: ChildProcess) => {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  };
  try {
    let portal = await start("--portal", portalEnv);
    const { migrate } = await import("@/lib/db/migrate");
    await migrate(process.env.DATABASE_URL!);
    const { db } = await import("@/lib/db");
    const { enqueueJobs } = await import("@/lib/replication/queue/enqueue");

    const { configId, setup } = await createTrustedConfig({
      name: "Soak",
      trust: async (publicKeyPem) => {
        portal.send({ setup: { publicKeyPem } });
        return (await message(portal)) as PortalSetup;
      },
    });
    const cfg = { id: configId };
    // Quick retries, enough attempts for ten outages, and the claims in the log (they name the attempt).
    await db.replicationAgent.updateMany({
      where: { configId: cfg.id },
      data: { enabled: true, retryDelayMs: 1_000, maxAttempts: 100, logLevel: "debug" },
    });

    process.stdout.write(`generating ${ASSETS} assets of ${BYTES / 1024} KB … `);
    const expected: Expected[] = await generateAssets({
      folderPath: "/content/dam/soak",
      prefix: "soak",
      count: ASSETS,
      bytes: BYTES,
    });
    console.log("done");

    const totals = { lost: 0, duplicated: 0, stuck: 0, retries: 0, unexplained: 0 };
    for (const [victim, slug] of [
      ["console", setup.slugs[0]],
      ["portal", setup.slugs[1]],
    ] as const) {
      await db.brandPortalConfig.update({ where: { id: cfg.id }, data: { tenantUrl: `${origin}/portal/${slug}` } });
      const since = new Date();
      await db.$transaction((tx) =>
        enqueueJobs(tx, {
          configId: cfg.id,
          items: expected.map((e) => ({ action: "publish" as const, kind: "asset" as const, path: e.path })),
        }),
      );
      const jobsOf = { configId: cfg.id, createdAt: { gte: since } };
      const t0 = performance.now();
      let consoleNode = await start("--console", consoleEnv);
      let idleKills = 0;
      for (let k = 1; k <= KILLS; k++) {
        await sleep(between(300, 2_500));
        const done = await db.replicationJob.count({ where: { ...jobsOf, state: "done" } });
        if (done === ASSETS) idleKills++;
        if (victim === "console") {
          await kill(consoleNode);
          consoleNode = await start("--console", consoleEnv);
        } else {
          await kill(portal);
          await sleep(between(0, 1_500)); // the portal stays down a moment: agents see refused connections
          portal = await start("--portal", portalEnv);
        }
        console.log(`  kill ${k} of the ${victim} after ${done} of ${ASSETS} delivered`);
      }
      const deadline = Date.now() + DRAIN_MS;
      const open = { ...jobsOf, state: { in: ["queued", "running"] } };
      while ((await db.replicationJob.count({ where: open })) && Date.now() < deadline) await sleep(500);
      const seconds = (performance.now() - t0) / 1000;
      await kill(consoleNode);

      portal.send({ verify: { slug, expected } });
      const verdict = (await message(portal)) as Verdict;
      const stuckJobs = await db.replicationJob.findMany({
        where: { ...jobsOf, state: { not: "done" } },
        select: { path: true, state: true, lastError: true },
      });
      const retried = await db.replicationJob.findMany({
        where: { ...jobsOf, attempts: { gt: 1 } },
        select: { path: true, attempts: true },
      });
      let unexplained = 0;
      for (const job of retried) {
        // A retry is explained by the failed attempt's error, or by the claim naming the attempt.
        const why = await db.agentLogEntry.findFirst({
          where: {
            path: job.path,
            at: { gte: since },
            OR: [{ level: "error" }, { result: "claimed", message: { contains: `attempt ${job.attempts} of` } }],
          },
        });
        if (!why) unexplained++;
      }
      const errors = await db.agentLogEntry.findMany({
        where: { at: { gte: since }, level: "error" },
        select: { message: true },
        take: 3,
      });
      console.log(
        `${victim} killed ${KILLS} times (${idleKills} after the last delivery): ${ASSETS} assets in ${seconds.toFixed(1)} s, ` +
          `${retried.length} retried, ${unexplained} retries the agent log does not explain`,
      );
      for (const e of errors) console.log(`  agent log: ${e.message}`);
      for (const d of [
        ...verdict.details,
        ...stuckJobs.map((j) => `stuck ${j.state}: ${j.path} ${j.lastError ?? ""}`),
      ].slice(0, 10))
        console.log(`  ${d}`);
      console.log(`lost: ${verdict.lost}, duplicated: ${verdict.duplicated}, stuck: ${stuckJobs.length}`);
      totals.lost += verdict.lost;
      totals.duplicated += verdict.duplicated;
      totals.stuck += stuckJobs.length;
      totals.retries += retried.length;
      totals.unexplained += unexplained;
    }
    console.log(
      `\ntotal: lost: ${totals.lost}, duplicated: ${totals.duplicated}, stuck: ${totals.stuck} ` +
        `(${totals.retries} retries, ${totals.unexplained} unexplained)`,
    );
    await db.$disconnect();
    return totals.lost + totals.duplicated + totals.stuck + totals.unexplained === 0;
  } finally {
    for (const c of children) c.kill("SIGKILL");
    rmSync(consoleDir, { recursive: true, force: true });
    rmSync(portalDir, { recursive: true, force: true });
  }
}
