import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BrowseView } from "@/components/portal/content/browse-view";
import { findFolderOnce, listQuery } from "@/lib/portal/browse";
import { folderPathOf } from "@/lib/portal/paths";
import { getPortalViewer, requirePortalViewer } from "@/lib/portal/viewer";
import { parseInput } from "@/lib/parse-input";

type Props = {
  params: Promise<{ tenant: string; path: string[] }>;
  searchParams: Promise<Record<string, string | string[]>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, path } = await params;
  const viewer = await getPortalViewer(tenant);
  const p = folderPathOf(path);
  const f = viewer && p ? await findFolderOnce(viewer.tenantId, viewer.role, p) : null;
  return { title: f?.title ?? "Folder" };
}

// A folder the viewer may see; any other (hidden, removed, or a crafted path) does not exist.
export default async function PortalFolderPage({ params, searchParams }: Props) {
  const { tenant, path } = await params;
  const viewer = await requirePortalViewer(tenant);
  const folderPath = folderPathOf(path);
  const folder = folderPath && (await findFolderOnce(viewer.tenantId, viewer.role, folderPath));
  if (!folder) notFound();
  return <BrowseView viewer={viewer} folder={folder} q={parseInput(listQuery, await searchParams)} />;
}
