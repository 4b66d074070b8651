import { describe, it, expect } from "vitest";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { BlobStore } from "@/lib/storage/blob-store";

const store = () => new BlobStore(mkdtempSync(path.join(process.env.OUTPOST_TEST_ROOT ?? os.tmpdir(), "blobs-")));
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("BlobStore", () => {
  it("stores by SHA-256 and reads back", async () => {
    const s = store();
    const data = Buffer.from("hello outpost");
    const blob = await s.write(Readable.from([data]));
    expect(blob).toEqual({ sha256: sha(data), size: data.length });
    const chunks: Buffer[] = [];
    for await (const c of s.open(blob.sha256)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("hello outpost");
  });

  it("refuses content over the limit, a wrong hash or a short body, leaving nothing behind", async () => {
    const s = store();
    await expect(s.write(Readable.from([Buffer.alloc(100)]), { maxBytes: 10 })).rejects.toThrow(
      /larger than the limit/,
    );
    await expect(s.write(Readable.from([Buffer.from("x")]), { expectedSha256: "0".repeat(64) })).rejects.toThrow(
      /does not match/,
    );
    await expect(s.write(Readable.from([Buffer.from("xy")]), { expectedSize: 3 })).rejects.toThrow(/truncated/);
    expect(readdirSync(path.join(s.root, "tmp"))).toEqual([]);
    expect(readdirSync(s.root)).toEqual(["tmp"]);
  });

  it("reads web streams too, and writes odd-sized chunks back exactly", async () => {
    const s = store();
    const parts = Array.from({ length: 300 }, (_, i) => Buffer.alloc(7_000 + i * 13, i % 251)); // ~2.7 MB in uneven chunks
    const all = Buffer.concat(parts);
    const web = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(p);
        c.close();
      },
    });
    const blob = await s.write(web, { expectedSha256: sha(all), expectedSize: all.length });
    expect(blob).toEqual({ sha256: sha(all), size: all.length });
    const back: Buffer[] = [];
    for await (const c of s.open(blob.sha256)) back.push(c as Buffer);
    expect(Buffer.concat(back).equals(all)).toBe(true);
  });

  it("stops at once when the upload is aborted or its source fails, leaving nothing behind", async () => {
    const s = store();
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
        if (sent++ < 6) this.push(Buffer.alloc(64 * 1024));
        else this.destroy(new Error("connection reset"));
      },
    });
    await expect(s.write(failing)).rejects.toThrow("connection reset");
    expect(readdirSync(path.join(s.root, "tmp"))).toEqual([]);
    expect(readdirSync(s.root)).toEqual(["tmp"]);
  });

  it("streams a large body with flat memory", async () => {
    const s = store();
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const total = 256; // 256 MiB
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
  });
});
