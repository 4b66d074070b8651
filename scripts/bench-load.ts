// npm run bench:load [-- --seconds 15] [--rate 25] [--connections 10] [--assets 4000] [--kb 64] [--browse 1000] [--database postgresql://…]
//
// Does the Assets console stay responsive while the agents publish? Two installs, as in production,
// each the production Next server of this build (`next start`, the real routes, proxy and start-up):
// - the console (workers on: its four replication agents deliver from inside the server that
//   answers the browser), with --database or its own SQLite database;
// - the other install, with the embedded gateway and the portal tenant the agents publish to.
// An HTTP load (--rate requests per second over at most --connections connections, for --seconds)
// asks both at the same time: the Assets console's browse route (the call its
// folder view makes, a page of 50, with a signed-in author's session cookie) and the portal's
// folder page (server-rendered, with a portal user's session). First with nothing publishing (the
// baseline), then while a publication of --assets generated assets of --kb KB runs through the
// agents (started again whenever its queue runs low, so that the agents work throughout).
// Prints p50/p99 of each; the goal is p99 under 200 ms.
//
// The load is measured twice. First steady (scripts/support/steady-load.ts): a request every
// 1/rate s, its latency from the moment it was due; the goal is judged on this one. Then with
// autocannon at the same average rate, printed for comparison: its rate mode lets each connection
// send its share of a second's requests back to back at the top of every second (here 20 requests
// at once, both routes, then nothing), and its correction for coordinated omission assumes one
// request every ceil(1/rate) ms, that is every 1 ms (a rate per second taken as an interval in
// ms), so every response of L ms adds about L made-up samples and its p99 is close to the slowest
// answer of the slowest burst.
// Runs under node --conditions=react-server (lib modules import "server-only").
import { fork, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { buildIfChanged } from "./build-if-changed";
import { spawnNextStart } from "./next-server";
import {
  childMessage,
  createTrustedConfig,
  freePort,
  generateAssets,
  setUpGateway,
  type PortalSetup,
} from "./support/portal-install";
import { arg, args } from "./support/args";
import { steadyLoad } from "./support/steady-load";

const SECONDS = Number(arg("seconds", "15"));
const RATE = Number(arg("rate", "25"));
const CONNECTIONS = Number(arg("connections", "10"));
const ASSETS = Number(arg("assets", "4000"));
const BYTES = Number(arg("kb", "64")) * 1024;
const BROWSE = Number(arg("browse", "1000"));
const GOAL_MS = 200;
const TENANT = "load";
const BROWSE_FOLDER = "/content/dam/load/browse";
const PUBLISH_FOLDER = "/content/dam/load/publish";

type PortalSession = { setup: PortalSetup; cookie: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (args.includes("--portal-setup")) void portalSetup();
else
  main().then(
    (ok) => process.exit(ok ? 0 : 1),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );

// ── in the portal install's database: the gateway administrator's part and a portal user ──────
async function portalSetup() {
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(process.env.DATABASE_URL!);
  process.once("message", async (msg: { publicKeyPem: string }) => {
    const setup = await setUpGateway({ name: "Load", publicKeyPem: msg.publicKeyPem, slugs: [TENANT] });
    const { db } = await import("@/lib/db");
    const { createPortalUser } = await import("@/lib/portal/users");
    const { createPortalSession, PORTAL_SESSION_COOKIE } = await import("@/lib/portal/sessions");
    const tenant = await db.portalTenant.findUniqueOrThrow({ where: { slug: TENANT }, select: { id: true } });
    const user = await createPortalUser({
      tenantId: tenant.id,
      login: "reader",
      displayName: "Reader",
      password: "load-bench-password",
      role: "admin", // sees everything published to the tenant
    });
    const { token } = await createPortalSession(user.id);
    process.send!({ setup, cookie: `${PORTAL_SESSION_COOKIE}=${token}` } satisfies PortalSession, () =>
      process.exit(0),
    );
  });
  process.send!("ready");
}

async function main(): Promise<boolean> {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  if (!buildIfChanged(env)) return false;
  const consoleOrigin = `http://127.0.0.1:${await freePort()}`;
  const portalOrigin = `http://127.0.0.1:${await freePort()}`;
  const consoleDir = mkdtempSync(path.join(os.tmpdir(), "outpost-load-console-"));
  const portalDir = mkdtempSync(path.join(os.tmpdir(), "outpost-load-portal-"));
  const common = {
    ...env,
    OUTPOST_DEMO_CONTENT: "off",
    OUTPOST_ADMIN_PASSWORD: "load-bench-admin", // so that no generated password is printed
  };
  const consoleEnv = {
    ...common,
    OUTPOST_DATA_DIR: consoleDir,
    DATABASE_URL: arg("database", `file:${path.join(consoleDir, "console.db")}`),
    OUTPOST_PUBLIC_URL: consoleOrigin,
    OUTPOST_WORKERS: "on",
  };
  const portalEnv = {
    ...common,
    OUTPOST_DATA_DIR: portalDir,
    DATABASE_URL: `file:${path.join(portalDir, "portal.db")}`,
    OUTPOST_PUBLIC_URL: portalOrigin,
    OUTPOST_WORKERS: "on",
  };
  // This process prepares the console's database (the configuration, a user, the assets, the
  // publications), as the console's own actions would.
  Object.assign(process.env, consoleEnv, { OUTPOST_WORKERS: "off" });
  const servers: ChildProcess[] = [];
  const logFile = path.join(os.tmpdir(), `outpost-bench-load-${process.pid}.log`);
  const log = createWriteStream(logFile);
  try {
    const { migrate } = await import("@/lib/db/migrate");
    await migrate(process.env.DATABASE_URL!);
    const { db } = await import("@/lib/db");
    const { createSession } = await import("@/lib/auth/sessions");
    const { SESSION_COOKIE } = await import("@/lib/auth/session-token");
    const { publishNow } = await import("@/lib/publication/create-publication");
    const { liveJobCount } = await import("@/lib/replication/queue/read-queue");

    const setupChild = fork(process.argv[1], ["--portal-setup"], {
      execArgv: process.execArgv,
      env: portalEnv,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    await childMessage(setupChild); // migrated
    let portal: PortalSession | undefined;
    const { configId } = await createTrustedConfig({
      name: "Load",
      gatewayUrl: `${portalOrigin}/gateway`,
      trust: async (publicKeyPem) => {
        setupChild.send({ publicKeyPem });
        portal = (await childMessage(setupChild)) as PortalSession;
        return portal.setup;
      },
    });
    await db.brandPortalConfig.update({
      where: { id: configId },
      data: { tenantUrl: `${portalOrigin}/portal/${TENANT}` },
    });
    const author = await db.user.create({
      data: { login: "author", name: "Author", role: "author", passwordHash: "x" },
    });
    const consoleCookie = `${SESSION_COOKIE}=${(await createSession(author.id)).token}`;

    process.stdout.write(`generating ${BROWSE} assets to browse and ${ASSETS} × ${BYTES / 1024} KB to publish … `);
    await db.folder.create({ data: { path: "/content/dam/load", name: "load", title: "load" } });
    await generateAssets({ folderPath: BROWSE_FOLDER, prefix: "browse", count: BROWSE, bytes: 4096 });
    await generateAssets({ folderPath: PUBLISH_FOLDER, prefix: "publish", count: ASSETS, bytes: BYTES });
    const [browseFolder, publishFolder] = await Promise.all(
      [BROWSE_FOLDER, PUBLISH_FOLDER].map((p) => db.folder.findUniqueOrThrow({ where: { path: p } })),
    );
    console.log("done");

    process.stdout.write("starting the console's and the portal's production servers … ");
    for (const [origin, serverEnv] of [
      [consoleOrigin, consoleEnv],
      [portalOrigin, portalEnv],
    ] as const) {
      const port = new URL(origin).port;
      const server = spawnNextStart(["-p", port, "-H", "127.0.0.1"], { ...serverEnv, PORT: port }, "pipe");
      server.stdout!.pipe(log, { end: false });
      server.stderr!.pipe(log, { end: false });
      servers.push(server);
    }
    await Promise.all([consoleOrigin, portalOrigin].map(waitForHealth));
    console.log(`done (their output: ${logFile})`);

    // The folder the portal reader looks at: the browse folder, published first (and all of it).
    const publish = (folderId: string) =>
      publishNow({ action: "publish", items: [{ kind: "folder", id: folderId }], userId: author.id });
    await publish(browseFolder.id);
    while (await liveJobCount(db, configId)) await sleep(250);

    const targets = {
      console: {
        label: "console browse",
        url: `${consoleOrigin}/api/assets/browse?${new URLSearchParams({ path: BROWSE_FOLDER, sort: "name", dir: "asc", offset: "0", limit: "50" })}`,
        cookie: consoleCookie,
      },
      portal: {
        label: "portal folder",
        url: `${portalOrigin}/portal/${TENANT}/folders/load/browse`,
        cookie: portal!.cookie,
      },
    };
    // Both must answer what a signed-in user gets (not a sign-in page or an error) before we measure.
    for (const t of Object.values(targets)) {
      const res = await fetch(t.url, { headers: { cookie: t.cookie }, redirect: "manual" });
      if (res.status !== 200) throw new Error(`${t.label}: HTTP ${res.status} for ${t.url}`);
      await res.arrayBuffer();
    }

    const db1 = process.env.DATABASE_URL!.startsWith("file:") ? "SQLite" : "PostgreSQL";
    console.log(
      `load: ${RATE} requests/s on each route over ${CONNECTIONS} connections each, ${SECONDS} s; ` +
        `console database: ${db1}; ${os.cpus().length} cores; load average ${os.loadavg()[0].toFixed(2)}; Node ${process.versions.node}`,
    );

    const measureBoth = (seconds = SECONDS) =>
      Promise.all([measure(targets.console, seconds), measure(targets.portal, seconds)]);
    let ok = true;
    const report = (prefix: string, results: Measured[]) => {
      for (const r of results) {
        console.log(`${prefix}${r.label} p50: ${r.p50} ms`);
        console.log(`${prefix}${r.label} p99: ${r.p99} ms (${r.requests} requests, ${RATE}/s evenly spaced)`);
        console.log(
          `${prefix}${r.label} with autocannon's bursts: p99 ${r.burstP99} ms (${r.burstRequests} requests; see the header)`,
        );
        if (r.failed) {
          ok = false;
          console.log(`  ${r.label}: ${r.failed} requests failed (non-200, errors or timeouts)`);
        }
      }
    };

    // The first requests of a fresh server load its route bundles and warm its caches: not measured.
    await measureBoth(3);
    console.log("\n== baseline: nothing publishing ==");
    const baseline = await measureBoth();
    report("baseline ", baseline);

    console.log(`\n== while the agents publish ${ASSETS} assets of ${BYTES / 1024} KB ==`);
    const doneBefore = await doneJobs(db, configId);
    await publish(publishFolder.id);
    // Measure once the agents are at work, not while the publication is being accepted.
    while ((await doneJobs(db, configId)) === doneBefore) await sleep(100);
    let publications = 1;
    let idleSeen = false;
    let measuring = true;
    const keepPublishing = (async () => {
      while (measuring) {
        const live = await liveJobCount(db, configId);
        if (live === 0) idleSeen = true;
        if (live < ASSETS / 4) {
          await publish(publishFolder.id);
          publications++;
        }
        await sleep(500);
      }
    })();
    const t0 = performance.now();
    const start = await doneJobs(db, configId);
    const during = await measureBoth();
    const delivered = (await doneJobs(db, configId)) - start;
    const seconds = (performance.now() - t0) / 1000;
    measuring = false;
    await keepPublishing;
    report("", during);
    console.log(
      `agents delivered ${delivered} assets during the measurement (${(delivered / seconds).toFixed(1)} assets/s; ` +
        `${publications} publication${publications > 1 ? "s" : ""} of the folder${idleSeen ? "; the queue ran empty for a moment" : ""})`,
    );
    const worst = Math.max(...during.map((r) => r.p99));
    console.log(`goal p99 < ${GOAL_MS} ms while publishing: ${worst < GOAL_MS ? "met" : "not met"}`);
    await db.$disconnect();
    return ok;
  } finally {
    await Promise.all(servers.map(stop));
    log.end();
    rmSync(consoleDir, { recursive: true, force: true });
    rmSync(portalDir, { recursive: true, force: true });
  }
}

type Measured = {
  label: string;
  p50: number;
  p99: number;
  requests: number;
  failed: number;
  /** autocannon at the same average rate: its bursts, and its own figure. */
  burstP99: number;
  burstRequests: number;
};

/** The steady load (scripts/support/steady-load.ts), then autocannon at the same average rate. */
async function measure(t: { label: string; url: string; cookie: string }, seconds: number): Promise<Measured> {
  const headers = { cookie: t.cookie };
  const steady = await steadyLoad(t.url, { rate: RATE, connections: CONNECTIONS, seconds, headers });
  const r = await autocannon({
    url: t.url,
    connections: CONNECTIONS,
    overallRate: RATE,
    duration: seconds,
    headers,
    timeout: 10,
  });
  // autocannon stops at the end of its time with its last burst still queued at the server: one
  // request more is answered once those are, so that the next measurement does not start behind them.
  await fetch(t.url, { headers, redirect: "manual" }).then((res) => res.arrayBuffer());
  return {
    label: t.label,
    ...steady,
    failed: steady.failed + r.non2xx + r.errors + r.timeouts,
    burstP99: r.latency.p99,
    burstRequests: r.requests.total,
  };
}

async function doneJobs(db: typeof import("@/lib/db").db, configId: string) {
  return db.replicationJob.count({ where: { configId, state: "done" } });
}

async function waitForHealth(origin: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${origin} did not start within 120 s`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
    setTimeout(() => server.kill("SIGKILL"), 10_000).unref();
  });
}
