import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkActivation, publishNow, schedulePublication } from "@/lib/publication/create-publication";
import { describeScope } from "@/lib/publication/expand-scope";
import { finishPublications } from "@/lib/publication/finish-publications";
import { instanceDetail, listInstances } from "@/lib/publication/progress";
import { retryFailedItems } from "@/lib/publication/retry-failed";
import { terminatePublication } from "@/lib/publication/terminate";
import { managePublicationInput, quickPublishInput } from "@/lib/publication/schemas";
import { UserError } from "@/lib/errors";
import { createAsset } from "./support/replication-fixtures";
import { publicationSetup } from "./support/publication-fixtures";
import { includesText, queuedMessage, scopeText, totalsText } from "@/components/publication/scope-text";

// Publishing on the queue (no delivery): what a scope expands to, the refusals that create nothing,
// two people publishing one folder at once, Terminate, Retry failed items, and who sees what.

let s: Awaited<ReturnType<typeof publicationSetup>>;
beforeEach(async () => {
  s = await publicationSetup();
});

const jobs = (publicationId: string) =>
  db.replicationJob.findMany({ where: { publicationId }, orderBy: { id: "asc" }, select: { kind: true, path: true } });
const folder = () => [{ kind: "folder" as const, id: s.root.id }];

describe("publishing now", () => {
  it("publishes a folder's structure and every asset below it, folders first, each path once", async () => {
    const r = await publishNow({
      action: "publish",
      items: [...folder(), { kind: "asset", id: s.assets[0].id }],
      userId: s.author.id,
    });
    expect(r).toMatchObject({ jobs: 5, assets: 3, bytes: 600 });
    expect(await jobs(r.id)).toEqual([
      { kind: "folder", path: s.root.path },
      { kind: "folder", path: s.sub.path },
      ...[s.assets[0], s.assets[1], s.assets[2]].map((a) => ({ kind: "asset", path: a.path })),
    ]);
    const pub = await db.publication.findUniqueOrThrow({ where: { id: r.id } });
    expect(pub).toMatchObject({ state: "running", createdById: s.author.id, itemCount: 5, configId: s.config.id });
    expect(pub.title).toBe(`Publish to Brand Portal: ${s.root.title} and 1 more`);
    expect((await db.asset.findUniqueOrThrow({ where: { id: s.assets[2].id } })).bpState).toBe("pending");
  });

  it("publishes a collection and its members; unpublishing it removes only the collection", async () => {
    const c = await db.collection.create({
      data: { name: `col-${Date.now()}`, title: "Col", members: { create: [{ assetId: s.assets[1].id }] } },
    });
    const pub = await publishNow({ action: "publish", items: [{ kind: "collection", id: c.id }], userId: s.author.id });
    expect(await jobs(pub.id)).toEqual([
      { kind: "asset", path: s.assets[1].path },
      { kind: "collection", path: `/collections/${c.name}` },
    ]);
    const un = await publishNow({
      action: "unpublish",
      items: [{ kind: "collection", id: c.id }],
      userId: s.author.id,
    });
    expect(await jobs(un.id)).toEqual([{ kind: "collection", path: `/collections/${c.name}` }]);

    // What the dialogs and the wizard say matches: an unpublish names the collection, not its members.
    const d = await describeScope([{ kind: "collection", id: c.id }]);
    expect(includesText(d.rows[0], "publish")).toBe("The collection and its 1 member");
    expect(totalsText(d, "publish")).toBe("1 collection with 1 asset in all: 1 asset, 200 B");
    expect(queuedMessage("publish", d)).toBe(
      "1 collection with 1 asset has been queued up for publishing to Brand Portal",
    );
    expect(scopeText(d, "unpublish")).toBe("1 collection");
    expect(includesText(d.rows[0], "unpublish")).toBe("The collection only: its 1 member is not removed");
    expect(totalsText(d, "unpublish")).toBe(
      "1 collection. Removing a collection does not remove its assets from Brand Portal.",
    );
    expect(queuedMessage("unpublish", d)).toBe("1 collection has been queued up for removal from Brand Portal");
    const both = await describeScope([...folder(), { kind: "collection", id: c.id }]);
    expect(totalsText(both, "unpublish")).toBe(
      "1 folder with 3 assets and 1 collection in all: 3 assets, 600 B. Removing a collection does not remove its assets from Brand Portal.",
    );
    expect(queuedMessage("unpublish", both)).toBe(
      "1 folder with 3 assets and 1 collection have been queued up for removal from Brand Portal",
    );
  });

  it("unpublishes a folder's assets before its folders, deepest first", async () => {
    const r = await publishNow({ action: "unpublish", items: folder(), userId: s.author.id });
    const list = await jobs(r.id);
    expect(list.map((j) => j.kind)).toEqual(["asset", "asset", "asset", "folder", "folder"]);
    expect(list.slice(3).map((j) => j.path)).toEqual([s.sub.path, s.root.path]);
  });

  it("describes a scope with what each item includes", async () => {
    const d = await describeScope([...folder(), { kind: "asset", id: s.assets[0].id }, { kind: "asset", id: "nope" }]);
    expect(d.rows.map((r) => [r.kind, r.assets, r.folders, r.bytes])).toEqual([
      ["folder", 3, 1, 600],
      ["asset", 1, 0, 100],
    ]);
    expect(d.totals).toEqual({ assets: 3, folders: 2, collections: 0, bytes: 600 });
    expect(d.missing).toEqual([{ kind: "asset", id: "nope" }]);
    expect(queuedMessage("publish", d)).toBe(
      "1 asset and 1 folder with 3 assets have been queued up for publishing to Brand Portal",
    );
    const one = await describeScope(folder());
    expect(queuedMessage("publish", one)).toBe(
      "1 folder with 3 assets has been queued up for publishing to Brand Portal",
    );
  });

  it("accepts two people publishing the same folder at once, in order per path", async () => {
    const [a, b] = await Promise.all([
      publishNow({ action: "publish", items: folder(), userId: s.author.id }),
      publishNow({ action: "publish", items: folder(), userId: s.other.id }),
    ]);
    expect(a.jobs).toBe(5);
    expect(b.jobs).toBe(5);
    const all = await db.replicationJob.findMany({ where: { path: s.assets[0].path }, orderBy: { id: "asc" } });
    expect(all.map((j) => j.publicationId).sort()).toEqual([a.id, b.id].sort());
  });
});

describe("bad input creates nothing", () => {
  const count = async () => [await db.publication.count(), await db.replicationJob.count()];

  it("refuses a forged request naming items that do not exist", async () => {
    await expect(
      publishNow({
        action: "publish",
        items: [{ kind: "asset", id: "clxxxxxxxxxxxxxxxxxxxxxxx" }],
        userId: s.author.id,
      }),
    ).rejects.toThrow(/no longer exists/);
    await expect(
      publishNow({
        action: "publish",
        items: [
          { kind: "asset", id: s.assets[0].id },
          { kind: "folder", id: "gone" },
        ],
        userId: s.author.id,
      }),
    ).rejects.toThrow(/Nothing was published/);
    expect(await count()).toEqual([0, 0]);
    expect((await db.asset.findUniqueOrThrow({ where: { id: s.assets[0].id } })).bpState).toBeNull();
  });

  it("refuses an item deleted while the wizard was open, for now and for later", async () => {
    const a = await createAsset(`${s.root.path}/soon-gone.jpg`);
    await db.asset.delete({ where: { id: a.id } });
    const items = [{ kind: "asset" as const, id: a.id }];
    await expect(publishNow({ action: "publish", items, userId: s.author.id })).rejects.toThrow(/no longer exists/);
    const at = new Date(Date.now() + 60_000).toISOString();
    await expect(
      schedulePublication({ action: "publish", items, userId: s.author.id, title: "x", activationDate: at }),
    ).rejects.toThrow(/no longer exists/);
    expect(await count()).toEqual([0, 0]);
  });

  it("refuses activation dates in the past, unparseable or over a year ahead", () => {
    const now = Date.UTC(2030, 5, 1);
    expect(() => checkActivation(new Date(now - 1000).toISOString(), now)).toThrow(/in the past/);
    expect(() => checkActivation("2030-13-45T99:00:00Z", now)).toThrow(/not a valid date/);
    expect(() => checkActivation(new Date(now + 367 * 86400_000).toISOString(), now)).toThrow(/more than a year/);
    expect(() => checkActivation(undefined, now)).toThrow(/Choose an activation date/);
    expect(checkActivation(new Date(now + 60_000).toISOString(), now).getTime()).toBe(now + 60_000);
    const parsed = managePublicationInput.safeParse({
      action: "publish",
      items: [{ kind: "asset", id: "x" }],
      scheduling: "later",
      activationDate: "tomorrow at noon",
    });
    expect(parsed.success).toBe(false);
  });

  it("refuses an empty scope and a workflow title over 200 characters", () => {
    const empty = quickPublishInput.safeParse({ action: "publish", items: [] });
    expect(empty.error?.issues[0].message).toBe("Choose at least one asset, folder or collection to publish.");
    const long = managePublicationInput.safeParse({
      action: "publish",
      items: [{ kind: "asset", id: "x" }],
      scheduling: "later",
      title: "t".repeat(201),
    });
    expect(long.error?.issues[0].message).toBe("The workflow title must be at most 200 characters.");
  });

  it("says what an administrator must set up when no configuration is complete", async () => {
    await db.brandPortalConfig.updateMany({ data: { tenantUrl: "" } });
    const err = await publishNow({ action: "publish", items: folder(), userId: s.author.id }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/Tenant URL, a Client ID and an OAuth gateway URL/);
    expect(err.message).toMatch(/Tools › Cloud Services › Legacy Cloud Services/);
    expect(await count()).toEqual([0, 0]);
  });
});

describe("instances", () => {
  it("terminate stops a running publication: pending jobs go, finished ones stay, statuses come back", async () => {
    await db.asset.update({ where: { id: s.assets[2].id }, data: { bpState: "published" } });
    const r = await publishNow({ action: "publish", items: folder(), userId: s.author.id });
    const first = await db.replicationJob.findFirstOrThrow({ where: { publicationId: r.id }, orderBy: { id: "asc" } });
    await db.replicationJob.update({ where: { id: first.id }, data: { state: "done", completedAt: new Date() } });
    await expect(terminatePublication(r.id, s.other)).rejects.toThrow(/was not found/);
    expect(await terminatePublication(r.id, s.author)).toEqual({ removed: 4, state: "terminated" });
    expect(await db.replicationJob.count({ where: { publicationId: r.id } })).toBe(1);
    expect((await db.asset.findUniqueOrThrow({ where: { id: s.assets[2].id } })).bpState).toBe("published");
    expect((await db.asset.findUniqueOrThrow({ where: { id: s.assets[0].id } })).bpState).toBeNull();
    const d = await instanceDetail(r.id, s.author, { page: 1, pageSize: 50 });
    expect(d.state).toBe("Terminated");
    expect(d.error).toBe("Terminated before 4 items were sent: they were not delivered to Brand Portal.");
    expect(d.items.total).toBe(1);
    await expect(terminatePublication(r.id, s.author)).rejects.toThrow(/already finished/);
  });

  it("shows progress, completes with errors, and retries the failed items", async () => {
    const r = await publishNow({ action: "publish", items: folder(), userId: s.author.id });
    const ids = (await db.replicationJob.findMany({ where: { publicationId: r.id }, orderBy: { id: "asc" } })).map(
      (j) => j.id,
    );
    await db.replicationJob.updateMany({
      where: { id: { in: ids.slice(0, 3) } },
      data: { state: "done", completedAt: new Date() },
    });
    let d = await instanceDetail(r.id, s.author, { page: 1, pageSize: 50 });
    expect(d.state).toBe("Running");
    expect(d.progress).toMatchObject({ total: 5, done: 3, failed: 0, pending: 2 });
    expect(d.progress.rate).toBeGreaterThan(0);
    expect(d.progress.secondsLeft).toBeGreaterThan(0);
    await db.replicationJob.updateMany({
      where: { id: { in: ids.slice(3) } },
      data: { state: "failed", completedAt: new Date(), lastError: "HTTP 403 forbidden: no" },
    });
    expect(await finishPublications(Date.now())).toBe(1);
    d = await instanceDetail(r.id, s.author, { page: 1, pageSize: 50 });
    expect(d.state).toBe("Completed with errors");
    expect(d.items.rows.filter((i) => i.state === "failed").map((i) => i.error)).toEqual([
      "HTTP 403 forbidden: no",
      "HTTP 403 forbidden: no",
    ]);
    expect(d.canRetry).toBe(true);
    expect(await retryFailedItems(r.id, s.author)).toEqual({ retried: 2 });
    d = await instanceDetail(r.id, s.author, { page: 1, pageSize: 50 });
    expect(d.state).toBe("Running");
    expect(d.progress).toMatchObject({ failed: 0, pending: 2 });
    await expect(retryFailedItems(r.id, s.author)).rejects.toThrow(/nothing to retry/);
    await db.replicationJob.updateMany({ where: { id: { in: ids } }, data: { state: "done" } });
    expect((await instanceDetail(r.id, s.author, { page: 1, pageSize: 50 })).state).toBe("Completed");
  });

  it("shows the configuration's throughput cap on running instances (staggered publishing)", async () => {
    const r = await publishNow({ action: "publish", items: folder(), userId: s.author.id });
    const row = async () => (await listInstances(s.author, { page: 1, pageSize: 25 })).rows.find((x) => x.id === r.id)!;
    expect((await row()).throughputCap).toBeNull(); // none set: the agents go as fast as they can
    await db.brandPortalConfig.updateMany({ data: { throughputPerMinute: 120 } });
    expect((await row()).throughputCap).toBe(120);
    expect((await instanceDetail(r.id, s.author, { page: 1, pageSize: 50 })).throughputCap).toBe(120);
    // Only while it runs: a finished publication is no longer held back by it.
    await db.replicationJob.updateMany({
      where: { publicationId: r.id },
      data: { state: "done", completedAt: new Date() },
    });
    expect((await row()).throughputCap).toBeNull();
  });

  it("authors see their own instances, administrators all", async () => {
    const mine = await publishNow({ action: "publish", items: folder(), userId: s.author.id });
    const theirs = await schedulePublication({
      action: "unpublish",
      items: folder(),
      userId: s.other.id,
      title: "Theirs",
      activationDate: new Date(Date.now() + 3600_000).toISOString(),
    });
    const ids = async (u: { id: string; role: string }) =>
      (await listInstances(u, { page: 1, pageSize: 25 })).rows.map((r) => r.id);
    expect(await ids(s.author)).toEqual([mine.id]);
    expect(await ids(s.other)).toEqual([theirs.id]);
    expect((await ids(s.admin)).sort()).toEqual([mine.id, theirs.id].sort());
    await expect(instanceDetail(theirs.id, s.author, { page: 1, pageSize: 50 })).rejects.toThrow(/was not found/);
    const list = await listInstances(s.admin, { page: 1, pageSize: 25 });
    expect(list.rows.find((r) => r.id === theirs.id)).toMatchObject({
      state: "Scheduled",
      model: "Unpublish from Brand Portal",
      startedBy: `Other (${s.other.login})`,
      canTerminate: true,
    });
    expect(await terminatePublication(theirs.id, s.admin)).toEqual({ removed: 0, state: "terminated" });
  });
});
