import "server-only";
import { db } from "@/lib/db";
import { assetCardSelect, toCard, type PortalAssetCard } from "@/lib/portal/asset-view";
import { ID_PATTERN } from "@/lib/portal/paths";
import { visible, type PortalScope } from "@/lib/portal/visibility";

// An asset's page: the asset, its renditions, and who published it when (the access token's client
// and organization, the console's publication as the receipt named it).

export type PortalAssetDetails = PortalAssetCard & {
  version: number;
  sha256: string;
  renditionList: { kind: string; mimeType: string; width: number; height: number; size: number }[];
  publishedBy: string;
  publishedOrg: string;
  publication: { id: string; title: string } | null;
};

export async function getPortalAsset(v: PortalScope, id: string): Promise<PortalAssetDetails | null> {
  if (!ID_PATTERN.test(id)) return null;
  const a = await db.portalAsset.findFirst({
    where: { ...visible(v), id },
    select: {
      ...assetCardSelect,
      version: true,
      sha256: true,
      publishedBy: true,
      publishedOrg: true,
      publicationId: true,
      renditions: { select: { kind: true, sha256: true, mimeType: true, width: true, height: true, size: true } },
    },
  });
  if (!a) return null;
  let publication: PortalAssetDetails["publication"] = null;
  if (a.publicationId) {
    const r = await db.portalReceipt.findFirst({
      where: { tenantId: v.tenantId, publicationId: a.publicationId },
      select: { publicationTitle: true },
      orderBy: { at: "desc" },
    });
    publication = { id: a.publicationId, title: r?.publicationTitle ?? "" };
  }
  return {
    ...toCard(a),
    version: a.version,
    sha256: a.sha256,
    renditionList: a.renditions
      .map((r) => ({ kind: r.kind, mimeType: r.mimeType, width: r.width, height: r.height, size: Number(r.size) }))
      .sort((x, y) => y.width - x.width),
    publishedBy: a.publishedBy,
    publishedOrg: a.publishedOrg,
    publication,
  };
}
