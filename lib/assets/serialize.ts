import "server-only";
import type { AssetItem, FolderItem } from "@/lib/assets/types";

export const folderListSelect = {
  id: true,
  path: true,
  name: true,
  title: true,
  updatedAt: true,
  bpState: true,
  bpAt: true,
  bpBy: true,
} as const;

export const assetListSelect = {
  id: true,
  path: true,
  name: true,
  title: true,
  mimeType: true,
  typeFlag: true,
  size: true,
  width: true,
  height: true,
  updatedAt: true,
  version: true,
  renditionState: true,
  sha256: true,
  bpState: true,
  bpAt: true,
  bpBy: true,
} as const;

type FolderRow = {
  id: string;
  path: string;
  name: string;
  title: string;
  updatedAt: Date;
  bpState: string | null;
  bpAt: Date | null;
  bpBy: string | null;
};
type AssetRow = FolderRow & {
  mimeType: string;
  typeFlag: string | null;
  size: bigint;
  width: number | null;
  height: number | null;
  version: number;
  renditionState: string;
  sha256: string;
};

export function folderItem(f: FolderRow): FolderItem {
  return {
    kind: "folder",
    id: f.id,
    path: f.path,
    name: f.name,
    title: f.title,
    modified: f.updatedAt.toISOString(),
    bp: bp(f),
  };
}

export function assetItem(a: AssetRow): AssetItem {
  return {
    kind: "asset",
    id: a.id,
    path: a.path,
    name: a.name,
    title: a.title,
    mimeType: a.mimeType,
    typeFlag: a.typeFlag,
    size: Number(a.size),
    width: a.width,
    height: a.height,
    modified: a.updatedAt.toISOString(),
    version: a.version,
    renditionState: a.renditionState,
    thumbnailUrl: a.renditionState === "ready" ? renditionUrl(a.id, "thumbnail", a.sha256) : null,
    bp: bp(a),
  };
}

/** The URL of a rendition; `sha` makes it change with the binary so it can be cached for good. */
export function renditionUrl(assetId: string, kind: string, sha: string): string {
  return `/api/assets/${assetId}/binary?rendition=${kind}&v=${sha.slice(0, 16)}`;
}

function bp(r: { bpState: string | null; bpAt: Date | null; bpBy: string | null }) {
  return { state: r.bpState, at: r.bpAt?.toISOString() ?? null, by: r.bpBy };
}
