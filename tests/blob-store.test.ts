import { afterAll, beforeAll, describe, it, expect } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { LocalBlobStore } from "@/lib/storage/local-store";
import { parseS3Url, S3BlobStore, s3Client } from "@/lib/storage/s3-store";
import type { BlobStore } from "@/lib/storage/types";
import { startS3Server, type S3Server } from "./support/s3-server";

// The same suite on both back-ends: the folder on this node, and an S3-compatible bucket on a real
// server (s3rver) that this file starts. `leftovers` lists everything a store holds besides blobs.

const tmpRoot = () => mkdtempSync(path.join(process.env.OUTPOST_TEST_ROOT ?? os.tmpdir(), "blobs-"));
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

let s3: S3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.close();
});

type Backend = {
  name: string;
  make(): BlobStore;
  /** Keys or files that are not blobs (temp files, parts); [] when the store is clean. */
  leftovers(s: BlobStore): Promise<string[]>;
  /** Every stored object or file. */
  all(s: BlobStore): Promise<string[]>;
};

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

const local: Backend = {
  name: "local folder",
  make: () => new LocalBlobStore(tmpRoot()),
  leftovers: async (s) => walk(path.join(s.location, "tmp")),
  all: async (s) => walk(s.location),
};

async function listKeys(s: BlobStore, under = ""): Promise<string[]> {
  const store = s as S3BlobStore;
  const client = s3Client({ bucket: store.bucket, prefix: store.prefix, ...settings() });
  const r = await client.send(new ListObjectsV2Command({ Bucket: store.bucket, Prefix: `${store.prefix}/${under}` }));
  return (r.Contents ?? []).map((o) => o.Key!);
}
const settings = () => ({
  endpoint: s3.endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
});

const bucket: Backend = {
  name: "S3-compatible bucket",
  make: () => {
    const { bucket, prefix } = parseS3Url(`s3://${s3.bucket}/t-${randomBytes(4).toString("hex")}`);
    return new S3BlobStore(s3Client({ bucket, prefix, ...settings() }), bucket, prefix, tmpRoot());
  },
  leftovers: (s) => listKeys(s, "tmp/"),
  all: (s) => listKeys(s),
};

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe.each([local, bucket])("BlobStore on a $name", (backend) => {
  it("stores by SHA-256 and reads back, whole or a byte range", async () => {
    const s = backend.make();
    const data = Buffer.from("hello outpost");
    const blob = await s.write(Readable.from([data]));
    expect(blob).toEqual({ sha256: sha(data), size: data.length });
    expect((await readAll(s.open(blob.sha256))).toString()).toBe("hello outpost");
    expect((await readAll(s.open(blob.sha256, { start: 6, end: 12 }))).toString()).toBe("outpost");
    expect(await s.has(blob.sha256)).toBe(true);
    expect(await s.size(blob.sha256)).toBe(data.length);
    expect(Math.abs(Date.now() - (await s.writtenAt(blob.sha256))!)).toBeLessThan(60_000);
    expect(await s.withFile(blob.sha256, async (file) => readFileSync(file, "utf8"))).toBe("hello outpost");
    // Equal content is stored once.
    await s.write(Readable.from([Buffer.from("hello "), Buffer.from("outpost")]));
    expect(await backend.all(s)).toHaveLength(1);
    expect(await backend.leftovers(s)).toEqual([]);
  });

  it("says a blob is missing, and its stream fails rather than ending empty", async () => {
    const s = backend.make();
    const absent = sha(Buffer.from("never stored"));
    expect(await s.has(absent)).toBe(false);
    expect(await s.writtenAt(absent)).toBeNull();
    await expect(s.size(absent)).rejects.toThrow();
    await expect(readAll(s.open(absent))).rejects.toMatchObject({ code: "ENOENT" });
    const data = Buffer.from("short-lived");
    const blob = await s.write(Readable.from([data]));
    await s.remove(blob.sha256);
    expect(await s.has(blob.sha256)).toBe(false);
  });

  it("refuses content over the limit, a wrong hash or a short body, leaving nothing behind", async () => {
    const s = backend.make();
    await expect(s.write(Readable.from([Buffer.alloc(100)]), { maxBytes: 10 })).rejects.toThrow(
      /larger than the limit/,
    );
    await expect(s.write(Readable.from([Buffer.from("x")]), { expectedSha256: "0".repeat(64) })).rejects.toThrow(
      /does not match/,
    );
    await expect(s.write(Readable.from([Buffer.from("xy")]), { expectedSize: 3 })).rejects.toThrow(/truncated/);
    expect(await backend.all(s)).toEqual([]);
  });

  it("reads web streams too, and writes odd-sized chunks back exactly (multipart on S3)", async () => {
    const s = backend.make();
    // ~20 MB in uneven chunks: more than two of the S3 store's 8 MB parts.
    const parts = Array.from({ length: 600 }, (_, i) => Buffer.alloc(30_000 + i * 13, i % 251));
    const all = Buffer.concat(parts);
    const web = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(p);
        c.close();
      },
    });
    const blob = await s.write(web, { expectedSha256: sha(all), expectedSize: all.length });
    expect(blob).toEqual({ sha256: sha(all), size: all.length });
    expect((await readAll(s.open(blob.sha256))).equals(all)).toBe(true);
    expect(
      (await readAll(s.open(blob.sha256, { start: 9_000_000, end: 9_000_999 }))).equals(
        all.subarray(9_000_000, 9_001_000),
      ),
    ).toBe(true);
    expect(await backend.leftovers(s)).toEqual([]);
  });

  it("stops at once when the upload is aborted or its source fails, leaving nothing behind", async () => {
    const s = backend.make();
    const ac = new AbortController();
    let sent = 0;
    const stalled = new Readable({
      read() {
        if (sent++ < 3) this.push(Buffer.alloc(64 * 1024));
        else setTimeout(() => ac.abort(), 20);
      },
    }); // then waits forever
    await expect(s.write(stalled, { signal: ac.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(stalled.destroyed).toBe(true);
    const failing = new Readable({
      read() {
        if (sent++ < 200)
          this.push(Buffer.alloc(64 * 1024)); // past the first 8 MB part
        else this.destroy(new Error("connection reset"));
      },
    });
    await expect(s.write(failing)).rejects.toThrow("connection reset");
    expect(await backend.all(s)).toEqual([]);
  });

  it("sweeps temp files older than asked, and only those", async () => {
    const s = backend.make();
    await s.write(Readable.from([Buffer.from("kept")]));
    expect(await s.sweepTemp(60_000)).toBe(0);
    expect(await backend.all(s)).toHaveLength(1);
  });

  it("streams a large body with flat memory", async () => {
    const s = backend.make();
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const total = backend === local ? 256 : 96; // MiB; the S3 server runs in this process too
    let i = 0;
    const source = new Readable({
      read() {
        this.push(i++ < total ? chunk : null);
      },
    });
    const before = process.memoryUsage().rss;
    const blob = await s.write(source);
    expect(blob.size).toBe(total * chunk.length);
    expect(process.memoryUsage().rss - before).toBeLessThan(96 * 1024 * 1024);
    let read = 0;
    for await (const c of s.open(blob.sha256)) read += (c as Buffer).length;
    expect(read).toBe(total * chunk.length);
  }, 120_000);
});
