import "server-only";
import { Readable } from "node:stream";
import sharp from "sharp";
import { db } from "@/lib/db";
import { RASTER_TYPES } from "@/lib/assets/detect-type";
import { collectBlobs } from "@/lib/assets/blob-gc";
import type { BlobStore } from "@/lib/storage/blob-store";
import { assetBlobs } from "@/lib/storage/stores";

// AEM's renditions: a thumbnail for cards and a web rendition for previews (cq5dam.thumbnail.*,
// cq5dam.web.1280.1280.jpeg). Images only; other types show an icon by type.
export const RENDITIONS = [
  { kind: "thumbnail", size: 320, mimeType: "image/webp" },
  { kind: "web", size: 1280, mimeType: "image/jpeg" },
] as const;

export type RenditionKind = (typeof RENDITIONS)[number]["kind"];

type Target = { id: string; sha256: string; mimeType: string };

export type MadeRendition = {
  kind: string;
  sha256: string;
  size: number;
  width: number;
  height: number;
  mimeType: string;
};

/**
 * Renders the thumbnail and web rendition of the image at `source` into `store` (the console's and
 * the portal's blob stores both use it). Throws when the image cannot be read; what was written
 * before is returned in the error's `made` so the caller can collect it.
 */
export async function renderRenditions(source: string, store: BlobStore): Promise<MadeRendition[]> {
  const made: MadeRendition[] = [];
  try {
    for (const r of RENDITIONS) {
      // One page/frame, EXIF orientation applied, never enlarged; decoding stops at the pixel limit.
      let img = sharp(source, {
        failOn: "none",
        limitInputPixels: 268_402_689,
        animated: false,
      })
        .rotate()
        .resize({ width: r.size, height: r.size, fit: "inside", withoutEnlargement: true });
      img =
        r.mimeType === "image/jpeg"
          ? img.flatten({ background: "#ffffff" }).jpeg({ quality: 85, mozjpeg: true })
          : img.webp({ quality: 80 });
      const { data, info } = await img.toBuffer({ resolveWithObject: true }); // at most 1280², small
      const blob = await store.write(Readable.from([data]));
      made.push({
        kind: r.kind,
        sha256: blob.sha256,
        size: blob.size,
        width: info.width,
        height: info.height,
        mimeType: r.mimeType,
      });
    }
  } catch (e) {
    throw Object.assign(e as Error, { made });
  }
  return made;
}

/** Makes and records the renditions of one asset; returns the state it ends in. */
export async function generateRenditions(asset: Target): Promise<"ready" | "none" | "failed" | "stale"> {
  if (!RASTER_TYPES.has(asset.mimeType)) return finish(asset, "none", []);
  let made: MadeRendition[];
  try {
    made = await renderRenditions(assetBlobs.pathOf(asset.sha256), assetBlobs);
  } catch (e) {
    console.warn(`[assets] renditions of ${asset.id} failed: ${(e as Error).message}`);
    await collectBlobs(
      ((e as { made?: MadeRendition[] }).made ?? []).map((m) => m.sha256),
      { keepRecent: false },
    );
    return finish(asset, "failed", []);
  }
  return finish(asset, "ready", made);
}

/** Records the outcome unless the binary changed meanwhile (a replace queues its own run). */
async function finish(asset: Target, state: "ready" | "none" | "failed", made: MadeRendition[]) {
  const done = await db.$transaction(async (tx) => {
    const claimed = await tx.asset.updateMany({
      where: { id: asset.id, sha256: asset.sha256 },
      data: { renditionState: state, renditionLeaseUntil: null },
    });
    if (claimed.count === 0) return false;
    for (const m of made) {
      await tx.blob.upsert({
        where: { sha256: m.sha256 },
        create: { sha256: m.sha256, size: BigInt(m.size) },
        update: {},
      });
      const data = { sha256: m.sha256, mimeType: m.mimeType, width: m.width, height: m.height, size: BigInt(m.size) };
      await tx.rendition.upsert({
        where: { assetId_kind: { assetId: asset.id, kind: m.kind } },
        create: { assetId: asset.id, kind: m.kind, ...data },
        update: data,
      });
    }
    return true;
  });
  if (!done) {
    await collectBlobs(
      made.map((m) => m.sha256),
      { keepRecent: false },
    );
    return "stale" as const;
  }
  return state;
}
