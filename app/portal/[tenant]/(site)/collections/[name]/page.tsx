import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Pager } from "@/components/ui/pager";
import { PortalPage } from "@/components/portal/portal-page";
import { AssetResults } from "@/components/portal/content/asset-results";
import { ListToolbar } from "@/components/portal/content/list-toolbar";
import { PublicBadge } from "@/components/portal/content/public-badge";
import { ZipButton } from "@/components/portal/content/zip-button";
import { collectionTitle, getCollection, listQuery, PAGE_SIZE } from "@/lib/portal/browse";
import { getPortalViewer, requirePortalViewer } from "@/lib/portal/viewer";
import { parseInput } from "@/lib/parse-input";

type Props = {
  params: Promise<{ tenant: string; name: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, name } = await params;
  const viewer = await getPortalViewer(tenant);
  return { title: (viewer && (await collectionTitle(viewer, name))) ?? "Collection" };
}

export default async function PortalCollectionPage({ params, searchParams }: Props) {
  const { tenant, name } = await params;
  const viewer = await requirePortalViewer(tenant);
  const q = parseInput(listQuery, await searchParams);
  const c = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(name) ? await getCollection(viewer, name, q) : null;
  if (!c) notFound();
  return (
    <PortalPage
      title={c.title}
      description={
        <span className="flex flex-wrap items-center gap-3">
          <Breadcrumbs items={[{ label: viewer.tenantName, href: `/portal/${viewer.slug}` }, { label: c.title }]} />
          {viewer.role === "admin" && <PublicBadge isPublic={c.isPublic} />}
        </span>
      }
      actions={
        c.total > 0 ? (
          <ZipButton slug={viewer.slug} target={{ collection: c.name }} label="Download collection" />
        ) : undefined
      }
    >
      {c.description && <p className="mb-6 max-w-3xl text-ink-muted">{c.description}</p>}
      <ListToolbar total={c.total} sort={q.sort} dir={q.dir} view={q.view} />
      <AssetResults slug={viewer.slug} assets={c.assets} view={q.view} admin={viewer.role === "admin"} />
      <Pager page={c.page} pageSize={PAGE_SIZE} total={c.total} />
    </PortalPage>
  );
}
