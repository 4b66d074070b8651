import { extensionOf } from "@/lib/assets/names";

// The real type of a file comes from its first bytes, not from its name. An extension that says
// otherwise is flagged (Asset.typeFlag) and the asset is stored under the type its content has.

export type Detected = { mimeType: string; typeFlag: string | null };

const LABELS: Record<string, string> = {
  "image/jpeg": "JPEG image",
  "image/png": "PNG image",
  "image/gif": "GIF image",
  "image/webp": "WebP image",
  "image/tiff": "TIFF image",
  "image/avif": "AVIF image",
  "image/heic": "HEIC image",
  "image/svg+xml": "SVG image",
  "image/bmp": "BMP image",
  "application/pdf": "PDF document",
  "video/mp4": "MP4 video",
  "video/quicktime": "QuickTime video",
  "video/webm": "WebM video",
  "audio/mpeg": "MP3 audio",
  "audio/wav": "WAV audio",
  "application/zip": "ZIP archive",
  "text/plain": "Text",
  "application/octet-stream": "Binary file",
};

/** What people call a MIME type ("JPEG image"). */
export function typeLabel(mimeType: string): string {
  return LABELS[mimeType] ?? mimeType;
}

// Extensions whose content we can recognise: a mismatch is flagged.
const BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  jpe: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  tif: "image/tiff",
  tiff: "image/tiff",
  avif: "image/avif",
  heic: "image/heic",
  svg: "image/svg+xml",
  bmp: "image/bmp",
  pdf: "application/pdf",
  mp4: "video/mp4",
  m4v: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  zip: "application/zip",
};

// Extensions of formats without a signature of their own (text) or inside a ZIP (Office): trusted
// when the content does not contradict them.
const TRUSTED_EXTENSION: Record<string, string> = {
  txt: "text/plain",
  csv: "text/csv",
  md: "text/markdown",
  json: "application/json",
  xml: "application/xml",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

const ascii = (b: Buffer, start: number, end: number) => b.subarray(start, end).toString("latin1");

/** The MIME type the leading bytes of a file prove, or null when they prove none. */
export function sniff(head: Buffer): string | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "image/png";
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") return "image/gif";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "image/webp";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WAVE") return "audio/wav";
  if (ascii(head, 0, 5) === "%PDF-") return "application/pdf";
  if (ascii(head, 0, 4) === "II*\0" || ascii(head, 0, 4) === "MM\0*") return "image/tiff";
  if (ascii(head, 0, 2) === "BM" && head.length >= 26) return "image/bmp";
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return "video/webm";
  if (
    ascii(head, 0, 3) === "ID3" ||
    (head.length >= 2 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0 && (head[1] & 0x06) !== 0)
  )
    return "audio/mpeg";
  if (ascii(head, 0, 4) === "PK\u0003\u0004") return "application/zip";
  if (ascii(head, 4, 8) === "ftyp") {
    const brand = ascii(head, 8, 12);
    if (brand === "avif" || brand === "avis") return "image/avif";
    if (["heic", "heix", "mif1", "msf1", "hevc"].includes(brand)) return "image/heic";
    if (brand === "qt  ") return "video/quicktime";
    return "video/mp4"; // isom, iso2, mp41, mp42, avc1, M4V, dash, …
  }
  const text = head
    .subarray(0, 1024)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text)) return "image/svg+xml";
  return null;
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return true;
  for (const b of head) if (b === 0 || b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return false;
  return true;
}

/** The type to store and, when the file name contradicts it, the flag shown to people. */
export function detectType(head: Buffer, name: string): Detected {
  const ext = extensionOf(name);
  const real = sniff(head);
  const claimed = BY_EXTENSION[ext] ?? TRUSTED_EXTENSION[ext];
  const text = looksLikeText(head.subarray(0, 1024));
  if (real) {
    if (real === "application/zip" && claimed?.includes("openxmlformats")) return { mimeType: claimed, typeFlag: null }; // Office files are ZIPs
    if (claimed && claimed !== real)
      return { mimeType: real, typeFlag: mismatch(ext, claimed, `is a ${typeLabel(real)}`) };
    return { mimeType: real, typeFlag: null };
  }
  const textual = !!claimed && !BY_EXTENSION[ext] && !claimed.includes("openxmlformats");
  if (claimed && textual && text) return { mimeType: claimed, typeFlag: null };
  const fallback = text ? "text/plain" : "application/octet-stream";
  return { mimeType: fallback, typeFlag: claimed ? mismatch(ext, claimed, "is not one") : null };
}

function mismatch(ext: string, claimed: string, what: string): string {
  return `The extension .${ext} says ${typeLabel(claimed)}, but the content ${what}.`;
}

const MORE_LABELS: Record<string, string> = {
  "text/csv": "CSV text",
  "text/markdown": "Markdown text",
  "application/json": "JSON",
  "application/xml": "XML",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel workbook",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint presentation",
};
Object.assign(LABELS, MORE_LABELS);

/** Types sharp reads: these get a thumbnail and a web rendition. */
export const RASTER_TYPES = new Set([
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "image/tiff",
  "image/avif",
  "image/svg+xml",
]);

/**
 * The rendition state of new bytes: "pending" for the rendition worker when it can make any,
 * "none" at once otherwise, so that a PDF or a video costs the worker no claim and no write.
 */
export const renditionStateFor = (mimeType: string): "pending" | "none" =>
  RASTER_TYPES.has(mimeType) ? "pending" : "none";
