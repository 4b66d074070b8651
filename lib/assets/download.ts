import "server-only";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import type { BlobStore } from "@/lib/storage/blob-store";
import { assetBlobs } from "@/lib/storage/stores";
import { notFound } from "@/lib/errors";

type Which = { rendition?: string; version?: number };

/** Finds the binary an asset download asks for: the original, an older version, or a rendition. */
export async function resolveBinary(
  assetId: string,
  which: Which,
): Promise<{ sha256: string; mimeType: string; fileName: string }> {
  const asset = await db.asset.findUnique({
    where: { id: assetId },
    select: { name: true, sha256: true, mimeType: true, version: true },
  });
  if (!asset) throw notFound("The asset");
  if (which.rendition) {
    const r = await db.rendition.findUnique({
      where: { assetId_kind: { assetId, kind: which.rendition } },
      select: { sha256: true, mimeType: true },
    });
    if (!r) throw notFound(`The ${which.rendition} rendition`);
    const base = asset.name.replace(/\.[^.]*$/, "");
    return {
      sha256: r.sha256,
      mimeType: r.mimeType,
      fileName: `${base}.${which.rendition}.${r.mimeType === "image/webp" ? "webp" : "jpg"}`,
    };
  }
  if (which.version && which.version !== asset.version) {
    const v = await db.assetVersion.findUnique({
      where: { assetId_version: { assetId, version: which.version } },
      select: { sha256: true, mimeType: true },
    });
    if (!v) throw notFound(`Version ${which.version}`);
    return { sha256: v.sha256, mimeType: v.mimeType, fileName: `v${which.version}-${asset.name}` };
  }
  return { sha256: asset.sha256, mimeType: asset.mimeType, fileName: asset.name };
}

/**
 * Streams a stored blob as an HTTP response: exact Content-Length, Content-Disposition, a single
 * byte Range (video seeking, resumed downloads), ETag = SHA-256. Never reads the file into memory.
 */
export async function blobResponse(
  req: Request,
  b: { sha256: string; mimeType: string; fileName: string },
  opts: { attachment: boolean; immutable: boolean; store?: BlobStore },
): Promise<Response> {
  const store = opts.store ?? assetBlobs; // the portal serves its own store's binaries
  let size: number;
  try {
    size = await store.size(b.sha256);
  } catch {
    throw notFound("The file's binary");
  }
  const etag = `"${b.sha256}"`;
  const headers: Record<string, string> = {
    "Content-Type": b.mimeType,
    "Content-Disposition": disposition(opts.attachment ? "attachment" : "inline", b.fileName),
    "Accept-Ranges": "bytes",
    ETag: etag,
    "Cache-Control": opts.immutable ? "private, max-age=31536000, immutable" : "private, no-cache",
    // A stored file is never a page of ours: no scripts, even if someone opens an SVG directly.
    "Content-Security-Policy":
      "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'",
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const range = parseRange(req.headers.get("range"), size);
  if (range === "unsatisfiable")
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
  const body =
    req.method === "HEAD"
      ? null
      : (Readable.toWeb(store.open(b.sha256, range ?? undefined)) as ReadableStream<Uint8Array>);
  if (range) {
    return new Response(body, {
      status: 206,
      headers: {
        ...headers,
        "Content-Length": String(range.end - range.start + 1),
        "Content-Range": `bytes ${range.start}-${range.end}/${size}`,
      },
    });
  }
  return new Response(size === 0 && body ? null : body, {
    status: 200,
    headers: { ...headers, "Content-Length": String(size) },
  });
}

function parseRange(header: string | null, size: number): { start: number; end: number } | null | "unsatisfiable" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null; // several ranges or garbage: send it all
  let start: number;
  let end: number;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return "unsatisfiable";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}

/**
 * RFC 6266 Content-Disposition for any file name: an ASCII fallback (no quotes, backslashes,
 * control characters or path separators) and the exact name as RFC 8187 UTF-8 in filename*.
 */
export function disposition(kind: "inline" | "attachment", fileName: string): string {
  const safe = fileName.replace(/[\u0000-\u001f\u007f/\\]/g, "_") || "download";
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_").replace(/["%;]/g, "_");
  // encodeURIComponent leaves ' ( ) * as they are; RFC 8187's attr-char does not allow them.
  const ext = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${ext}`;
}
