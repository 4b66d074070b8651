import { formatBytes } from "@/lib/format";
import { typeLabel } from "@/lib/assets/detect-type";
import type { BrowseItem } from "@/lib/assets/types";

// Short texts for cards and rows (shared by server and client components).

export const shortType = (mimeType: string) =>
  typeLabel(mimeType).replace(/ (image|document|video|audio|archive)$/, "") || mimeType;

export function dimensions(w: number | null, h: number | null): string {
  return w && h ? `${w} × ${h}` : "";
}

export function metaLine(item: BrowseItem): string {
  if (item.kind === "folder") return "Folder";
  return [shortType(item.mimeType), formatBytes(item.size), dimensions(item.width, item.height)]
    .filter(Boolean)
    .join(" · ");
}
