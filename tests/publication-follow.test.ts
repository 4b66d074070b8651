import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createUser } from "@/lib/auth/users";
import { createFolder, ensureDamRoot } from "@/lib/assets/folders";
import { renameAsset, renameFolder } from "@/lib/assets/rename";
import { moveItems } from "@/lib/assets/move";
import { deleteItems, previewDelete } from "@/lib/assets/delete";
import { deleteCollections } from "@/lib/assets/collections";
import { publishNow } from "@/lib/publication/create-publication";
import { AgentWorker } from "@/lib/replication/worker/agent-worker";
import { createAsset } from "./support/replication-fixtures";
import { closeInstallServer, startReplicationEnv } from "./support/replication-env";

await vi.hoisted(async () => (await import("./support/public-url")).usePublicUrlOnFreePort());

// Renaming, moving or deleting what the portal holds: the console follows on the portal (the copy
// at the old path goes, a moved item is published again at its new path). The agents' real
// workers deliver to the portal's route handlers on a real HTTP server.

let env: Awaited<ReturnType<typeof startReplicationEnv>>;
let userId: string;
let root: string;

beforeEach(async () => {
  env = await startReplicationEnv();
  await ensureDamRoot();
  const suffix = randomBytes(3).toString("hex");
  userId = (await createUser({ login: `ann-${suffix}`, name: "Ann", role: "author", password: "ann-password-1" })).id;
  root = (await createFolder({ parentPath: "/content/dam", name: `follow-${suffix}`, title: "Follow" }, userId)).path;
});
afterEach(() => env.close());
afterAll(() => closeInstallServer());

/** Every agent delivers until nothing is due. */
async function deliverAll() {
  const workers = env.agents.map((a) => new AgentWorker(a.id, { settingsTtlMs: 0 }));
  await Promise.all(workers.map((w) => w.drain()));
  await Promise.all(workers.map((w) => w.shutdown(0)));
}

const onPortal = async (path: string) =>
  (await db.portalAsset.count({ where: { tenantId: env.tenant.id, path } })) === 1;
const portalAssets = async (under: string) =>
  (
    await db.portalAsset.findMany({
      where: { tenantId: env.tenant.id, path: { startsWith: `${under}/` } },
      select: { path: true },
    })
  )
    .map((a) => a.path)
    .sort();
const jobCount = () => db.replicationJob.count({ where: { configId: env.config.id } });
const publish = (items: { kind: "asset" | "folder" | "collection"; id: string }[]) =>
  publishNow({ action: "publish", items, userId, configId: env.config.id });

describe("the portal follows what an author changes", () => {
  it("renaming a published asset moves its copy: gone at the old path, published at the new one", async () => {
    const a = await createAsset(`${root}/dune.jpg`);
    await publish([{ kind: "asset", id: a.id }]);
    await deliverAll();
    expect(await onPortal(`${root}/dune.jpg`)).toBe(true);

    await renameAsset({ id: a.id, name: "dune renamed.jpg" }, userId);
    expect((await db.asset.findUniqueOrThrow({ where: { id: a.id } })).bpState).toBe("pending");
    await deliverAll();
    expect(await portalAssets(root)).toEqual([`${root}/dune renamed.jpg`]);
    expect((await db.asset.findUniqueOrThrow({ where: { id: a.id } })).bpState).toBe("published");
  });

  it("moving a published folder moves what the portal held of it, and only that", async () => {
    const src = await createFolder({ parentPath: root, name: "src", title: "Source" }, userId);
    await createFolder({ parentPath: src.path, name: "sub", title: "Sub" }, userId);
    const dst = await createFolder({ parentPath: root, name: "dst", title: "Target" }, userId);
    await createAsset(`${src.path}/x.jpg`);
    await createAsset(`${src.path}/sub/y.jpg`);
    await publish([{ kind: "folder", id: src.id }]);
    await deliverAll();
    await createAsset(`${src.path}/never-published.jpg`);

    await moveItems([{ kind: "folder", id: src.id }], dst.path, userId);
    await deliverAll();
    expect(await portalAssets(root)).toEqual([`${dst.path}/src/sub/y.jpg`, `${dst.path}/src/x.jpg`]);
    expect(await db.portalFolder.count({ where: { tenantId: env.tenant.id, path: src.path } })).toBe(0);
    expect(
      await db.portalFolder.findUnique({
        where: { tenantId_path: { tenantId: env.tenant.id, path: `${dst.path}/src` } },
      }),
    ).toMatchObject({ title: "Source" });
    const never = await db.asset.findUniqueOrThrow({ where: { path: `${dst.path}/src/never-published.jpg` } });
    expect(never.bpState).toBeNull();
  });

  it("renaming a published folder's title only sends nothing; renaming its name moves it", async () => {
    const f = await createFolder({ parentPath: root, name: "old", title: "Old" }, userId);
    await createAsset(`${f.path}/a.jpg`);
    await publish([{ kind: "folder", id: f.id }]);
    await deliverAll();
    const before = await jobCount();
    await renameFolder({ id: f.id, name: "old", title: "Still old" }, userId);
    expect(await jobCount()).toBe(before);

    await renameFolder({ id: f.id, name: "new", title: "New" }, userId);
    await deliverAll();
    expect(await portalAssets(root)).toEqual([`${root}/new/a.jpg`]);
  });

  it("deleting published assets, folders and collections removes them from the portal", async () => {
    const f = await createFolder({ parentPath: root, name: "gone", title: "Gone" }, userId);
    const inFolder = await createAsset(`${f.path}/a.jpg`);
    const single = await createAsset(`${root}/single.jpg`);
    const c = await db.collection.create({
      data: {
        name: `col-${randomBytes(3).toString("hex")}`,
        title: "Col",
        members: { create: [{ assetId: single.id }] },
      },
    });
    await publish([
      { kind: "folder", id: f.id },
      { kind: "collection", id: c.id },
    ]);
    await deliverAll();
    expect(await portalAssets(root)).toEqual([`${f.path}/a.jpg`, `${root}/single.jpg`]);
    expect(await db.portalCollection.count({ where: { tenantId: env.tenant.id, name: c.name } })).toBe(1);

    const gone = [
      { kind: "folder" as const, id: f.id },
      { kind: "asset" as const, id: single.id },
    ];
    expect(await previewDelete(gone)).toMatchObject({ onPortal: 2 }); // the Delete dialog says so
    await deleteCollections([c.id], userId);
    await deleteItems(gone, { confirmNonEmpty: true, userId });
    expect(await db.asset.count({ where: { id: { in: [inFolder.id, single.id] } } })).toBe(0);
    await deliverAll();
    expect(await portalAssets(root)).toEqual([]);
    expect(await db.portalFolder.count({ where: { tenantId: env.tenant.id, path: f.path } })).toBe(0);
    expect(await db.portalCollection.count({ where: { tenantId: env.tenant.id, name: c.name } })).toBe(0);
  });

  it("what the portal never held is renamed, moved and deleted without a job", async () => {
    const f = await createFolder({ parentPath: root, name: "draft", title: "Draft" }, userId);
    const dst = await createFolder({ parentPath: root, name: "elsewhere", title: "Elsewhere" }, userId);
    const a = await createAsset(`${f.path}/a.jpg`);
    const before = await jobCount();
    expect(await previewDelete([{ kind: "folder", id: f.id }])).toMatchObject({ onPortal: 0 });
    await renameAsset({ id: a.id, name: "b.jpg" }, userId);
    await moveItems([{ kind: "folder", id: f.id }], dst.path, userId);
    await deleteItems([{ kind: "folder", id: f.id }], { confirmNonEmpty: true, userId });
    expect(await jobCount()).toBe(before);
  });

  it("an item unpublished explicitly is not sent again when it moves", async () => {
    const a = await createAsset(`${root}/was.jpg`);
    await publish([{ kind: "asset", id: a.id }]);
    await deliverAll();
    await publishNow({ action: "unpublish", items: [{ kind: "asset", id: a.id }], userId, configId: env.config.id });
    await deliverAll();
    const before = await jobCount();
    await renameAsset({ id: a.id, name: "is.jpg" }, userId);
    expect(await jobCount()).toBe(before);
    expect(await portalAssets(root)).toEqual([]);
  });
});
