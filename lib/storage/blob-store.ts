import { createHash, randomBytes } from "node:crypto";
import { closeSync, createReadStream, createWriteStream, mkdirSync, openSync, renameSync, type ReadStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { UserError } from "@/lib/errors";

export type StoredBlob = { sha256: string; size: number };

/**
 * Content-addressed binary storage in a folder: <root>/ab/cd/<sha256>. Writes stream to a temp file
 * while hashing, then rename into place, so a reader never sees half a file and an interrupted
 * upload leaves nothing behind. Equal content is stored once.
 */
export class BlobStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("not a sha256");
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async write(
    source: Readable | ReadableStream<Uint8Array>,
    opts: { maxBytes?: number; expectedSha256?: string; expectedSize?: number; signal?: AbortSignal } = {},
  ): Promise<StoredBlob> {
    const tmpDir = path.join(this.root, "tmp");
    const tmp = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString("hex")}`);
    let fd: number | undefined;
    const hash = createHash("sha256");
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (opts.maxBytes !== undefined && size > opts.maxBytes) {
          return done(new UserError(`The file is larger than the limit of ${opts.maxBytes} bytes.`, { status: 413, code: "too_large" }));
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const input = source instanceof Readable ? source : Readable.fromWeb(source as import("node:stream/web").ReadableStream);
    try {
      // Creating and renaming a file are quick metadata calls on a local disk, done synchronously:
      // through the thread pool each costs a round trip that, on a busy server, takes longer than
      // the call (measured: ~2 ms for an open under load, ~0.02 ms synchronously). Folders are made
      // only when missing (the first write, or after a cleanup), not on every write.
      fd = orMakeDir(tmpDir, () => openSync(tmp, "wx"));
      const out = createWriteStream(tmp, { fd });
      fd = undefined; // the stream closes it
      await pipeline(input, meter, out, { signal: opts.signal });
      const sha256 = hash.digest("hex");
      if (opts.expectedSize !== undefined && size !== opts.expectedSize) {
        throw new UserError(`Received ${size} bytes, expected ${opts.expectedSize}: the upload was truncated.`, { status: 400, code: "truncated" });
      }
      if (opts.expectedSha256 && sha256 !== opts.expectedSha256.toLowerCase()) {
        throw new UserError("The content does not match its SHA-256.", { status: 422, code: "sha256_mismatch" });
      }
      const final = this.pathOf(sha256);
      orMakeDir(path.dirname(final), () => renameSync(tmp, final)); // atomic; an existing equal blob is replaced by identical bytes
      return { sha256, size };
    } catch (e) {
      if (fd !== undefined) closeSync(fd);
      await rm(tmp, { force: true });
      if ((e as NodeJS.ErrnoException).code === "ENOSPC") {
        throw new UserError("The server's disk is full. Free some space or ask an administrator.", { status: 507, code: "disk_full" });
      }
      throw e;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async size(sha256: string): Promise<number> {
    return (await stat(this.pathOf(sha256))).size;
  }

  /** A read stream of a blob, or of the inclusive byte range [start, end]. */
  open(sha256: string, range?: { start: number; end: number }, opts: { highWaterMark?: number } = {}): ReadStream {
    return createReadStream(this.pathOf(sha256), { ...range, ...opts });
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}

/** Runs `op`; if it failed because `dir` is missing, makes it and runs `op` again. */
function orMakeDir<T>(dir: string, op: () => T): T {
  try {
    return op();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    mkdirSync(dir, { recursive: true });
    return op();
  }
}
