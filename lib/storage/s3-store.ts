import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  UploadPartCopyCommand,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import {
  abortError,
  chunkReader,
  SHA256,
  tooLarge,
  verify,
  type BlobStore,
  type StoredBlob,
  type WriteOptions,
} from "@/lib/storage/types";

/** Parts of a multipart upload: memory per upload is at most PART_SIZE × PARTS_IN_FLIGHT. */
const PART_SIZE = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 4;
/** CopyObject's limit; larger blobs are copied part by part (UploadPartCopy). */
const COPY_LIMIT = 5 * 1024 ** 3;
const COPY_PART = 512 * 1024 * 1024;

export type S3Settings = {
  bucket: string;
  prefix: string;
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Path-style URLs (http://host/bucket/key), which MinIO-like servers need. */
  forcePathStyle?: boolean;
};

/** s3://bucket/prefix → bucket and prefix (no slashes at either end). */
export function parseS3Url(url: string): { bucket: string; prefix: string } {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!m) throw new Error(`OUTPOST_BLOB_STORE must look like s3://bucket/prefix (got "${url}")`);
  return { bucket: m[1], prefix: (m[2] ?? "").replace(/^\/+|\/+$/g, "") };
}

export function s3Client(s: S3Settings): S3Client {
  const config: S3ClientConfig = {
    endpoint: s.endpoint,
    region: s.region ?? "us-east-1",
    credentials: s.credentials,
    forcePathStyle: s.forcePathStyle ?? Boolean(s.endpoint),
    // Checksums only where S3 requires them: the SDK's default adds trailing CRC32 checksums that
    // several S3-compatible servers do not understand. Integrity is ours: the SHA-256 we compute.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
  return new S3Client(config);
}

/**
 * Content-addressed blobs in an S3-compatible bucket: <prefix>/ab/cd/<sha256>, the same layout as
 * the folder store. A write streams to a temporary key (multipart beyond 8 MB) while hashing, and
 * only a verified blob is copied, server side, to its content key: a reader never sees an
 * unverified object under a hash. The copy also refreshes the object's date, which blob clean-up
 * reads (a blob written in the last minutes is kept), as the folder store's rename does.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = "s3" as const;

  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
    readonly prefix: string,
    /** A folder on this node for withFile's copies. */
    private readonly scratchDir: string,
  ) {}

  get location(): string {
    return `s3://${this.bucket}${this.prefix ? `/${this.prefix}` : ""}`;
  }

  private key(rest: string): string {
    return this.prefix ? `${this.prefix}/${rest}` : rest;
  }

  keyOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error("not a sha256");
    return this.key(`${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`);
  }

  async write(source: Readable | ReadableStream<Uint8Array>, opts: WriteOptions = {}): Promise<StoredBlob> {
    const tmpKey = this.key(`tmp/${Date.now()}-${randomBytes(8).toString("hex")}`);
    const hash = createHash("sha256");
    let size = 0;
    let failure: Error | undefined;
    const chunks = chunkReader(source);
    // The source's own failure (a reset connection, the limit) is the one to report, not what the
    // SDK says about the upload it then abandons.
    const counted = async function* () {
      try {
        for (let chunk; (chunk = await chunks.next());) {
          size += chunk.byteLength;
          if (opts.maxBytes !== undefined && size > opts.maxBytes) throw tooLarge(opts.maxBytes);
          hash.update(chunk);
          yield chunk;
        }
      } catch (e) {
        failure ??= e instanceof Error ? e : new Error(String(e));
        throw failure;
      }
    };
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: tmpKey, Body: Readable.from(counted()) },
      partSize: PART_SIZE,
      queueSize: PARTS_IN_FLIGHT,
      leavePartsOnError: false,
    });
    const onAbort = () => {
      failure ??= abortError();
      chunks.cancel(failure);
      void upload.abort().catch(() => {});
    };
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      if (opts.signal?.aborted) throw abortError();
      await upload.done();
      if (failure) throw failure;
      const sha256 = hash.digest("hex");
      verify({ sha256, size }, opts);
      await this.copy(tmpKey, this.keyOf(sha256), size);
      return { sha256, size };
    } catch (e) {
      const error = failure ?? (e instanceof Error ? e : new Error(String(e)));
      chunks.cancel(error); // stop reading
      throw error;
    } finally {
      opts.signal?.removeEventListener("abort", onAbort);
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: tmpKey })).catch(() => {});
    }
  }

  private async copy(from: string, to: string, size: number): Promise<void> {
    const CopySource = `${this.bucket}/${from}`;
    if (size <= COPY_LIMIT) {
      await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource }));
      return;
    }
    const { UploadId } = await this.client.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: to }));
    try {
      const parts = [];
      for (let start = 0, n = 1; start < size; start += COPY_PART, n++) {
        const end = Math.min(size, start + COPY_PART) - 1;
        const r = await this.client.send(
          new UploadPartCopyCommand({
            Bucket: this.bucket,
            Key: to,
            UploadId,
            PartNumber: n,
            CopySource,
            CopySourceRange: `bytes=${start}-${end}`,
          }),
        );
        parts.push({ PartNumber: n, ETag: r.CopyPartResult?.ETag });
      }
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: to,
          UploadId,
          MultipartUpload: { Parts: parts },
        }),
      );
    } catch (e) {
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: to, UploadId }))
        .catch(() => {});
      throw e;
    }
  }

  private async head(sha256: string): Promise<{ size: number; at: number } | null> {
    try {
      const r = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return { size: r.ContentLength ?? 0, at: r.LastModified?.getTime() ?? 0 };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.head(sha256)) !== null;
  }

  async size(sha256: string): Promise<number> {
    const h = await this.head(sha256);
    if (!h) throw missing(sha256);
    return h.size;
  }

  async writtenAt(sha256: string): Promise<number | null> {
    return (await this.head(sha256))?.at ?? null;
  }

  /**
   * Returned at once, like a file stream; the GET starts now and its body flows through with
   * backpressure. Destroying the stream aborts the GET.
   */
  open(sha256: string, range?: { start: number; end: number }, opts: { highWaterMark?: number } = {}): Readable {
    const out = new PassThrough({ highWaterMark: opts.highWaterMark });
    const ac = new AbortController();
    out.once("close", () => ac.abort());
    this.client
      .send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.keyOf(sha256),
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
        { abortSignal: ac.signal },
      )
      .then(
        (r) => pipeline(r.Body as Readable, out).catch((e) => out.destroy(e)),
        (e) => out.destroy(isMissing(e) ? missing(sha256) : e),
      );
    return out;
  }

  async remove(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
  }

  /** Copies the blob to a scratch file on this node for as long as `fn` runs. */
  async withFile<T>(sha256: string, fn: (file: string) => Promise<T>): Promise<T> {
    await mkdir(this.scratchDir, { recursive: true });
    const file = path.join(this.scratchDir, `${sha256}-${randomBytes(4).toString("hex")}`);
    try {
      await pipeline(this.open(sha256), createWriteStream(file, { flags: "wx" }));
      return await fn(file);
    } finally {
      await rm(file, { force: true });
    }
  }

  /** A bucket has no free-space figure to check in advance. */
  async freeBytes(): Promise<null> {
    return null;
  }

  /**
   * Temporary objects a killed node left behind. Parts of multipart uploads it left are not
   * listed here: the bucket's lifecycle rule AbortIncompleteMultipartUpload removes them (see
   * docs/deployment.md).
   */
  async sweepTemp(olderThanMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.key("tmp/"), ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) {
        if (o.Key && o.LastModified && now - o.LastModified.getTime() > olderThanMs) {
          await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: o.Key }));
          removed++;
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return removed;
  }
}

function isMissing(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err.name === "NotFound" || err.name === "NoSuchKey" || err.$metadata?.httpStatusCode === 404;
}

function missing(sha256: string): Error {
  return Object.assign(new Error(`The blob ${sha256} is missing from the bucket.`), { code: "ENOENT" });
}
