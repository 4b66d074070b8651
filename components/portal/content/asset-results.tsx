import { AssetGrid } from "@/components/portal/content/asset-grid";
import { cardView, type PortalAssetCard } from "@/lib/portal/asset-view";

/** The assets of a portal page (folder, search, collection) as cards or a list, with selection. */
export function AssetResults({
  slug,
  assets,
  view,
  admin,
}: {
  slug: string;
  assets: PortalAssetCard[];
  view: "card" | "list";
  admin: boolean;
}) {
  return <AssetGrid slug={slug} assets={assets.map(cardView)} view={view} admin={admin} />;
}
