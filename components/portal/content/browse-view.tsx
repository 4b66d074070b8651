import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Pager } from "@/components/ui/pager";
import { PortalPage } from "@/components/portal/portal-page";
import { AssetResults } from "@/components/portal/content/asset-results";
import { CollectionCards, FolderCards } from "@/components/portal/content/folder-cards";
import { FolderTree } from "@/components/portal/content/folder-tree";
import { ZipButton } from "@/components/portal/content/zip-button";
import { ListToolbar } from "@/components/portal/content/list-toolbar";
import { PublicBadge } from "@/components/portal/content/public-badge";
import {
  folderTreeWithSubfolders,
  listCollections,
  listFolderAssets,
  PAGE_SIZE,
  type ListQuery,
} from "@/lib/portal/browse";
import { crumbsOf, DAM_ROOT, folderHref } from "@/lib/portal/paths";
import type { PortalViewer } from "@/lib/portal/viewer";

/** A folder of the portal (the landing page is the DAM root): tree, subfolders, assets. */
export async function BrowseView({
  viewer,
  folder,
  q,
}: {
  viewer: PortalViewer;
  folder: { path: string; title: string; isPublic: boolean; description: string };
  q: ListQuery;
}) {
  const root = folder.path === DAM_ROOT;
  const admin = viewer.role === "admin";
  const [{ tree, subfolders }, page, collections] = await Promise.all([
    folderTreeWithSubfolders(viewer, folder.path),
    listFolderAssets(viewer, folder.path, q),
    root ? listCollections(viewer) : Promise.resolve([]),
  ]);
  // Folders by their titles, as the tree and the headings show them (the tree holds every folder above).
  const titles = new Map([...tree.map((n) => [n.path, n.title] as const), [folder.path, folder.title]]);
  const crumbs = [
    { label: viewer.tenantName, href: `/portal/${viewer.slug}` },
    ...crumbsOf(folder.path).map((c) => ({
      label: titles.get(c.path) ?? c.name,
      href: folderHref(viewer.slug, c.path),
    })),
  ];
  const empty = !subfolders.length && !page.total && !collections.length;
  return (
    <PortalPage
      title={root ? viewer.tenantName : folder.title}
      description={
        <span className="flex flex-wrap items-center gap-3">
          {root ? "Everything published to this Brand Portal" : <Breadcrumbs items={crumbs} />}
          {!root && admin && <PublicBadge isPublic={folder.isPublic} />}
        </span>
      }
      actions={
        !empty && (page.total > 0 || subfolders.length > 0) ? (
          <ZipButton
            slug={viewer.slug}
            target={{ folder: folder.path }}
            label={root ? "Download all" : "Download folder"}
          />
        ) : undefined
      }
    >
      <div className="grid gap-10 lg:grid-cols-[240px_1fr]">
        <aside className="lg:sticky lg:top-24 lg:self-start">
          <FolderTree slug={viewer.slug} nodes={tree} current={folder.path} admin={admin} />
        </aside>
        <div className="min-w-0">
          {folder.description && <p className="mb-6 max-w-3xl text-ink-muted">{folder.description}</p>}
          {empty && (
            <div className="rounded-2xl border border-dashed border-line-strong bg-surface px-6 py-16 text-center">
              <p className="text-lg font-semibold">Nothing here yet</p>
              <p className="mt-1 text-sm text-ink-muted">
                {root
                  ? "Assets appear here once they are published to this Brand Portal."
                  : "This folder has no published assets."}
              </p>
            </div>
          )}
          <CollectionCards slug={viewer.slug} collections={collections} admin={admin} />
          <FolderCards slug={viewer.slug} folders={subfolders} admin={admin} />
          {page.total > 0 && (
            <section aria-labelledby="assets-h">
              <h2 id="assets-h" className="sr-only">
                Assets
              </h2>
              <ListToolbar total={page.total} sort={q.sort} dir={q.dir} view={q.view} />
              <AssetResults slug={viewer.slug} assets={page.assets} view={q.view} admin={admin} />
              <Pager page={page.page} pageSize={PAGE_SIZE} total={page.total} />
            </section>
          )}
        </div>
      </div>
    </PortalPage>
  );
}
