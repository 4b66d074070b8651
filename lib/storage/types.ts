import { Readable } from "node:stream";
import { UserError } from "@/lib/errors";

// The one interface every caller of binary storage goes through (console uploads, downloads and
// renditions, replication, the portal's receiving API, blob clean-up). Blobs are addressed by
// their SHA-256, computed while the bytes stream in; a write that does not match what the caller
// announced (size, hash, limit) stores nothing.

export type StoredBlob = { sha256: string; size: number };

export type WriteOptions = {
  maxBytes?: number;
  expectedSha256?: string;
  expectedSize?: number;
  signal?: AbortSignal;
};

export interface BlobStore {
  /** "local": a folder on this node; "s3": an S3-compatible bucket shared by every node. */
  readonly kind: "local" | "s3";
  /** Where the blobs are, for people (a folder, or s3://bucket/prefix). */
  readonly location: string;
  write(source: Readable | ReadableStream<Uint8Array>, opts?: WriteOptions): Promise<StoredBlob>;
  has(sha256: string): Promise<boolean>;
  /** The blob's size; throws when it is missing. */
  size(sha256: string): Promise<number>;
  /** When the blob was (last) written, in ms since the epoch; null when it is missing. */
  writtenAt(sha256: string): Promise<number | null>;
  /** A stream of the blob, or of the inclusive byte range [start, end]; a missing blob fails the stream. */
  open(sha256: string, range?: { start: number; end: number }, opts?: { highWaterMark?: number }): Readable;
  remove(sha256: string): Promise<void>;
  /** Runs `fn` with the blob as a file on this node's disk (libraries that need a path, e.g. sharp). */
  withFile<T>(sha256: string, fn: (file: string) => Promise<T>): Promise<T>;
  /** Free space for new blobs, or null when the store has no such limit to check. */
  freeBytes(): Promise<number | null>;
  /** Removes what writes interrupted by a killed process left behind, if older than `olderThanMs`. */
  sweepTemp(olderThanMs: number, now?: number): Promise<number>;
}

export const SHA256 = /^[0-9a-f]{64}$/;

export function tooLarge(maxBytes: number): UserError {
  return new UserError(`The file is larger than the limit of ${maxBytes} bytes.`, { status: 413, code: "too_large" });
}

/** Throws the error a person can act on when what arrived is not what was announced. */
export function verify(got: StoredBlob, opts: WriteOptions): void {
  if (opts.expectedSize !== undefined && got.size !== opts.expectedSize) {
    throw new UserError(`Received ${got.size} bytes, expected ${opts.expectedSize}: the upload was truncated.`, {
      status: 400,
      code: "truncated",
    });
  }
  if (opts.expectedSha256 && got.sha256 !== opts.expectedSha256.toLowerCase()) {
    throw new UserError("The content does not match its SHA-256.", { status: 422, code: "sha256_mismatch" });
  }
}

/** The chunks of a Node or web stream, one at a time (null at the end), and a way to stop it. */
export function chunkReader(source: Readable | ReadableStream<Uint8Array>): {
  next(): Promise<Uint8Array | null>;
  cancel(reason: Error): void;
} {
  if (source instanceof Readable) {
    const it = source[Symbol.asyncIterator]();
    return {
      next: async () => {
        const r = await it.next();
        return r.done ? null : (r.value as Uint8Array);
      },
      cancel: (reason) => void source.destroy(reason), // a pending read rejects with the reason
    };
  }
  const reader = source.getReader();
  return {
    next: async () => {
      const r = await reader.read();
      return r.done ? null : r.value;
    },
    cancel: (reason) => void reader.cancel(reason).catch(() => {}), // a pending read ends
  };
}

export const abortError = () => Object.assign(new Error("aborted"), { name: "AbortError", code: "ABORT_ERR" });
