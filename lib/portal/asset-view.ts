import "server-only";
import type { Prisma } from "@/generated/sqlite/client";

// What the portal's pages show of an asset: plain values (no BigInt), metadata unpacked, and the
// thumbnail's hash for a cache-busting rendition URL once the portal has made it.

export const assetCardSelect = {
  id: true,
  path: true,
  folderPath: true,
  name: true,
  title: true,
  metadata: true,
  size: true,
  mimeType: true,
  isPublic: true,
  publishedAt: true,
  renditionState: true,
  renditions: { select: { kind: true, sha256: true } },
} satisfies Prisma.PortalAssetSelect;

type CardRow = Prisma.PortalAssetGetPayload<{ select: typeof assetCardSelect }>;

export type PortalAssetCard = {
  id: string;
  path: string;
  folderPath: string;
  name: string;
  title: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  description: string;
  tags: string[];
  creator: string;
  isPublic: boolean;
  publishedAt: string;
  /** pending until the portal has made the renditions; none for types without (PDF, video…). */
  renditionState: string;
  /** Short hash of each rendition (thumbnail, web) for its URL's ?v=. */
  renditions: Record<string, string>;
};

export function toCard(r: CardRow): PortalAssetCard {
  let m: { description?: string; tags?: string[]; creator?: string; width?: number | null; height?: number | null } =
    {};
  try {
    m = JSON.parse(r.metadata);
  } catch {
    m = {};
  }
  return {
    id: r.id,
    path: r.path,
    folderPath: r.folderPath,
    name: r.name,
    title: r.title,
    mimeType: r.mimeType,
    size: Number(r.size),
    width: m.width ?? null,
    height: m.height ?? null,
    description: m.description ?? "",
    tags: Array.isArray(m.tags) ? m.tags.map(String) : [],
    creator: m.creator ?? "",
    isPublic: r.isPublic,
    publishedAt: r.publishedAt.toISOString(),
    renditionState: r.renditionState,
    renditions: Object.fromEntries(r.renditions.map((x) => [x.kind, x.sha256.slice(0, 16)])),
  };
}

/**
 * What a card of the asset grid shows (components/portal/content/asset-grid.tsx). A client
 * component's props travel in the page's RSC payload and are decoded again for the HTML, card by
 * card: the grid gets these fields only, not the path, description, tags or creator.
 */
export type PortalCardView = Pick<
  PortalAssetCard,
  | "id"
  | "name"
  | "title"
  | "mimeType"
  | "size"
  | "width"
  | "height"
  | "isPublic"
  | "publishedAt"
  | "renditionState"
  | "renditions"
>;

export function cardView(a: PortalAssetCard): PortalCardView {
  return {
    id: a.id,
    name: a.name,
    title: a.title,
    mimeType: a.mimeType,
    size: a.size,
    width: a.width,
    height: a.height,
    isPublic: a.isPublic,
    publishedAt: a.publishedAt,
    renditionState: a.renditionState,
    renditions: a.renditions,
  };
}
