import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssetDetails } from "@/components/portal/content/asset-details";
import { getPortalAsset } from "@/lib/portal/asset-page";
import { getPortalViewer, requirePortalViewer } from "@/lib/portal/viewer";

type Props = { params: Promise<{ tenant: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, id } = await params;
  const viewer = await getPortalViewer(tenant);
  const a = viewer ? await getPortalAsset(viewer, id) : null;
  return { title: a?.title ?? "Asset" };
}

// An asset the viewer may see; a hidden or removed one answers 404 like one that never existed.
export default async function PortalAssetPage({ params }: Props) {
  const { tenant, id } = await params;
  const viewer = await requirePortalViewer(tenant);
  const asset = await getPortalAsset(viewer, id);
  if (!asset) notFound();
  return <AssetDetails viewer={viewer} asset={asset} />;
}
