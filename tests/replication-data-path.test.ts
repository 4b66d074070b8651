import { beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimJob } from "@/lib/replication/queue/claim";
import { enqueueJobs, enqueueNow } from "@/lib/replication/queue/enqueue";
import { completeJob } from "@/lib/replication/queue/finish";
import { createConfig } from "./support/replication-fixtures";

// The hot path's statements (lib/db/direct.ts) run on a connection of their own: a completion an
// agent reported must not be undone by a transaction that happened to be open at the time.

let configId: string;
let agentId: string;

beforeEach(async () => {
  const c = await createConfig({
    tenantUrl: "http://127.0.0.1:9/portal/x",
    gatewayUrl: "http://127.0.0.1:9/gateway",
    clientId: "c",
  });
  configId = c.config.id;
  agentId = c.agents[0].id;
});

const item = (path: string) => ({ action: "publish" as const, kind: "asset" as const, path });

it("a completion recorded while an enqueue's transaction is open survives that transaction's rollback", async () => {
  await enqueueNow({ configId, items: [item("/content/dam/dp/a.jpg")] });
  const job = (await claimJob(agentId, { owner: "t", nowMs: Date.now(), leaseMs: 60_000 }))!;
  expect(job).not.toBeNull();
  let completion: Promise<boolean> | undefined;
  await expect(
    db.$transaction(async (tx) => {
      await enqueueJobs(tx, { configId, items: [item("/content/dam/dp/b.jpg")] });
      // An agent finishes its delivery meanwhile (not awaited here: it is another worker's work).
      completion = completeJob(job, { at: new Date(), status: 201, result: "created", version: 1 });
      await new Promise((r) => setTimeout(r, 30));
      throw new Error("the publication failed half way");
    }),
  ).rejects.toThrow("half way");
  expect(await completion).toBe(true);
  const after = await db.replicationJob.findUniqueOrThrow({ where: { id: job.id } });
  expect(after.state).toBe("done");
  expect(await db.replicationJob.count({ where: { path: "/content/dam/dp/b.jpg" } })).toBe(0);
});
