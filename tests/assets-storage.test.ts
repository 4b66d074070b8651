import { describe, it, expect, beforeAll } from "vitest";
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import sharp from "sharp";
import { db } from "@/lib/db";
import { createUser } from "@/lib/auth/users";
import { createFolder, ensureDamRoot } from "@/lib/assets/folders";
import { uploadAsset, existingNames } from "@/lib/assets/upload";
import { updateMetadata } from "@/lib/assets/metadata";
import { deleteItems, previewDelete } from "@/lib/assets/delete";
import { renameAsset, renameFolder } from "@/lib/assets/rename";
import { moveItems } from "@/lib/assets/move";
import { listFolder } from "@/lib/assets/browse";
import { searchAssets } from "@/lib/assets/search";
import { getAssetDetails } from "@/lib/assets/details";
import { processPendingRenditions } from "@/lib/assets/rendition-queue";
import { addToCollection, createCollection, collectionMembers, deleteCollections } from "@/lib/assets/collections";
import { seedDemoContent } from "@/lib/assets/demo/seed-demo";
import { assetBlobs } from "@/lib/storage/stores";
import { sweepStaleUploads } from "@/lib/assets/sweep-uploads";
import { mkdirSync, writeFileSync, utimesSync } from "node:fs";

let userId: string;
const png = (w: number, h: number, color = "#1473e6") =>
  sharp({ create: { width: w, height: h, channels: 3, background: color } })
    .png()
    .toBuffer();
const up = async (folderPath: string, name: string, data: Buffer | string, conflict?: "replace" | "keep-both") =>
  uploadAsset({
    folderPath,
    name,
    conflict,
    body: Readable.from([Buffer.from(data)]),
    size: Buffer.byteLength(data),
    userId,
  });
const blobFiles = () => {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(path.join(d, e.name));
      else out.push(e.name);
  };
  walk(assetBlobs.location);
  return out;
};

beforeAll(async () => {
  userId = (await createUser({ login: "ann", name: "Ann Author", role: "author", password: "ann-password-1" })).id;
  await ensureDamRoot();
  await createFolder({ parentPath: "/content/dam", name: "photos", title: "Photos" }, userId);
});

describe("folders", () => {
  it("creates folders with unique names per parent, including against assets", async () => {
    const f = await createFolder({ parentPath: "/content/dam/photos", name: "spring", title: "Spring" }, userId);
    expect(f.path).toBe("/content/dam/photos/spring");
    await expect(
      createFolder({ parentPath: "/content/dam/photos", name: "spring", title: "Again" }, userId),
    ).rejects.toThrow(/already exists in \/content\/dam\/photos/);
    await up("/content/dam/photos", "clash", "x");
    await expect(
      createFolder({ parentPath: "/content/dam/photos", name: "clash", title: "Clash" }, userId),
    ).rejects.toThrow(/"clash" already exists/);
    await expect(createFolder({ parentPath: "/content/dam/nowhere", name: "x", title: "X" }, userId)).rejects.toThrow(
      /was not found/,
    );
  });
});

describe("upload", () => {
  it("stores by content, detects the real type and flags a lying extension", async () => {
    const data = await png(640, 480);
    const r = await up("/content/dam/photos", "really-a-png.jpg", data);
    expect(r.outcome).toBe("created");
    expect(r.asset).toMatchObject({ path: "/content/dam/photos/really-a-png.jpg", mimeType: "image/png", version: 1 });
    expect(r.asset.typeFlag).toMatch(/\.jpg says JPEG image, but the content is a PNG image/);
    const d = (await getAssetDetails({ id: r.asset.id }))!;
    expect(d).toMatchObject({
      width: 640,
      height: 480,
      size: data.length,
      title: "really-a-png",
      renditionState: "pending",
      createdBy: "Ann Author",
    });
    expect(await assetBlobs.has(d.sha256)).toBe(true);
  });

  it("asks on an existing name; replace makes a new version, keep both a numbered copy", async () => {
    await up("/content/dam/photos", "logo.png", await png(100, 100, "#ff0000"));
    await expect(up("/content/dam/photos", "logo.png", "other")).rejects.toMatchObject({ status: 409, code: "exists" });
    expect(await existingNames("/content/dam/photos", ["logo.png", "new.png"])).toEqual(["logo.png"]);

    const replaced = await up("/content/dam/photos", "logo.png", await png(200, 100, "#00ff00"), "replace");
    expect(replaced.outcome).toBe("replaced");
    expect(replaced.asset.version).toBe(2);
    const d = (await getAssetDetails({ path: "/content/dam/photos/logo.png" }))!;
    expect(d).toMatchObject({ version: 2, width: 200, height: 100 });
    expect(d.versions.map((v) => v.version)).toEqual([2, 1]);

    const kept = await up("/content/dam/photos", "logo.png", await png(10, 10), "keep-both");
    expect(kept).toMatchObject({
      outcome: "kept-both",
      asset: { name: "logo-1.png", path: "/content/dam/photos/logo-1.png" },
    });
    const kept2 = await up("/content/dam/photos", "logo.png", await png(11, 11), "keep-both");
    expect(kept2.asset.name).toBe("logo-2.png");
  });

  it("refuses bad names and missing folders, leaving nothing behind", async () => {
    const before = blobFiles().length;
    const count = await db.asset.count();
    for (const name of ["../escape.png", ".hidden", "a/b.png", "ctl\u0001.png", "x".repeat(151)]) {
      await expect(up("/content/dam/photos", name, "data")).rejects.toMatchObject({ code: "invalid_name" });
    }
    await expect(up("/content/dam/missing", "a.png", "data")).rejects.toThrow(/was not found/);
    expect(blobFiles().length).toBe(before);
    expect(await db.asset.count()).toBe(count);
  });

  it("a truncated body leaves no asset and no file", async () => {
    const before = blobFiles().length;
    const count = await db.asset.count();
    await expect(
      uploadAsset({
        folderPath: "/content/dam/photos",
        name: "short.bin",
        body: Readable.from([Buffer.alloc(10)]),
        size: 1000,
        userId,
      }),
    ).rejects.toThrow(/truncated/);
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error("connection reset"));
      },
    });
    await expect(
      uploadAsset({ folderPath: "/content/dam/photos", name: "reset.bin", body: failing, userId }),
    ).rejects.toThrow(/connection reset/);
    expect(blobFiles().length).toBe(before);
    expect(await db.asset.count()).toBe(count);
    expect(readdirSync(path.join(assetBlobs.location, "tmp"))).toEqual([]);
  });
});

describe("start-up sweep", () => {
  it("removes upload temp files a killed process left, not fresh ones", async () => {
    const tmp = path.join(assetBlobs.location, "tmp");
    mkdirSync(tmp, { recursive: true });
    writeFileSync(path.join(tmp, "old-upload"), "half");
    writeFileSync(path.join(tmp, "running-upload"), "half");
    const old = new Date(Date.now() - 2 * 24 * 3600_000);
    utimesSync(path.join(tmp, "old-upload"), old, old);
    expect(await sweepStaleUploads()).toBe(1);
    expect(readdirSync(tmp)).toEqual(["running-upload"]);
    await sweepStaleUploads(Date.now() + 2 * 24 * 3600_000);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe("renditions", () => {
  it("makes a thumbnail and a web rendition for images, none for other types", async () => {
    const img = await up("/content/dam/photos", "big.png", await png(2000, 1000));
    const pdf = await up("/content/dam/photos", "doc.pdf", "%PDF-1.4\n%%EOF\n");
    // only the image waits for the worker; the PDF has nothing to make
    expect((await getAssetDetails({ id: img.asset.id }))!.renditionState).toBe("pending");
    expect((await getAssetDetails({ id: pdf.asset.id }))!.renditionState).toBe("none");
    await processPendingRenditions();
    const d = (await getAssetDetails({ id: img.asset.id }))!;
    expect(d.renditionState).toBe("ready");
    const byKind = Object.fromEntries(d.renditions.map((r) => [r.kind, r]));
    expect(byKind.thumbnail).toMatchObject({ width: 320, height: 160, mimeType: "image/webp" });
    expect(byKind.web).toMatchObject({ width: 1280, height: 640, mimeType: "image/jpeg" });
    expect((await getAssetDetails({ id: pdf.asset.id }))!.renditionState).toBe("none");
    const page = await listFolder({ path: "/content/dam/photos", sort: "name", dir: "asc", offset: 0, limit: 100 });
    const item = page.items.find((i) => i.id === img.asset.id);
    expect(item && item.kind === "asset" && item.thumbnailUrl).toMatch(
      new RegExp(`^/api/assets/${img.asset.id}/binary\\?rendition=thumbnail&v=`),
    );
  });

  it("picks up pending work after a restart, once a crashed node's lease has run out", async () => {
    const a = await up("/content/dam/photos", "orphan.png", await png(50, 50));
    await db.asset.update({ where: { id: a.asset.id }, data: { renditionLeaseUntil: new Date(Date.now() + 60_000) } }); // another node holds it
    await processPendingRenditions();
    expect((await getAssetDetails({ id: a.asset.id }))!.renditionState).toBe("pending");
    await db.asset.update({ where: { id: a.asset.id }, data: { renditionLeaseUntil: new Date(Date.now() - 1) } }); // …and died
    await processPendingRenditions();
    expect((await getAssetDetails({ id: a.asset.id }))!.renditionState).toBe("ready");
  });

  it("a corrupt image ends in failed, not in a stuck queue", async () => {
    const bad = await up(
      "/content/dam/photos",
      "broken.jpg",
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(50, 1)]),
    );
    await processPendingRenditions();
    expect((await getAssetDetails({ id: bad.asset.id }))!.renditionState).toBe("failed");
  });
});

describe("metadata", () => {
  it("saves with the loaded updatedAt and refuses a stale save", async () => {
    const { asset } = await up("/content/dam/photos", "meta.png", await png(20, 20));
    const loaded = (await getAssetDetails({ id: asset.id }))!;
    const first = await updateMetadata(
      {
        id: asset.id,
        updatedAt: loaded.updatedAt,
        title: "Sunset",
        description: "Warm",
        tags: ["sky", "evening"],
        creator: "Ann",
      },
      userId,
    );
    await expect(
      updateMetadata(
        { id: asset.id, updatedAt: loaded.updatedAt, title: "Other", description: "", tags: [], creator: "" },
        userId,
      ),
    ).rejects.toThrow(
      "This asset was changed by someone else since you opened it. Reload to see their changes, then edit again.",
    );
    const now = (await getAssetDetails({ id: asset.id }))!;
    expect(now).toMatchObject({
      title: "Sunset",
      description: "Warm",
      tags: ["sky", "evening"],
      creator: "Ann",
      updatedAt: first.updatedAt,
    });
    // renditions finishing in the background do not invalidate the open form
    await processPendingRenditions();
    await expect(
      updateMetadata(
        { id: asset.id, updatedAt: first.updatedAt, title: "Sunset 2", description: "", tags: [], creator: "" },
        userId,
      ),
    ).resolves.toBeTruthy();
  });
});

describe("browse and search", () => {
  it("lists subfolders first, then assets, paged and sorted", async () => {
    const p1 = await listFolder({ path: "/content/dam/photos", sort: "name", dir: "asc", offset: 0, limit: 2 });
    expect(p1.items[0]).toMatchObject({ kind: "folder", name: "spring" });
    expect(p1.items[1].kind).toBe("asset");
    const all = await listFolder({ path: "/content/dam/photos", sort: "size", dir: "desc", offset: 1, limit: 500 });
    expect(all.total).toBe(p1.total);
    const sizes = all.items.map((i) => (i.kind === "asset" ? i.size : 0));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it("finds assets by name or title below the folder only, with LIKE wildcards taken literally", async () => {
    await createFolder({ parentPath: "/content/dam", name: "a_b", title: "A_B" }, userId);
    await createFolder({ parentPath: "/content/dam", name: "axb", title: "AXB" }, userId);
    await up("/content/dam/a_b", "Needle one.png", "1");
    await up("/content/dam/axb", "needle two.png", "2");
    const rootHits = await searchAssets({
      path: "/content/dam",
      q: "NEEDLE",
      sort: "name",
      dir: "asc",
      offset: 0,
      limit: 10,
    });
    expect(rootHits.items.map((i) => i.name)).toEqual(["Needle one.png", "needle two.png"]);
    const sub = await searchAssets({
      path: "/content/dam/a_b",
      q: "needle",
      sort: "name",
      dir: "asc",
      offset: 0,
      limit: 10,
    });
    expect(sub.items.map((i) => i.name)).toEqual(["Needle one.png"]);
    expect(sub.total).toBe(1);
    expect(
      (await searchAssets({ path: "/content/dam", q: "%", sort: "name", dir: "asc", offset: 0, limit: 10 })).total,
    ).toBe(0);
    expect(
      (
        await searchAssets({ path: "/content/dam", q: "sunset 2", sort: "title", dir: "asc", offset: 0, limit: 10 })
      ).items.map((i) => i.title),
    ).toEqual(["Sunset 2"]);
  });
});

describe("rename, move, delete", () => {
  it("renames and moves folders with everything below them", async () => {
    const f = await createFolder({ parentPath: "/content/dam", name: "trip", title: "Trip" }, userId);
    await createFolder({ parentPath: "/content/dam/trip", name: "day_1", title: "Day 1" }, userId);
    await up("/content/dam/trip/day_1", "beach.png", "beach");
    await renameFolder({ id: f.id, name: "journey", title: "Journey" }, userId);
    expect(await db.asset.findUnique({ where: { path: "/content/dam/journey/day_1/beach.png" } })).not.toBeNull();
    await expect(moveItems([{ kind: "folder", id: f.id }], "/content/dam/journey/day_1", userId)).rejects.toThrow(
      /into itself/,
    );
    await moveItems([{ kind: "folder", id: f.id }], "/content/dam/photos", userId);
    expect(await db.folder.findUnique({ where: { path: "/content/dam/photos/journey/day_1" } })).not.toBeNull();
    expect(
      await db.asset.findUnique({ where: { path: "/content/dam/photos/journey/day_1/beach.png" } }),
    ).not.toBeNull();
    const beach = (await db.asset.findUnique({ where: { path: "/content/dam/photos/journey/day_1/beach.png" } }))!;
    await expect(renameAsset({ id: beach.id, name: "beach.png" }, userId)).resolves.toEqual({ path: beach.path });
    const lying = await up("/content/dam/photos", "lying.jpg", await png(8, 8));
    expect(lying.asset.typeFlag).toMatch(/\.jpg says JPEG/);
    await renameAsset({ id: lying.asset.id, name: "honest.png" }, userId);
    expect(await db.asset.findUnique({ where: { id: lying.asset.id } })).toMatchObject({
      name: "honest.png",
      path: "/content/dam/photos/honest.png",
      typeFlag: null,
    });
    // A binary that cannot be read keeps the flag it has (the update leaves the column out).
    const unread = await up("/content/dam/photos", "unread.jpg", await png(9, 9));
    expect(unread.asset.typeFlag).toMatch(/\.jpg says JPEG/);
    await assetBlobs.remove((await db.asset.findUniqueOrThrow({ where: { id: unread.asset.id } })).sha256);
    await renameAsset({ id: unread.asset.id, name: "unread.png" }, userId);
    expect(await db.asset.findUnique({ where: { id: unread.asset.id } })).toMatchObject({
      name: "unread.png",
      typeFlag: unread.asset.typeFlag,
    });
    await deleteItems([{ kind: "asset", id: unread.asset.id }], { confirmNonEmpty: false, userId });
    await up("/content/dam/photos/journey/day_1", "sea.png", "sea");
    await expect(renameAsset({ id: beach.id, name: "sea.png" }, userId)).rejects.toThrow(/"sea.png" already exists/);
    await expect(
      moveItems([{ kind: "asset", id: beach.id }], "/content/dam/photos/journey/day_1", userId),
    ).rejects.toThrow(/already in/);
  });

  it("refuses a non-empty folder until confirmed, then removes everything and the unshared binaries", async () => {
    const f = await createFolder({ parentPath: "/content/dam", name: "doomed", title: "Doomed" }, userId);
    await createFolder({ parentPath: "/content/dam/doomed", name: "inner", title: "Inner" }, userId);
    const unique = await up("/content/dam/doomed/inner", "only-here.png", await png(33, 33, "#123456"));
    const shared = await up("/content/dam/doomed", "shared.txt", "shared content");
    const twin = await up("/content/dam/photos", "twin.txt", "shared content");
    await processPendingRenditions();
    const c = await createCollection(
      { name: "doomed-set", title: "Doomed set", description: "", assetIds: [unique.asset.id] },
      userId,
    );
    const uniqueSha = (await getAssetDetails({ id: unique.asset.id }))!.sha256;

    expect(await previewDelete([{ kind: "folder", id: f.id }])).toEqual({
      folders: 2,
      assets: 2,
      nonEmpty: [{ path: "/content/dam/doomed", title: "Doomed", folders: 1, assets: 2 }],
      onPortal: 0,
    });
    await expect(deleteItems([{ kind: "folder", id: f.id }], { confirmNonEmpty: false, userId })).rejects.toMatchObject(
      {
        code: "not_empty",
      },
    );
    expect(await db.folder.count({ where: { path: { startsWith: "/content/dam/doomed" } } })).toBe(2);

    await deleteItems([{ kind: "folder", id: f.id }], { confirmNonEmpty: true, userId });
    expect(await db.folder.count({ where: { path: { startsWith: "/content/dam/doomed" } } })).toBe(0);
    expect(await db.asset.count({ where: { id: { in: [unique.asset.id, shared.asset.id] } } })).toBe(0);
    expect(await assetBlobs.has(uniqueSha)).toBe(false);
    expect(await assetBlobs.has((await getAssetDetails({ id: twin.asset.id }))!.sha256)).toBe(true); // still used by twin.txt
    expect(await collectionMembers(c.id, { skip: 0, take: 10 })).toEqual([]);
    expect(await db.collection.count({ where: { id: c.id } })).toBe(1);
  });

  it("deletes assets and refuses the root", async () => {
    const root = (await db.folder.findUnique({ where: { path: "/content/dam" } }))!;
    await expect(deleteItems([{ kind: "folder", id: root.id }], { confirmNonEmpty: true, userId })).rejects.toThrow(
      /root folder cannot be deleted/,
    );
    const a = await up("/content/dam/photos", "bye.txt", "bye");
    await deleteItems([{ kind: "asset", id: a.asset.id }], { confirmNonEmpty: false, userId });
    expect(await getAssetDetails({ id: a.asset.id })).toBeNull();
  });
});

describe("collections", () => {
  it("adds members once, lists them, and deleting the collection keeps the assets", async () => {
    const a = await up("/content/dam/photos", "c1.txt", "c1");
    const b = await up("/content/dam/photos", "c2.txt", "c2");
    const c = await createCollection({ name: "picks", title: "Picks", description: "Best" }, userId);
    await expect(createCollection({ name: "picks", title: "Again", description: "" }, userId)).rejects.toThrow(
      /already exists/,
    );
    expect(await addToCollection(c.id, [a.asset.id, b.asset.id])).toEqual({ added: 2 });
    expect(await addToCollection(c.id, [a.asset.id])).toEqual({ added: 0 });
    expect((await collectionMembers(c.id, { skip: 0, take: 10 })).map((m) => m.name)).toEqual(["c1.txt", "c2.txt"]);
    await deleteCollections([c.id], userId);
    expect(await db.asset.count({ where: { id: { in: [a.asset.id, b.asset.id] } } })).toBe(2);
  });
});

describe("demo content", () => {
  it("is not created when assets exist (only on a new database)", async () => {
    await seedDemoContent();
    expect(await db.folder.count({ where: { path: "/content/dam/outpost-demo" } })).toBe(0);
  });
});
