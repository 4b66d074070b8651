import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { GET as metricsGET } from "@/app/api/metrics/route";
import { blobResponse } from "@/lib/assets/download";
import { db } from "@/lib/db";
import { enqueueNow } from "@/lib/replication/queue/enqueue";
import { AgentWorker } from "@/lib/replication/worker/agent-worker";
import { assetBlobs, portalBlobs } from "@/lib/storage/stores";
import { serveRoutes } from "./support/route-server";
import { createAsset } from "./support/replication-fixtures";
import { closeInstallServer, startReplicationEnv } from "./support/replication-env";

// A node configured as in a cluster: binaries in an S3-compatible bucket (a real s3rver that this
// file starts before the app reads its environment) and metrics on with a token. A publication
// goes from the console's bucket prefix to the portal's, and GET /api/metrics shows it.
const s3 = await vi.hoisted(async () => {
  await (await import("./support/public-url")).usePublicUrlOnFreePort();
  const server = await (await import("./support/s3-server")).startS3Server();
  Object.assign(process.env, server.env, {
    OUTPOST_BLOB_STORE: `s3://${server.bucket}/cluster`,
    OUTPOST_METRICS_TOKEN: "metrics-token-for-tests-0123456789",
  });
  return server;
});

let env: Awaited<ReturnType<typeof startReplicationEnv>>;
let metrics: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  env = await startReplicationEnv();
  metrics = await serveRoutes({ "/api/metrics": { GET: metricsGET as never } });
});
afterAll(async () => {
  await metrics?.close();
  await env?.close();
  await closeInstallServer();
  await s3.close();
});

const scrape = (token?: string) =>
  fetch(`${metrics.url}/api/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

it("refuses a scrape without the token, or with another one", async () => {
  expect((await scrape()).status).toBe(401);
  expect((await scrape("not-the-token-at-all-000000")).status).toBe(401);
});

it("delivers from the console's bucket to the portal's, and the scrape counts it", async () => {
  expect(assetBlobs.kind).toBe("s3");
  expect(assetBlobs.location).toBe(`s3://${s3.bucket}/cluster/assets`);
  const asset = await createAsset("/content/dam/s3/photo.jpg", { size: 3 * 1024 * 1024 });
  await enqueueNow({ configId: env.config.id, items: [{ action: "publish", kind: "asset", path: asset.path }] });

  // Before delivery: one queued job, visible per agent with its age.
  let text = await (await scrape("metrics-token-for-tests-0123456789")).text();
  const job = await db.replicationJob.findFirstOrThrow({ where: { path: asset.path } });
  expect(text).toMatch(new RegExp(`outpost_queue_depth\\{agent="${job.agentId}",[^}]*state="queued"\\} 1`));
  expect(text).toMatch(new RegExp(`outpost_queue_oldest_pending_seconds\\{agent="${job.agentId}"[^}]*\\} [0-9.]+`));

  const worker = new AgentWorker(job.agentId, { settingsTtlMs: 0 });
  expect(await worker.drain()).toBe(1);
  await worker.shutdown(0);
  expect(await db.replicationJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: "done" });
  expect(await portalBlobs.size(asset.sha256)).toBe(3 * 1024 * 1024);

  const res = await scrape("metrics-token-for-tests-0123456789");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  text = await res.text();
  expect(text).toContain(`outpost_deliveries_total{agent="${job.agentId}",outcome="done"} 1`);
  expect(text).toContain(`outpost_delivery_duration_seconds_count{agent="${job.agentId}"} 1`);
  expect(text).toContain(`outpost_delivery_bytes_sum{agent="${job.agentId}"} ${3 * 1024 * 1024}`);
  expect(text).toMatch(/outpost_token_requests_total\{result="success"\} [1-9]/);
  expect(text).toContain("# TYPE outpost_scheduler_lateness_seconds histogram");
  expect(text).toMatch(new RegExp(`outpost_queue_depth\\{agent="${job.agentId}",[^}]*state="queued"\\} 0`));
});

it("serves a console download from the bucket, whole and by range", async () => {
  const asset = await createAsset("/content/dam/s3/doc.bin", { size: 100_000, mimeType: "application/octet-stream" });
  const b = { sha256: asset.sha256, mimeType: asset.mimeType, fileName: "doc.bin" };
  const whole = await blobResponse(new Request("http://x/"), b, { attachment: true, immutable: false });
  expect(whole.headers.get("content-length")).toBe("100000");
  expect((await whole.arrayBuffer()).byteLength).toBe(100_000);
  const part = await blobResponse(new Request("http://x/", { headers: { range: "bytes=10-19" } }), b, {
    attachment: true,
    immutable: false,
  });
  expect(part.status).toBe(206);
  expect((await part.arrayBuffer()).byteLength).toBe(10);
});
