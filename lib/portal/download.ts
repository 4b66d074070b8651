import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { blobResponse } from "@/lib/assets/download";
import { portalBlobs } from "@/lib/storage/stores";
import { ID_PATTERN } from "@/lib/portal/paths";
import { visible, type PortalScope } from "@/lib/portal/visibility";

// Downloads of one asset, the original or a rendition, streamed from the portal's store with the
// console's blob response (ETag, Range, a safe Content-Disposition). An asset the viewer may not
// see, or one removed from the portal, is simply not found: never stale bytes, no existence leak.

export const RENDITION_KINDS = ["thumbnail", "web"] as const;
export type PortalRenditionKind = (typeof RENDITION_KINDS)[number];

const EXT: Record<string, string> = { "image/webp": "webp", "image/jpeg": "jpg" };

export async function resolvePortalBinary(v: PortalScope, id: string, rendition: string | null) {
  if (!ID_PATTERN.test(id)) throw notFound("The asset");
  const a = await db.portalAsset.findFirst({
    where: { ...visible(v), id },
    select: { name: true, sha256: true, mimeType: true },
  });
  if (!a) throw notFound("The asset");
  if (rendition === null) return { sha256: a.sha256, mimeType: a.mimeType, fileName: a.name };
  if (!(RENDITION_KINDS as readonly string[]).includes(rendition)) throw notFound("The rendition");
  const r = await db.portalRendition.findFirst({
    where: { asset: { id, sha256: a.sha256 }, kind: rendition },
    select: { sha256: true, mimeType: true },
  });
  if (!r) throw notFound("The rendition");
  const base = a.name.replace(/\.[^.]*$/, "") || a.name;
  return { sha256: r.sha256, mimeType: r.mimeType, fileName: `${base}.${rendition}.${EXT[r.mimeType] ?? "bin"}` };
}

/** GET …/download/<id>[?rendition=web]: the file as an attachment. */
export async function downloadResponse(req: Request, v: PortalScope, id: string, rendition: string | null) {
  const b = await resolvePortalBinary(v, id, rendition);
  return blobResponse(req, b, { attachment: true, immutable: false, store: portalBlobs });
}

/**
 * GET …/renditions/<id>/<kind>?v=<hash>: an image for cards and previews. A URL whose ?v= names the
 * current rendition is cached for a year (a new rendition gets a new URL); otherwise revalidated.
 */
export async function renditionResponse(req: Request, v: PortalScope, id: string, kind: string) {
  const b = await resolvePortalBinary(v, id, kind);
  const asked = new URL(req.url).searchParams.get("v");
  return blobResponse(req, b, {
    attachment: false,
    immutable: !!asked && b.sha256.startsWith(asked) && asked.length >= 8,
    store: portalBlobs,
  });
}
