import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AssetsBrowser } from "@/components/assets/assets-browser";
import { AssetDetailsView } from "@/components/assets/details/asset-details-view";
import { currentUser, requireUser } from "@/lib/auth/dal";
import { db } from "@/lib/db";
import { ancestry, ensureDamRoot, findFolderByPath } from "@/lib/assets/folders";
import { getAssetDetails } from "@/lib/assets/details";
import { consoleUrl, DAM_ROOT, pathFromSegments } from "@/lib/assets/names";
import { damPath } from "@/lib/assets/schemas";
import { safeParseInput } from "@/lib/parse-input";

type Props = { params: Promise<{ path?: string[] }>; searchParams: Promise<Record<string, string | undefined>> };

/** The browser tab names the folder or asset by its title, as the page does (not by its file name). */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const path = pathFromSegments((await params).path?.map(safeDecode));
  if (!(await currentUser()) || path === DAM_ROOT || !safeParseInput(damPath, path).success) return { title: "Assets" };
  const item =
    (await db.folder.findUnique({ where: { path }, select: { title: true } })) ??
    (await db.asset.findUnique({ where: { path }, select: { title: true } }));
  return { title: item?.title ?? "Assets" };
}

/** Names never contain "%", so decoding twice is harmless; a malformed escape is simply not found. */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return ".."; // fails damPath: not found
  }
}

/** The Assets console: /assets/<path below /content/dam> shows a folder, or an asset's details page. */
export default async function AssetsPage({ params, searchParams }: Props) {
  await requireUser();
  const { asset: assetId } = await searchParams;
  if (assetId) {
    // A link by id (after a rename or move): go to where the asset is now.
    const a = await db.asset.findUnique({ where: { id: assetId.slice(0, 40) }, select: { path: true } });
    redirect(a ? consoleUrl(a.path) : "/assets");
  }
  const path = pathFromSegments((await params).path?.map(safeDecode));
  if (!safeParseInput(damPath, path).success) notFound();

  const folder = (await findFolderByPath(path)) ?? (path === DAM_ROOT ? await ensureDamRoot() : null);
  const chain = await ancestry(folder ? folder.path : path.slice(0, path.lastIndexOf("/")));
  const crumbs = chain.map((f, i) => ({ label: i === 0 ? "Assets" : f.title, href: consoleUrl(f.path) }));
  if (folder) return <AssetsBrowser key={folder.path} folder={folder} crumbs={crumbs} />;

  const asset = await getAssetDetails({ path });
  if (!asset) notFound();
  return <AssetDetailsView asset={asset} crumbs={[...crumbs, { label: asset.title }]} />;
}
