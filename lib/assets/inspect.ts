import "server-only";
import { open } from "node:fs/promises";
import sharp from "sharp";
import { detectType, RASTER_TYPES } from "@/lib/assets/detect-type";
import { assetBlobs } from "@/lib/storage/stores";

export type Inspected = { mimeType: string; typeFlag: string | null; width: number | null; height: number | null };

/** The real type of a stored blob from its first bytes, and an image's dimensions from its header. */
export async function inspectBlob(sha256: string, name: string): Promise<Inspected> {
  return assetBlobs.withFile(sha256, (file) => inspectFile(file, name));
}

async function inspectFile(file: string, name: string): Promise<Inspected> {
  const fh = await open(file, "r");
  const head = Buffer.alloc(4100);
  let n: number;
  try {
    ({ bytesRead: n } = await fh.read(head, 0, head.length, 0));
  } finally {
    await fh.close();
  }
  const { mimeType, typeFlag } = detectType(head.subarray(0, n), name);
  if (!RASTER_TYPES.has(mimeType)) return { mimeType, typeFlag, width: null, height: null };
  try {
    const meta = await sharp(file, { failOn: "none" }).metadata(); // reads the header only
    const rotated = (meta.orientation ?? 1) >= 5; // EXIF 5-8 swap width and height
    const w = meta.width ?? null;
    const h = meta.pageHeight ?? meta.height ?? null;
    return { mimeType, typeFlag, width: rotated ? h : w, height: rotated ? w : h };
  } catch {
    return {
      mimeType,
      typeFlag: typeFlag ?? "The file starts like an image but cannot be read as one.",
      width: null,
      height: null,
    };
  }
}
