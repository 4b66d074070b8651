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
import type { ChildProcess } from "node:child_process";
import {
  freePort,
  enqueueAssets,
  generateAssets,
  jobsOutcome,
  killInstall as kill,
  serveConsoleNode,
  servePortalInstall,
  setUpConsole,
  startInstall,
  verifyAtPortal,
  waitForQueue,
  soakEnvironments,
} from "./support/soak-installs";
import { arg, args } from "./support/args";

const ASSETS = Number(arg("assets", "1000"));
const KILLS = Number(arg("kills", "10"));
const BYTES = Number(arg("kb", "16")) * 1024;
/** How long the queue may take to drain after the last kill (a dead node's leases expire after 60 s). */
const DRAIN_MS = Number(arg("drain-s", "240")) * 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

if (args.includes("--portal")) void servePortalInstall();
else if (args.includes("--console")) void serveConsoleNode();
else
  main().then(
    (ok) => process.exit(ok ? 0 : 1),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );

// ── the soak ────────────────────────────────────────────────────────────────────
async function main(): Promise<boolean> {
  const origin = `http://127.0.0.1:${await freePort()}`;
  const { consoleEnv, portalEnv, remove } = soakEnvironments("soak", origin);
  const children = new Set<ChildProcess>();
  const start = (role: "--portal" | "--console", env: NodeJS.ProcessEnv) => startInstall(role, env, children);
  try {
    let portal = await start("--portal", portalEnv);
    // Quick retries, enough attempts for ten outages, and the claims in the log (they name the attempt).
    const { configId, setup } = await setUpConsole(portal, ["soak-console-kills", "soak-portal-kills"], {
      retryDelayMs: 1_000,
      maxAttempts: 100,
    });
    const cfg = { id: configId };
    const { db } = await import("@/lib/db");

    process.stdout.write(`generating ${ASSETS} assets of ${BYTES / 1024} KB … `);
    const expected = await generateAssets("/content/dam/soak", ASSETS, BYTES);
    console.log("done");

    const totals = { lost: 0, duplicated: 0, stuck: 0, retries: 0, unexplained: 0 };
    for (const [victim, slug] of [
      ["console", setup.slugs[0]],
      ["portal", setup.slugs[1]],
    ] as const) {
      await db.brandPortalConfig.update({ where: { id: cfg.id }, data: { tenantUrl: `${origin}/portal/${slug}` } });
      const since = new Date();
      await enqueueAssets(cfg.id, expected);
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
      await waitForQueue(jobsOf, DRAIN_MS, 500);
      const seconds = (performance.now() - t0) / 1000;
      await kill(consoleNode);

      const verdict = await verifyAtPortal(portal, slug, expected);
      const { stuck: stuckJobs, retried, unexplained } = await jobsOutcome(jobsOf);
      const errors = await db.agentLogEntry.findMany({
        where: { at: { gte: since }, level: "error" },
        select: { message: true },
        take: 3,
      });
      console.log(
        `${victim} killed ${KILLS} times (${idleKills} after the last delivery): ${ASSETS} assets in ${seconds.toFixed(1)} s, ` +
          `${retried} retried, ${unexplained} retries the agent log does not explain`,
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
      totals.retries += retried;
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
    remove();
  }
}
