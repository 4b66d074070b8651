import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  childMessage as message,
  createTrustedConfig,
  generateAssets as generate,
  serveInstallRoutes,
  setUpGateway,
  type PortalSetup,
} from "./portal-install";

export { freePort } from "./portal-install";
export { message };

// The two installs of the soaks (npm run soak:crash, npm run soak:faults), each its own process
// with its own database, as in production: a portal install (the embedded gateway and the portal's
// receiving API) and a console node (Outpost's start-up tasks: the replication workers). The soak's
// own process prepares the console's database and checks the outcome; the portal install answers
// its questions about what it holds over IPC. The soak script forks itself with a role flag and
// calls servePortalInstall() or serveConsoleNode() in the child.

export type Expected = { path: string; sha256: string };
/** `tempFiles`: partial uploads left in the portal's blob store (its local folder's tmp/). */
export type Verdict = { lost: number; duplicated: number; tempFiles: number; details: string[] };
type PortalMessage = {
  setup?: { publicKeyPem: string; slugs: string[] };
  verify?: { slug: string; expected: Expected[] };
};

/**
 * The portal install, in a child process: gateway and receiving API on `port` (default: the port
 * of OUTPOST_PUBLIC_URL; another one when a proxy stands at the public URL), then "ready".
 */
export async function servePortalInstall(port = Number(new URL(process.env.OUTPOST_PUBLIC_URL!).port)) {
  await serveInstallRoutes({ port });
  process.on("message", async (msg: PortalMessage) => {
    if (msg.setup)
      process.send!(await setUpGateway({ name: "Soak", publicKeyPem: msg.setup.publicKeyPem, slugs: msg.setup.slugs }));
    if (msg.verify) process.send!(await verifyPortal(msg.verify.slug, msg.verify.expected));
  });
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
  const { dataDir } = await import("@/lib/env");
  const tempFiles = (await readdir(path.join(dataDir, "portal", "blobs", "tmp")).catch(() => [])).length;
  return { lost, duplicated, tempFiles, details };
}

/** The console node, in a child process: Outpost's start-up tasks with the replication workers, then "ready". */
export async function serveConsoleNode() {
  const { startTasks } = await import("@/lib/runtime/tasks");
  await startTasks({ demoContent: false, workers: true });
  process.send!("ready");
}

/**
 * The two installs' environments, each with a data folder and SQLite database of its own, and this
 * (the soak's) process set up as the console without workers; `remove()` deletes both folders.
 */
export function soakEnvironments(name: string, origin: string, portalExtra: Record<string, string> = {}) {
  const consoleDir = mkdtempSync(path.join(os.tmpdir(), `outpost-${name}-console-`));
  const portalDir = mkdtempSync(path.join(os.tmpdir(), `outpost-${name}-portal-`));
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
    ...portalExtra,
    OUTPOST_DATA_DIR: portalDir,
    DATABASE_URL: `file:${path.join(portalDir, "portal.db")}`,
  };
  Object.assign(process.env, consoleEnv, { OUTPOST_WORKERS: "off" });
  const remove = () => {
    rmSync(consoleDir, { recursive: true, force: true });
    rmSync(portalDir, { recursive: true, force: true });
  };
  return { consoleEnv, portalEnv, remove };
}

/** Forks this script again as a child with `role` (it answers "ready"); OUTPOST_WORKERS on for the console only. */
export async function startInstall(
  role: "--portal" | "--console",
  env: NodeJS.ProcessEnv,
  children?: Set<ChildProcess>,
): Promise<ChildProcess> {
  const child = fork(process.argv[1], [role], {
    execArgv: process.execArgv,
    env: { ...env, OUTPOST_WORKERS: role === "--console" ? "on" : "off" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  children?.add(child);
  child.once("exit", () => children?.delete(child));
  await message(child);
  return child;
}

export async function killInstall(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}

/**
 * The console's side, in the soak's own process (its database): a Brand Portal configuration
 * whose key the portal's gateway application trusts, tenants `slugs` at the portal, and agents
 * retrying quickly with their claims in the log. The tenant URL is set per phase by the soak.
 */
export async function setUpConsole(
  portal: ChildProcess,
  slugs: string[],
  agent: { retryDelayMs: number; maxAttempts: number; socketTimeoutMs?: number; connectTimeoutMs?: number },
) {
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(process.env.DATABASE_URL!);
  const { db } = await import("@/lib/db");
  const { configId, setup } = await createTrustedConfig({
    name: "Soak",
    trust: async (publicKeyPem) => {
      portal.send({ setup: { publicKeyPem, slugs } });
      return (await message(portal)) as PortalSetup;
    },
  });
  await db.replicationAgent.updateMany({
    where: { configId },
    data: { enabled: true, logLevel: "debug", ...agent },
  });
  return { configId, setup };
}

/** `count` assets of random bytes in a new folder, their binaries in the asset store. */
export async function generateAssets(folderPath: string, count: number, bytes: number): Promise<Expected[]> {
  return generate({ folderPath, prefix: folderPath.split("/").pop()!, count, bytes });
}

/** Asks the portal install what it holds for a tenant, against what was published. */
export async function verifyAtPortal(portal: ChildProcess, slug: string, expected: Expected[]): Promise<Verdict> {
  portal.send({ verify: { slug, expected } });
  return (await message(portal)) as Verdict;
}

type JobsWhere = { configId: string; createdAt: { gte: Date } };

/** Publishes every expected asset in one enqueue (as one publication's jobs are). */
export async function enqueueAssets(configId: string, expected: Expected[]) {
  const { db } = await import("@/lib/db");
  const { enqueueJobs } = await import("@/lib/replication/queue/enqueue");
  await db.$transaction((tx) =>
    enqueueJobs(tx, {
      configId,
      items: expected.map((e) => ({ action: "publish" as const, kind: "asset" as const, path: e.path })),
    }),
  );
}

/** Waits until none of these jobs is queued or running, or `timeoutMs` passed; true when drained. */
export async function waitForQueue(jobs: JobsWhere, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const { db } = await import("@/lib/db");
  const deadline = Date.now() + timeoutMs;
  const open = { ...jobs, state: { in: ["queued", "running"] } };
  for (;;) {
    if (!(await db.replicationJob.count({ where: open }))) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * What became of these jobs: those not done (stuck), those retried, and the retries the agent log
 * does not explain (by the failed attempt's error, or by the claim naming the attempt).
 */
export async function jobsOutcome(jobs: JobsWhere) {
  const { db } = await import("@/lib/db");
  const since = jobs.createdAt.gte;
  const stuck = await db.replicationJob.findMany({
    where: { ...jobs, state: { not: "done" } },
    select: { path: true, state: true, lastError: true },
  });
  const retried = await db.replicationJob.findMany({
    where: { ...jobs, attempts: { gt: 1 } },
    select: { path: true, attempts: true },
  });
  let unexplained = 0;
  for (const job of retried) {
    const why = await db.agentLogEntry.findFirst({
      where: {
        path: job.path,
        at: { gte: since },
        OR: [{ level: "error" }, { result: "claimed", message: { contains: `attempt ${job.attempts} of` } }],
      },
    });
    if (!why) unexplained++;
  }
  return { stuck, retried: retried.length, unexplained };
}
