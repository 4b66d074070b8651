import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { db, direct } from "@/lib/db";
import { sql } from "@/lib/assets/sql";
import { env } from "@/lib/env";
import { renditionStateFor } from "@/lib/assets/detect-type";
import { UserError } from "@/lib/errors";
import { portalBlobs } from "@/lib/storage/stores";
import { ensureFolders, nameOf, parentOf } from "@/lib/portal/folders-of";
import { PortalError } from "@/lib/portal/portal-error";
import {
  clearRemoval,
  isNewer,
  notNewer,
  orderColumns,
  readOrder,
  removedSince,
  type Order,
} from "@/lib/portal/publish-order";
import { collectPortalBlobs } from "@/lib/portal/blob-gc";
import { recordReceipt, UNKNOWN_PUBLISHER, type Publisher } from "@/lib/portal/receipts";
import { kickPortalRenditions } from "@/lib/portal/renditions";
import { assetMetadata, sha256Hex, version as versionSchema, type AssetMetadata } from "@/lib/portal/schemas";
import { parseInput, safeParseInput } from "@/lib/parse-input";

// PUT …/api/v1/assets?path=…: the binary streams into the portal's blob store while its SHA-256
// and size are checked (a mismatch or a short body stores nothing), then the asset row is
// upserted by (tenant, path) so that a repeat is a no-op and an older version never overwrites a
// newer one. See docs/replication-protocol.md.

export type ReceiveResult = {
  status: 200 | 201;
  result: "created" | "updated" | "unchanged" | "stale";
  path: string;
  version: number;
  sha256: string;
  size: number;
};

const MAX_METADATA_CHARS = 8192;

export function parseAssetHeaders(h: Headers) {
  const sha256 = safeParseInput(sha256Hex, h.get("x-content-sha256") ?? "");
  if (!sha256.success)
    throw new PortalError(400, "invalid_request", "X-Content-SHA256 must be the content's SHA-256 as 64 hex digits.");
  const version = safeParseInput(versionSchema, h.get("x-asset-version") ?? "");
  if (!version.success) throw new PortalError(400, "invalid_request", "X-Asset-Version must be a positive integer.");
  const sizeRaw = h.get("x-asset-size") ?? h.get("content-length") ?? "";
  if (!/^\d{1,15}$/.test(sizeRaw))
    throw new PortalError(400, "invalid_request", "X-Asset-Size must be the content's length in bytes.");
  const size = Number(sizeRaw);
  if (size > env.OUTPOST_UPLOAD_LIMIT_BYTES)
    throw new PortalError(
      413,
      "too_large",
      `The asset is larger than this portal's limit of ${env.OUTPOST_UPLOAD_LIMIT_BYTES} bytes.`,
    );
  const mimeType = (h.get("content-type") ?? "application/octet-stream").split(";")[0].trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(mimeType))
    throw new PortalError(400, "invalid_request", "Content-Type must be the asset's MIME type.");
  return {
    sha256: sha256.data,
    version: version.data,
    size,
    mimeType,
    metadata: parseMetadata(h.get("x-asset-metadata")),
  };
}

function parseMetadata(raw: string | null): AssetMetadata {
  if (!raw) return parseInput(assetMetadata, {});
  if (raw.length > MAX_METADATA_CHARS)
    throw new PortalError(
      431,
      "metadata_too_large",
      `X-Asset-Metadata must be at most ${MAX_METADATA_CHARS} characters.`,
    );
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw new PortalError(400, "invalid_request", "X-Asset-Metadata must be base64url-encoded JSON.");
  }
  const parsed = safeParseInput(assetMetadata, json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new PortalError(400, "invalid_request", `X-Asset-Metadata ${i.path.join(".")}: ${i.message}`);
  }
  return parsed.data;
}

export async function receiveAsset(
  tenantId: string,
  path: string,
  req: NextRequest,
  by: Publisher = UNKNOWN_PUBLISHER,
): Promise<ReceiveResult> {
  const head = parseAssetHeaders(req.headers);
  const order = readOrder(req.headers);
  const current = await findAsset(tenantId, path);
  if (current && (current.version > head.version || isNewer(current, order))) {
    await drain(req); // read the body anyway so the kept-alive connection stays usable
    await recordReceipt(tenantId, by, { action: "publish", kind: "asset", path, result: "stale", assets: 0, bytes: 0 });
    return { status: 200, result: "stale", path, version: current.version, sha256: head.sha256, size: head.size };
  }
  if (!req.body) throw new PortalError(400, "invalid_request", "Send the asset's bytes as the request body.");
  try {
    await portalBlobs.write(req.body, {
      expectedSha256: head.sha256,
      expectedSize: head.size,
      maxBytes: env.OUTPOST_UPLOAD_LIMIT_BYTES,
      signal: req.signal,
    });
  } catch (e) {
    if (e instanceof UserError) throw e; // 400 truncated, 422 SHA-256 mismatch, 413, 507
    throw new PortalError(
      400,
      "interrupted",
      "The upload was interrupted before the whole body arrived; nothing was stored.",
    );
  }

  const name = nameOf(path);
  const folderPath = parentOf(path);
  const title = head.metadata.title || name;
  const m = head.metadata;
  const data = {
    folderPath,
    name,
    title,
    searchText: [name, title, m.description, m.tags.join(" "), head.mimeType].join(" ").toLowerCase(),
    metadata: JSON.stringify({
      description: m.description,
      tags: m.tags,
      creator: m.creator,
      width: m.width ?? null,
      height: m.height ?? null,
    }),
    sha256: head.sha256,
    size: BigInt(head.size),
    mimeType: head.mimeType,
    version: head.version,
    isPublic: m.public,
  };
  const result = await upsert(tenantId, path, data, current, order, by);
  if (order && result.result !== "stale") {
    // Written first, then checked: an unpublish that came meanwhile either removed our row or left
    // its marker for us to find (lib/portal/publish-order.ts).
    const markers = await removedSince(tenantId, "asset", path, order);
    if (markers.voidedBy !== null) {
      await db.portalAsset.deleteMany({
        where: { tenantId, path, seqSource: order.source, sequence: order.sequence },
      });
      await collectPortalBlobs([head.sha256]);
      await recordReceipt(tenantId, by, {
        action: "publish",
        kind: "asset",
        path,
        result: "stale",
        assets: 0,
        bytes: 0,
      });
      return { status: 200, result: "stale", path, version: head.version, sha256: head.sha256, size: head.size };
    }
    if (markers.olderOwn) await clearRemoval(tenantId, "asset", path, order);
  }
  if (result.result === "created") await ensureFolders(tenantId, folderPath, m.public);
  const arrived = result.result === "created" || result.result === "updated";
  if (arrived && renditionStateFor(head.mimeType) === "pending") kickPortalRenditions();
  await recordReceipt(tenantId, by, {
    action: "publish",
    kind: "asset",
    path,
    result: result.result,
    assets: arrived ? 1 : 0,
    bytes: arrived ? head.size : 0,
  });
  return { ...result, path, sha256: head.sha256, size: head.size };
}

type AssetData = {
  folderPath: string;
  name: string;
  title: string;
  searchText: string;
  metadata: string;
  sha256: string;
  size: bigint;
  mimeType: string;
  version: number;
  isPublic: boolean;
};

type Row = AssetData & { id: string; seqSource: string | null; sequence: number | null };

async function upsert(
  tenantId: string,
  path: string,
  data: AssetData,
  seen: Row | null,
  order: Order | null,
  by: Publisher,
): Promise<{ status: 200 | 201; result: ReceiveResult["result"]; version: number }> {
  // Compare-and-set on the version, so parallel deliveries of one path settle on the newest. The
  // row read before the upload is the first guess; the database has the last word.
  for (let i = 0; i < 5; i++) {
    const cur = i === 0 ? seen : await findAsset(tenantId, path);
    if (!cur) {
      if (await insertAsset(tenantId, path, data, order, by))
        return { status: 201, result: "created", version: data.version };
      continue; // created meanwhile by a parallel delivery: compare with that row
    }
    if (cur.version > data.version || isNewer(cur, order))
      return { status: 200, result: "stale", version: cur.version };
    const same = (Object.keys(data) as (keyof AssetData)[]).every((k) => cur[k] === data[k]);
    if (same) {
      // Still the newest publish of this path: record its sequence (an older unpublish is then stale).
      if (order && (cur.seqSource !== order.source || cur.sequence !== order.sequence))
        await db.portalAsset.updateMany({ where: { id: cur.id, ...notNewer(order) }, data: orderColumns(order) });
      return { status: 200, result: "unchanged", version: cur.version };
    }
    const { count } = await db.portalAsset.updateMany({
      where: { id: cur.id, version: { lte: data.version }, ...notNewer(order) },
      data: {
        ...data,
        ...orderColumns(order),
        publishedAt: new Date(),
        publishedBy: by.clientId,
        publishedOrg: by.org,
        publicationId: by.publicationId,
        // New bytes need new renditions (the portal's worker makes them).
        ...(cur.sha256 !== data.sha256 || cur.mimeType !== data.mimeType
          ? { renditionState: renditionStateFor(data.mimeType), renditionLeaseUntil: null }
          : {}),
      },
    });
    if (count === 1) return { status: 200, result: "updated", version: data.version };
  }
  throw new PortalError(409, "conflict", "The asset kept changing while it was being stored; try again.");
}

/** A new row, unless the path exists (direct SQL, one statement: the common case of a first publish). */
async function insertAsset(
  tenantId: string,
  path: string,
  d: AssetData,
  order: Order | null,
  by: Publisher,
): Promise<boolean> {
  const now = new Date();
  const inserted =
    await direct.execute(sql`INSERT INTO "PortalAsset" ("id", "tenantId", "path", "folderPath", "name", "title", "searchText", "metadata", "sha256", "size", "mimeType", "version", "isPublic", "publishedAt", "updatedAt", "publishedBy", "publishedOrg", "publicationId", "seqSource", "sequence", "renditionState")
    VALUES (${randomUUID()}, ${tenantId}, ${path}, ${d.folderPath}, ${d.name}, ${d.title}, ${d.searchText}, ${d.metadata}, ${d.sha256}, ${d.size}, ${d.mimeType}, ${d.version}, ${d.isPublic}, ${now}, ${now}, ${by.clientId}, ${by.org}, ${by.publicationId}, ${order?.source ?? null}, ${order?.sequence ?? null}, ${renditionStateFor(d.mimeType)})
    ON CONFLICT ("tenantId", "path") DO NOTHING`);
  return inserted === 1;
}

/** The stored row of a path (direct SQL: it runs for every delivery), in the types Prisma would give. */
async function findAsset(tenantId: string, path: string): Promise<Row | null> {
  const rows = await direct.query<
    Record<keyof Row, unknown>
  >(sql`SELECT "id", "folderPath", "name", "title", "searchText", "metadata", "sha256", "size", "mimeType", "version", "isPublic", "seqSource", "sequence"
    FROM "PortalAsset" WHERE "tenantId" = ${tenantId} AND "path" = ${path}`);
  const r = rows[0];
  if (!r) return null;
  return {
    id: String(r.id),
    folderPath: String(r.folderPath),
    name: String(r.name),
    title: String(r.title),
    searchText: String(r.searchText),
    metadata: String(r.metadata),
    sha256: String(r.sha256),
    size: BigInt(r.size as bigint | number),
    mimeType: String(r.mimeType),
    version: Number(r.version),
    isPublic: r.isPublic === true || Number(r.isPublic) === 1,
    seqSource: r.seqSource === null ? null : String(r.seqSource),
    sequence: r.sequence === null ? null : Number(r.sequence),
  };
}

async function drain(req: NextRequest) {
  if (!req.body) return;
  for await (const _ of req.body as unknown as AsyncIterable<Uint8Array>) void _;
}
