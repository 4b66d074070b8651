import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as browseRoute from "@/app/api/assets/browse/route";
import { createSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { createUser } from "@/lib/auth/users";
import { getAssetDetails } from "@/lib/assets/details";
import { ensureDamRoot } from "@/lib/assets/folders";
import type { BrowseItem, BrowsePage } from "@/lib/assets/types";
import { db } from "@/lib/db";
import { manualClock } from "./support/manual-clock";
import { enqueueNow } from "@/lib/replication/queue/enqueue";
import { AgentWorker } from "@/lib/replication/worker/agent-worker";
import { createAsset, ensureFolder } from "./support/replication-fixtures";
import { closeInstallServer, startReplicationEnv } from "./support/replication-env";
import { serveRoutes } from "./support/route-server";

await vi.hoisted(async () => (await import("./support/public-url")).usePublicUrlOnFreePort());

// The Assets console's Brand Portal state after real deliveries: the agents publish through the
// embedded gateway and portal (one upload refused by the portal), a publication is scheduled, and
// the console's browse route (a real HTTP server, signed in) shows and filters what happened.

let env: Awaited<ReturnType<typeof startReplicationEnv>>;
let console_: { url: string; close: () => Promise<void> };
let cookie: string;
const ids: Record<string, string> = {};
const at = new Date(Date.now() + 3 * 86_400_000);

beforeAll(async () => {
  env = await startReplicationEnv();
  const ann = await createUser({ login: "ann", name: "Ann Author", role: "author", password: "ann-password-1" });
  cookie = `${SESSION_COOKIE}=${(await createSession(ann.id)).token}`;
  console_ = await serveRoutes({ "/api/assets/browse": browseRoute as never });
  await ensureDamRoot();
  for (const p of ["/content/dam/bp", "/content/dam/bp/later", "/content/dam/cols"]) {
    const parent = await db.folder.findUniqueOrThrow({ where: { path: p.slice(0, p.lastIndexOf("/")) } });
    await db.folder.update({ where: { id: (await ensureFolder(p)).id }, data: { parentId: parent.id } });
  }
  for (const [k, p] of Object.entries({
    ok: "/content/dam/bp/ok.jpg",
    refused: "/content/dam/bp/refused.jpg",
    never: "/content/dam/bp/never.jpg",
    queued: "/content/dam/bp/queued.jpg",
    later: "/content/dam/bp/later/soon.jpg",
    kept: "/content/dam/cols/kept.jpg",
    picked: "/content/dam/cols/picked.jpg",
  }))
    ids[k] = (await createAsset(p, { size: 4_000 })).id;
  // The portal refuses one upload for good (a 4xx is not retried).
  env.proxy.plan((r) =>
    r.method === "PUT" && r.path.includes("refused.jpg")
      ? { kind: "status", status: 403, body: { error: "insufficient_scope", message: "dam-write is missing" } }
      : { kind: "pass" },
  );
  await enqueueNow({
    configId: env.config.id,
    requestedBy: ann.id,
    items: [
      { action: "publish", kind: "asset", path: "/content/dam/bp/ok.jpg" },
      { action: "publish", kind: "asset", path: "/content/dam/bp/refused.jpg" },
    ],
  });
  const clock = manualClock(Date.now() + 60_000);
  const workers = env.agents.map((a) => new AgentWorker(a.id, { clock, settingsTtlMs: 0 }));
  await Promise.all(workers.map((w) => w.drain()));
  for (const w of workers) await w.shutdown(0);
  // Queued and not yet delivered: no worker runs any more.
  await enqueueNow({
    configId: env.config.id,
    requestedBy: ann.id,
    items: [{ action: "publish", kind: "asset", path: "/content/dam/bp/queued.jpg" }],
  });
  // Publish Later of the folder "later": covers it and the asset in it.
  const later = await db.folder.findUniqueOrThrow({ where: { path: "/content/dam/bp/later" } });
  await db.publication.create({
    data: {
      title: "Weekend campaign",
      action: "publish",
      configId: env.config.id,
      state: "scheduled",
      scheduledAt: at,
      scope: JSON.stringify([{ kind: "folder", id: later.id, path: later.path }]),
      createdById: ann.id,
    },
  });
  // Unpublish Later of one collection (removes the collection only), Publish Later of another (publishes its members).
  for (const [action, title, member] of [
    ["unpublish", "Retire old kit", ids.kept],
    ["publish", "Launch kit", ids.picked],
  ]) {
    const c = await db.collection.create({
      data: { name: title.toLowerCase().replaceAll(" ", "-"), title, members: { create: [{ assetId: member }] } },
    });
    await db.publication.create({
      data: {
        title,
        action,
        configId: env.config.id,
        state: "scheduled",
        scheduledAt: at,
        scope: JSON.stringify([{ kind: "collection", id: c.id, path: `/content/dam/collections/${c.name}` }]),
        createdById: ann.id,
      },
    });
  }
});
afterEach(() => env.proxy.log.splice(0));
afterAll(async () => {
  await console_.close();
  await env.close();
  await closeInstallServer();
});

async function browse(query: string): Promise<BrowsePage> {
  const res = await fetch(`${console_.url}/api/assets/browse?${query}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return res.json();
}
const byName = (items: BrowseItem[]) => Object.fromEntries(items.map((i) => [i.name, i.bp]));

describe("Brand Portal state in the Assets console", () => {
  it("shows published (when, by whose name), failed with the reason, queued, scheduled and never published", async () => {
    const page = await browse("path=/content/dam/bp");
    const bp = byName(page.items);
    expect(bp["ok.jpg"]).toMatchObject({ state: "published", byName: "Ann Author", at: expect.any(String) });
    expect(bp["refused.jpg"]).toMatchObject({ state: "failed", error: expect.stringMatching(/HTTP 403.*dam-write/) });
    expect(bp["queued.jpg"]).toMatchObject({ state: "pending" });
    expect(bp["never.jpg"].state).toBeNull();
    expect(bp["never.jpg"].scheduled).toBeUndefined();
    expect(bp["later"]).toMatchObject({
      state: null,
      scheduled: { action: "publish", title: "Weekend campaign", at: at.toISOString() },
    });
    const inside = byName((await browse("path=/content/dam/bp/later")).items);
    expect(inside["soon.jpg"]).toMatchObject({ scheduled: { title: "Weekend campaign" } }); // below the folder

    const details = await getAssetDetails({ id: ids.refused });
    expect(details?.bp).toMatchObject({ state: "failed", error: expect.stringContaining("HTTP 403") });
  });

  it("filters by state below the folder, folders first", async () => {
    const names = async (bp: string) => (await browse(`path=/content/dam/bp&bp=${bp}`)).items.map((i) => i.name).sort();
    expect(await names("published")).toEqual(["ok.jpg"]);
    expect(await names("failed")).toEqual(["refused.jpg"]);
    expect(await names("pending")).toEqual(["later", "queued.jpg", "soon.jpg"]);
    expect(await names("not-published")).toEqual(["never.jpg"]);
    const page = await browse("path=/content/dam/bp&bp=pending&sort=name");
    expect(page.items[0]).toMatchObject({ kind: "folder", name: "later" });
    expect(page).toMatchObject({ total: 3, bp: "pending" });
    // with words too
    expect((await browse("path=/content/dam&bp=pending&q=soon")).items.map((i) => i.name)).toEqual(["soon.jpg"]);
  });

  it("covers a collection's members for a scheduled publish of it, not for an unpublish (which leaves them)", async () => {
    const bp = byName((await browse("path=/content/dam/cols")).items);
    expect(bp["kept.jpg"]).toMatchObject({ state: null });
    expect(bp["kept.jpg"].scheduled).toBeUndefined();
    expect(bp["picked.jpg"]).toMatchObject({ scheduled: { action: "publish", title: "Launch kit" } });
    const names = async (f: string) => (await browse(`path=/content/dam/cols&bp=${f}`)).items.map((i) => i.name);
    expect(await names("pending")).toEqual(["picked.jpg"]);
    expect(await names("not-published")).toEqual(["kept.jpg"]);
  });

  it("refuses an unknown state with a message", async () => {
    const res = await fetch(`${console_.url}/api/assets/browse?path=/content/dam/bp&bp=gone`, { headers: { cookie } });
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors.bp).toMatch(/one of published, pending, failed or not-published/);
  });
});
