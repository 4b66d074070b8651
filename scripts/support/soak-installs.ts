import { fork, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { createServer as createNetServer } from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { serveRoutes } from "./route-server";

// The two installs of the soaks (npm run soak:crash, npm run soak:faults), each its own process
// with its own database, as in production: a portal install (the embedded gateway and the portal's
// receiving API) and a console node (Outpost's start-up tasks: the replication workers). The soak's
// own process prepares the console's database and checks the outcome; the portal install answers
// its questions about what it holds over IPC. The soak script forks itself with a role flag and
// calls servePortalInstall() or serveConsoleNode() in the child.

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
export type PortalSetup = { clientId: string; orgTechId: string; slugs: string[] };
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
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(process.env.DATABASE_URL!);
  const { ensureSigningKey } = await import("@/lib/gateway/signing-keys");
  await ensureSigningKey();
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
      "/portal/:tenant/api/v1/ping": { GET: h(ping.GET) },
      "/portal/:tenant/api/v1/assets": { PUT: h(assets.PUT), DELETE: h(assets.DELETE) },
    },
    { port, keepAliveTimeout: 30_000 },
  );
  process.on("message", async (msg: PortalMessage) => {
    if (msg.setup) process.send!(await setUpPortal(msg.setup.publicKeyPem, msg.setup.slugs));
    if (msg.verify) process.send!(await verifyPortal(msg.verify.slug, msg.verify.expected));
  });
  process.send!("ready");
}

/** The gateway administrator's part: organization, JWT application with the console's key, tenants. */
async function setUpPortal(publicKeyPem: string, slugs: string[]): Promise<PortalSetup> {
  const { db } = await import("@/lib/db");
  const { createOrganization } = await import("@/lib/gateway/organizations");
  const { createApplication } = await import("@/lib/gateway/create-application");
  const { updateApplication } = await import("@/lib/gateway/update-application");
  const { createTenant } = await import("@/lib/portal/tenants");
  const scopes = ["dam-read", "dam-sync", "dam-write", "cc-share"] as const;
  const admin = await db.user.create({
    data: { login: "soak", name: "Soak", role: "administrator", passwordHash: "x" },
  });
  const org = await createOrganization(admin.id, "Soak org");
  const app = await createApplication(admin.id, {
    name: "Soak console",
    description: "",
    orgId: org.id,
    scopes: [...scopes],
  });
  await updateApplication(admin.id, {
    clientId: app.clientId,
    name: app.name,
    description: "",
    scopes: [...scopes],
    publicKey: publicKeyPem,
  });
  const created = [];
  for (const slug of slugs) created.push((await createTenant({ name: slug, slug, orgTechId: org.techId })).slug);
  return { clientId: app.clientId, orgTechId: org.techId, slugs: created };
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
  const { createConfig } = await import("@/lib/cloud-services/create-config");
  const cfg = await createConfig({ title: "Soak", name: "soak" });
  const key = await db.configKeyPair.findFirstOrThrow({ where: { configId: cfg.id } });
  portal.send({ setup: { publicKeyPem: key.publicKeyPem, slugs } });
  const setup = (await message(portal)) as PortalSetup;
  await db.brandPortalConfig.update({
    where: { id: cfg.id },
    data: { clientId: setup.clientId, orgId: setup.orgTechId },
  });
  await db.replicationAgent.updateMany({
    where: { configId: cfg.id },
    data: { enabled: true, logLevel: "debug", ...agent },
  });
  return { configId: cfg.id, setup };
}

/** `count` assets of random bytes in a new folder, their binaries in the asset store. */
export async function generateAssets(folderPath: string, count: number, bytes: number): Promise<Expected[]> {
  const { db } = await import("@/lib/db");
  const { assetBlobs } = await import("@/lib/storage/stores");
  const name = folderPath.split("/").pop()!;
  const folder = await db.folder.create({ data: { path: folderPath, name, title: name } });
  const expected: Expected[] = [];
  const rows = [];
  for (let i = 0; i < count; i++) {
    const blob = await assetBlobs.write(Readable.from([randomBytes(bytes)]));
    const file = `${name}-${i}.bin`;
    expected.push({ path: `${folder.path}/${file}`, sha256: blob.sha256 });
    rows.push({
      path: `${folder.path}/${file}`,
      name: file,
      title: file,
      searchText: file,
      folderId: folder.id,
      mimeType: "application/octet-stream",
      size: BigInt(blob.size),
      sha256: blob.sha256,
    });
  }
  for (let i = 0; i < rows.length; i += 500) await db.asset.createMany({ data: rows.slice(i, i + 500) });
  return expected;
}

/** Asks the portal install what it holds for a tenant, against what was published. */
export async function verifyAtPortal(portal: ChildProcess, slug: string, expected: Expected[]): Promise<Verdict> {
  portal.send({ verify: { slug, expected } });
  return (await message(portal)) as Verdict;
}

export function message(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`a child process exited (${code})`));
    child.once("exit", onExit);
    child.once("message", (m) => {
      child.off("exit", onExit);
      resolve(m);
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
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
