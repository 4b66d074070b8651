import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { fork } from "node:child_process";
import { db } from "@/lib/db";
import { manualClock } from "./support/manual-clock";
import { enqueueNow } from "@/lib/replication/queue/enqueue";
import { AgentWorker } from "@/lib/replication/worker/agent-worker";
import { portalBlobs } from "@/lib/storage/stores";
import { readLog } from "@/lib/replication/log/read-log";
import { createAsset } from "./support/replication-fixtures";
import { closeInstallServer, startReplicationEnv } from "./support/replication-env";

await vi.hoisted(async () => (await import("./support/public-url")).usePublicUrlOnFreePort());

// A worker process is killed (SIGKILL) half way through an upload: its lease expires, another
// worker takes the job, and the asset arrives exactly once.

let env: Awaited<ReturnType<typeof startReplicationEnv>>;
beforeAll(async () => {
  env = await startReplicationEnv();
});
afterAll(async () => {
  await env.close();
  await closeInstallServer();
});

it("a worker killed mid-upload: the lease expires and the asset is delivered once", async () => {
  const asset = await createAsset("/content/dam/crash/big.bin", {
    size: 4 * 1024 * 1024,
    mimeType: "application/octet-stream",
  });
  await enqueueNow({ configId: env.config.id, items: [{ action: "publish", kind: "asset", path: asset.path }] });
  const job = await db.replicationJob.findFirstOrThrow({ where: { path: asset.path } });

  let stalled!: () => void;
  const midUpload = new Promise<void>((r) => (stalled = r));
  env.proxy.plan((r) =>
    r.method === "PUT" ? { kind: "stall", afterBytes: 512 * 1024, onStall: () => stalled() } : { kind: "pass" },
  );

  const child = fork("tests/support/worker-child.ts", [job.agentId, "2000"], {
    execArgv: ["--conditions=react-server", "--import", "tsx"],
    env: process.env,
    stdio: "inherit",
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code, signal) => r(signal ? -1 : code)));
  await midUpload;
  const running = await db.replicationJob.findUniqueOrThrow({ where: { id: job.id } });
  expect(running).toMatchObject({ state: "running", attempts: 1 });
  child.kill("SIGKILL");
  expect(await exited).toBe(-1);

  // Nothing half-written at the portal.
  expect(await db.portalAsset.count({ where: { tenantId: env.tenant.id } })).toBe(0);
  expect(await portalBlobs.has(asset.sha256)).toBe(false);

  env.proxy.pass();
  // Before the lease expires, nobody else may take the job …
  const early = new AgentWorker(job.agentId, {
    clock: manualClock(running.leaseExpiresAt!.getTime() - 1),
    settingsTtlMs: 0,
  });
  expect(await early.tick()).toBe("idle");
  await early.shutdown(0);
  // … after it, another worker does and delivers it.
  const later = new AgentWorker(job.agentId, {
    clock: manualClock(running.leaseExpiresAt!.getTime() + 1),
    settingsTtlMs: 0,
  });
  expect(await later.drain()).toBe(1);
  await later.shutdown(0);

  expect(await db.replicationJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
    state: "done",
    attempts: 2,
    result: "created",
  });
  const received = await db.portalAsset.findMany({ where: { tenantId: env.tenant.id } });
  expect(received).toHaveLength(1);
  expect(received[0].sha256).toBe(asset.sha256);
  expect(await portalBlobs.size(asset.sha256)).toBe(4 * 1024 * 1024);
  expect(env.proxy.log.filter((l) => l.method === "PUT")).toHaveLength(2);
  // The agent log explains the second attempt.
  const log = await readLog(job.agentId, { level: "error", q: asset.path });
  expect(log.rows.map((r) => r.result)).toEqual(["expired"]);
  expect(log.rows[0].message).toMatch(/the lease of attempt 1 expired .*; the job is sent again/);
});
