import "server-only";
import type { Readable } from "node:stream";
import { db } from "@/lib/db";
import { assetBlobs } from "@/lib/storage/stores";
import type { ClaimedJob } from "@/lib/replication/queue/claim";
import { publicationHeaders } from "@/lib/replication/delivery/publication-headers";

// What one job sends to the tenant (docs/replication-protocol.md): an asset's binary with its
// metadata, a folder's or a collection's metadata, or a DELETE. The body is a factory so that
// a request repeated with a fresh token streams the file again from the start.

export type Delivery =
  | { type: "skip"; reason: string }
  | {
      type: "send";
      method: "PUT" | "DELETE";
      url: string;
      headers: Record<string, string>;
      body?: () => Readable | Buffer;
      bytes: number;
      version: number | null;
      /** For an asset: the binary's hash in the asset store (checked when sending fails). */
      sha256?: string;
    };

const METADATA_LIMIT = 8000;
// Binaries are read in chunks of up to 1 MB (Node's default is 64 KB): a quarter-megabyte asset
// is one read instead of four, and large ones need fewer reads and writes to the socket. The read
// is bounded by the known size: an unbounded stream allocates a whole chunk for every read, copies
// a short one, and reads once more to find the end; that garbage (2 MB for a 256 KB asset) made
// the agents' process stop for full garbage collections every few dozen jobs.
const READ_CHUNK = 1024 * 1024;

export async function buildDelivery(
  job: ClaimedJob,
  tenantUrl: string,
  publicFolderPublish: boolean,
): Promise<Delivery> {
  const delivery = await buildRequest(job, tenantUrl, publicFolderPublish);
  if (delivery.type === "send") delivery.headers = { ...delivery.headers, ...orderHeaders(job) };
  return delivery;
}

/**
 * Every request says where it stands in its path's order (docs/replication-protocol.md, "Order"):
 * the job's id, which grows with every job of this console's database (enqueues are serialised per
 * configuration, so ids follow the per-path order), within the configuration's id (a new database
 * or configuration starts a new source: its ids are never compared with an old one's).
 */
export const orderHeaders = (job: Pick<ClaimedJob, "id" | "configId">) => ({
  "x-publish-source": job.configId,
  "x-publish-sequence": String(job.id),
});

async function buildRequest(job: ClaimedJob, tenantUrl: string, publicFolderPublish: boolean): Promise<Delivery> {
  const base = `${tenantUrl.replace(/\/+$/, "")}/api/v1`;
  const q = (extra: Record<string, string> = {}) => `?${new URLSearchParams({ path: job.path, ...extra })}`;
  const pub = await publicationHeaders(job.publicationId);

  if (job.kind === "asset") {
    if (job.action === "unpublish") {
      return {
        type: "send",
        method: "DELETE",
        url: `${base}/assets${q(job.version ? { version: String(job.version) } : {})}`,
        headers: pub,
        bytes: 0,
        version: job.version,
      };
    }
    // The claim read the asset's row with the job (one round trip instead of two).
    const asset = job.asset;
    if (!asset)
      return { type: "skip", reason: `The asset ${job.path} was deleted after it was queued: nothing to publish.` };
    if (asset.path !== job.path)
      return {
        type: "skip",
        reason: `The asset was moved to ${asset.path} after it was queued: publish it again from there.`,
      };
    const size = Number(asset.size);
    return {
      type: "send",
      method: "PUT",
      url: `${base}/assets${q()}`,
      headers: {
        ...pub,
        "content-type": asset.mimeType,
        "content-length": String(size),
        "x-asset-size": String(size),
        "x-content-sha256": asset.sha256,
        "x-asset-version": String(Number(asset.version)),
        "x-asset-metadata": encodeMetadata({
          title: asset.title,
          description: asset.description,
          tags: parseTags(asset.tags),
          creator: asset.creator,
          width: asset.width === null ? null : Number(asset.width),
          height: asset.height === null ? null : Number(asset.height),
          public: publicFolderPublish,
        }),
      },
      body: () =>
        assetBlobs.open(asset.sha256, size ? { start: 0, end: size - 1 } : undefined, { highWaterMark: READ_CHUNK }),
      bytes: size,
      version: Number(asset.version),
      sha256: asset.sha256,
    };
  }

  if (job.kind === "folder") {
    const url = `${base}/folders${q()}`;
    if (job.action === "unpublish")
      return { type: "send", method: "DELETE", url, headers: pub, bytes: 0, version: null };
    const folder = await db.folder.findUnique({ where: job.refId ? { id: job.refId } : { path: job.path } });
    if (!folder || folder.path !== job.path)
      return {
        type: "skip",
        reason: `The folder ${job.path} was deleted or moved after it was queued: nothing to publish.`,
      };
    return json("PUT", url, { title: folder.title, description: "", public: publicFolderPublish }, pub);
  }

  const name = job.path.slice(job.path.lastIndexOf("/") + 1);
  const url = `${base}/collections/${encodeURIComponent(name)}`;
  if (job.action === "unpublish") return { type: "send", method: "DELETE", url, headers: pub, bytes: 0, version: null };
  const collection = await db.collection.findUnique({
    where: job.refId ? { id: job.refId } : { name },
    include: { members: { select: { asset: { select: { path: true } } }, orderBy: { addedAt: "asc" } } },
  });
  if (!collection || collection.name !== name)
    return { type: "skip", reason: `The collection ${name} was deleted after it was queued: nothing to publish.` };
  return json(
    "PUT",
    url,
    {
      title: collection.title,
      description: collection.description,
      memberPaths: collection.members.map((m) => m.asset.path),
      public: publicFolderPublish,
    },
    pub,
  );
}

function json(method: "PUT", url: string, body: unknown, extra: Record<string, string>): Delivery {
  const buf = Buffer.from(JSON.stringify(body));
  return {
    type: "send",
    method,
    url,
    headers: { ...extra, "content-type": "application/json" },
    body: () => buf,
    bytes: buf.length,
    version: null,
  };
}

function parseTags(raw: string): string[] {
  try {
    const v = JSON.parse(raw);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** Metadata as base64url JSON for one header; a very long description is shortened to fit. */
export function encodeMetadata(m: {
  title: string;
  description: string;
  tags: string[];
  creator: string;
  width: number | null;
  height: number | null;
  public: boolean;
}): string {
  let meta = m;
  let out = Buffer.from(JSON.stringify(meta)).toString("base64url");
  while (out.length > METADATA_LIMIT && meta.description.length > 0) {
    meta = { ...meta, description: `${meta.description.slice(0, Math.floor(meta.description.length * 0.7))}…` };
    if (meta.description.length < 8) meta = { ...meta, description: "" };
    out = Buffer.from(JSON.stringify(meta)).toString("base64url");
  }
  while (out.length > METADATA_LIMIT && meta.tags.length) {
    meta = { ...meta, tags: meta.tags.slice(0, Math.floor(meta.tags.length / 2)) };
    out = Buffer.from(JSON.stringify(meta)).toString("base64url");
  }
  return out;
}
