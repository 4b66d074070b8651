import { describe, it, expect, beforeAll, afterAll, vi } from "vitest";
import { request } from "node:http";
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import sharp from "sharp";

// A 400 MB limit for this file (env is read once, at import): big enough for the 300 MB stream.
vi.hoisted(() => {
  process.env.OUTPOST_UPLOAD_LIMIT_BYTES = String(400 * 1024 * 1024);
});

import { db } from "@/lib/db";
import { createUser } from "@/lib/auth/users";
import { createSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { ensureDamRoot } from "@/lib/assets/folders";
import { processPendingRenditions } from "@/lib/assets/rendition-queue";
import { assetBlobs } from "@/lib/storage/stores";
import { serveRoutes } from "./support/route-server";
import * as uploadRoute from "@/app/api/assets/upload/route";
import * as checkRoute from "@/app/api/assets/upload/check/route";
import * as binaryRoute from "@/app/api/assets/[id]/binary/route";
import * as browseRoute from "@/app/api/assets/browse/route";

let server: { url: string; close: () => Promise<void> };
let cookie: string;
const MB = 1024 * 1024;

beforeAll(async () => {
  const user = await createUser({ login: "uploader", name: "Uploader", role: "author", password: "uploader-pass-1" });
  cookie = `${SESSION_COOKIE}=${(await createSession(user.id)).token}`;
  await ensureDamRoot();
  await db.folder.create({
    data: {
      path: "/content/dam/in",
      name: "in",
      title: "In",
      parentId: (await db.folder.findUniqueOrThrow({ where: { path: "/content/dam" } })).id,
    },
  });
  server = await serveRoutes({
    "/api/assets/upload": uploadRoute,
    "/api/assets/upload/check": checkRoute,
    "/api/assets/browse": browseRoute,
    "/api/assets/:id/binary": binaryRoute,
  } as never);
});
afterAll(() => server.close());

const url = (name: string, extra = "") =>
  `${server.url}/api/assets/upload?folder=${encodeURIComponent("/content/dam/in")}&name=${encodeURIComponent(name)}${extra}`;

/** Sends a body of `total` bytes made on the fly (never held in memory), 1 MiB at a time. */
function generated(total: number, fill = 0x5a): Readable {
  const chunk = Buffer.alloc(MB, fill);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const n = Math.min(MB, total - sent);
      sent += n;
      this.push(n === MB ? chunk : chunk.subarray(0, n));
    },
  });
}

function put(
  target: string,
  body: Readable | Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      { method: "PUT", agent: false, headers: { cookie, origin: server.url, ...headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c) => parts.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode!, json: parts.length ? JSON.parse(Buffer.concat(parts).toString()) : null }),
        );
      },
    );
    req.on("error", reject);
    if (Buffer.isBuffer(body)) req.end(body);
    else body.pipe(req);
  });
}

const tmpFiles = () =>
  existsSync(path.join(assetBlobs.location, "tmp")) ? readdirSync(path.join(assetBlobs.location, "tmp")) : [];

describe("upload route", () => {
  it("streams a 300 MB body to storage with flat memory", async () => {
    const total = 300 * MB;
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const res = await put(url("big.bin"), generated(total), {
      "content-type": "application/octet-stream",
      "content-length": String(total),
    });
    clearInterval(sampler);
    expect(res.status).toBe(201);
    expect(res.json.asset).toMatchObject({ name: "big.bin", mimeType: "text/plain" });
    const row = await db.asset.findUniqueOrThrow({ where: { id: res.json.asset.id } });
    expect(Number(row.size)).toBe(total);
    expect(await assetBlobs.size(row.sha256)).toBe(total);
    console.log(`[rss] 300 MB upload: RSS grew ${Math.round((peak - before) / MB)} MB`);
    // Server and client share this process; holding the body would add 300 MB.
    expect(peak - before).toBeLessThan(120 * MB);
  }, 120_000);

  it("an interrupted upload leaves no asset and no file", async () => {
    const count = await db.asset.count();
    await new Promise<void>((resolve) => {
      const req = request(url("cut.bin"), {
        method: "PUT",
        agent: false,
        headers: { cookie, origin: server.url, "content-length": String(50 * MB) },
      });
      req.on("error", () => resolve());
      req.write(Buffer.alloc(5 * MB, 1), () =>
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 100),
      );
    });
    await expect.poll(() => tmpFiles().length, { timeout: 5000 }).toBe(0);
    expect(await db.asset.count()).toBe(count);
    expect(await db.asset.findFirst({ where: { name: "cut.bin" } })).toBeNull();
  });

  it("refuses a file over the limit before reading it, and a body that grows over it mid-way", async () => {
    const declared = await new Promise<{ status: number; json: any }>((resolve, reject) => {
      // Only the headers go out: the answer comes before any of the 500 MB is sent.
      const req = request(
        url("huge.bin"),
        { method: "PUT", agent: false, headers: { cookie, origin: server.url, "content-length": String(500 * MB) } },
        (res) => {
          const parts: Buffer[] = [];
          res.on("data", (c) => parts.push(c));
          res.on("end", () => {
            req.destroy();
            resolve({ status: res.statusCode!, json: JSON.parse(Buffer.concat(parts).toString()) });
          });
        },
      );
      req.on("error", reject);
      req.flushHeaders();
    });
    expect(declared.status).toBe(413);
    expect(declared.json.message).toBe("The file is 500 MB, more than the upload limit of 400 MB.");
    // Without a length the server stops at the limit and closes the connection; the client sees
    // the 413 or, if it is still sending, a reset. Either way nothing is stored.
    const chunked = await put(url("sneaky.bin"), generated(401 * MB), { "transfer-encoding": "chunked" }).catch(
      (e: NodeJS.ErrnoException) => ({ status: e.code, json: null }),
    );
    expect([413, "ECONNRESET", "EPIPE"]).toContain(chunked.status);
    if (chunked.status === 413) expect(chunked.json.message).toMatch(/larger than the limit/);
    await expect.poll(() => tmpFiles().length, { timeout: 5000 }).toBe(0);
    expect(await db.asset.count({ where: { name: { in: ["huge.bin", "sneaky.bin"] } } })).toBe(0);
  }, 60_000);

  it("asks about an existing name, then replaces or keeps both", async () => {
    const img = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#336699" } })
      .jpeg()
      .toBuffer();
    expect((await put(url("photo.jpg"), img, { "content-length": String(img.length) })).status).toBe(201);
    const check = await fetch(`${server.url}/api/assets/upload/check`, {
      method: "POST",
      headers: { cookie, origin: server.url, "content-type": "application/json" },
      body: JSON.stringify({ folder: "/content/dam/in", names: ["photo.jpg", "free.jpg"] }),
    });
    expect(await check.json()).toEqual({ existing: ["photo.jpg"] });
    const again = await put(url("photo.jpg"), img, { "content-length": String(img.length) });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({
      error: "exists",
      message: '"photo.jpg" already exists in /content/dam/in. Choose Replace or Keep both.',
    });
    const replaced = await put(url("photo.jpg", "&conflict=replace"), img, { "content-length": String(img.length) });
    expect(replaced).toMatchObject({ status: 200, json: { outcome: "replaced", asset: { version: 2 } } });
    const kept = await put(url("photo.jpg", "&conflict=keep-both"), img, { "content-length": String(img.length) });
    expect(kept).toMatchObject({ status: 201, json: { outcome: "kept-both", asset: { name: "photo-1.jpg" } } });
  });

  it("gives bad names a clear message", async () => {
    for (const [name, message] of [
      ["../x.png", "Name cannot contain / or \\."],
      [".env", "Name cannot start with a dot."],
      ["a\u0001.png", "Name cannot contain control characters."],
    ]) {
      const r = await put(url(name), Buffer.from("x"), { "content-length": "1" });
      expect(r.status).toBe(400);
      expect(r.json.message).toBe(message);
    }
  });

  it("needs a session and a same-site origin", async () => {
    const anon = await fetch(url("anon.txt"), { method: "PUT", body: "x" });
    expect(anon.status).toBe(401);
    const cross = await fetch(url("cross.txt"), {
      method: "PUT",
      body: "x",
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(cross.status).toBe(403);
    // A cookie without an Origin is not one of our pages (browsers send Origin on every PUT).
    expect((await fetch(url("bare.txt"), { method: "PUT", body: "x", headers: { cookie } })).status).toBe(403);
  });
});

describe("download route", () => {
  it("streams the original with length, type, disposition and ranges, and renditions once made", async () => {
    const row = await db.asset.findUniqueOrThrow({ where: { path: "/content/dam/in/photo.jpg" } });
    const base = `${server.url}/api/assets/${row.id}/binary`;
    const full = await fetch(`${base}?download=1`, { headers: { cookie } });
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("image/jpeg");
    expect(full.headers.get("content-length")).toBe(String(row.size));
    expect(full.headers.get("content-disposition")).toBe(
      `attachment; filename="photo.jpg"; filename*=UTF-8''photo.jpg`,
    );
    expect((await full.arrayBuffer()).byteLength).toBe(Number(row.size));

    const part = await fetch(base, { headers: { cookie, range: "bytes=0-9" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-9/${row.size}`);
    expect(Buffer.from(await part.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await fetch(base, { headers: { cookie, range: `bytes=${row.size}-` } })).status).toBe(416);

    expect((await fetch(`${base}?rendition=thumbnail`, { headers: { cookie } })).status).toBe(404);
    await processPendingRenditions();
    const thumb = await fetch(`${base}?rendition=thumbnail`, { headers: { cookie } });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(320);
    const v1 = await fetch(`${base}?version=1`, { headers: { cookie } });
    expect(v1.status).toBe(200);
    expect((await fetch(`${server.url}/api/assets/nope/binary`, { headers: { cookie } })).status).toBe(404);
  });

  it("browse and search answer pages as JSON", async () => {
    const page = await (
      await fetch(`${server.url}/api/assets/browse?path=${encodeURIComponent("/content/dam/in")}&limit=2`, {
        headers: { cookie },
      })
    ).json();
    expect(page).toMatchObject({ folder: { path: "/content/dam/in" }, offset: 0, limit: 2, query: null });
    expect(page.items).toHaveLength(2);
    const found = await (await fetch(`${server.url}/api/assets/browse?q=PHOTO`, { headers: { cookie } })).json();
    expect(found.items.map((i: { name: string }) => i.name).sort()).toEqual(["photo-1.jpg", "photo.jpg"]);
    const bad = await fetch(`${server.url}/api/assets/browse?path=/etc`, { headers: { cookie } });
    expect(bad.status).toBe(400);
  });
});
