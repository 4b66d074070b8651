import { BrowseView } from "@/components/portal/content/browse-view";
import { findFolder, listQuery } from "@/lib/portal/browse";
import { DAM_ROOT } from "@/lib/portal/paths";
import { requirePortalViewer } from "@/lib/portal/viewer";
import { parseInput } from "@/lib/parse-input";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[]>> };

// The landing page: the published folder tree, the collections, and the assets at the top.
export default async function PortalHome({ params, searchParams }: Props) {
  const viewer = await requirePortalViewer((await params).tenant);
  const folder = (await findFolder(viewer, DAM_ROOT))!;
  return <BrowseView viewer={viewer} folder={folder} q={parseInput(listQuery, await searchParams)} />;
}
