import { Download } from "lucide-react";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LinkButton } from "@/components/ui/button";
import { AssetThumb } from "@/components/portal/content/asset-thumb";
import { PublicBadge } from "@/components/portal/content/public-badge";
import { dimensions, formatBytes, typeName } from "@/components/portal/content/format";
import { formatDateTime } from "@/lib/format";
import type { PortalAssetDetails } from "@/lib/portal/asset-page";
import { crumbsOf, folderHref } from "@/lib/portal/paths";
import type { PortalViewer } from "@/lib/portal/viewer";

const RENDITION_LABELS: Record<string, string> = { web: "Web (1280 px)", thumbnail: "Thumbnail (320 px)" };

/** An asset's page: a large preview, downloads, metadata, renditions, and who published it when. */
export function AssetDetails({ viewer, asset }: { viewer: PortalViewer; asset: PortalAssetDetails }) {
  const slug = viewer.slug;
  const download = `/portal/${slug}/download/${asset.id}`;
  const crumbs = [
    { label: viewer.tenantName, href: `/portal/${slug}` },
    ...crumbsOf(asset.folderPath).map((c) => ({ label: c.name, href: folderHref(slug, c.path) })),
    { label: asset.title },
  ];
  const rows: [string, React.ReactNode][] = [
    ["Name", asset.name],
    ["Type", `${typeName(asset.mimeType)} (${asset.mimeType})`],
    ["Size", formatBytes(asset.size)],
    ["Dimensions", dimensions(asset) ? `${dimensions(asset)} px` : "—"],
    ["Creator", asset.creator || "—"],
    ["Tags", asset.tags.length ? asset.tags.join(", ") : "—"],
    ["Version", String(asset.version)],
    [
      "Path",
      <span key="p" className="break-all font-mono text-xs">
        {asset.path}
      </span>,
    ],
  ];
  return (
    <div className="mx-auto max-w-7xl px-6 py-8">
      <Breadcrumbs items={crumbs} />
      <div className="mt-4 grid gap-10 lg:grid-cols-[minmax(0,1fr)_360px]">
        <div className="flex min-h-[420px] items-center justify-center overflow-hidden rounded-2xl border border-line bg-[repeating-conic-gradient(#f0f0ef_0%_25%,#fafaf9_0%_50%)] bg-[length:20px_20px] p-6">
          <div className="h-[min(70vh,720px)] w-full">
            <AssetThumb slug={slug} asset={asset} kind="web" iconSize={120} />
          </div>
        </div>
        <div>
          <h1 className="break-words text-3xl font-bold tracking-tight">{asset.title}</h1>
          {viewer.role === "admin" && (
            <p className="mt-2">
              <PublicBadge isPublic={asset.isPublic} />
            </p>
          )}
          {asset.description && <p className="mt-3 whitespace-pre-line text-ink-muted">{asset.description}</p>}
          <div className="mt-6 flex flex-wrap gap-2">
            <LinkButton variant="primary" href={download} download>
              <Download size={16} aria-hidden /> Download
            </LinkButton>
          </div>

          <h2 className="mt-8 text-sm font-semibold uppercase tracking-wider text-ink-muted">Details</h2>
          <dl className="mt-2 divide-y divide-line rounded-xl border border-line bg-surface text-sm">
            {rows.map(([k, v]) => (
              <div key={k} className="grid grid-cols-[110px_1fr] gap-3 px-4 py-2">
                <dt className="text-ink-muted">{k}</dt>
                <dd className="min-w-0 break-words">{v}</dd>
              </div>
            ))}
          </dl>

          <h2 className="mt-8 text-sm font-semibold uppercase tracking-wider text-ink-muted">Renditions</h2>
          <ul className="mt-2 divide-y divide-line rounded-xl border border-line bg-surface text-sm">
            <li className="flex items-center gap-3 px-4 py-2">
              <span className="mr-auto">
                <span className="block font-medium">Original</span>
                <span className="text-xs text-ink-muted">
                  {typeName(asset.mimeType)} · {formatBytes(asset.size)}
                </span>
              </span>
              <a href={download} download className="text-accent hover:underline" aria-label="Download the original">
                Download
              </a>
            </li>
            {asset.renditionList.map((r) => (
              <li key={r.kind} className="flex items-center gap-3 px-4 py-2">
                <span className="mr-auto">
                  <span className="block font-medium">{RENDITION_LABELS[r.kind] ?? r.kind}</span>
                  <span className="text-xs text-ink-muted">
                    {typeName(r.mimeType)} · {r.width} × {r.height} · {formatBytes(r.size)}
                  </span>
                </span>
                <a
                  href={`${download}?rendition=${r.kind}`}
                  download
                  className="text-accent hover:underline"
                  aria-label={`Download the ${r.kind} rendition`}
                >
                  Download
                </a>
              </li>
            ))}
            {asset.renditionState === "pending" && (
              <li className="px-4 py-2 text-ink-muted">The portal is preparing the previews of this image.</li>
            )}
          </ul>

          <h2 className="mt-8 text-sm font-semibold uppercase tracking-wider text-ink-muted">Publication</h2>
          <dl className="mt-2 divide-y divide-line rounded-xl border border-line bg-surface text-sm">
            <div className="grid grid-cols-[110px_1fr] gap-3 px-4 py-2">
              <dt className="text-ink-muted">Published</dt>
              <dd>{formatDateTime(asset.publishedAt)}</dd>
            </div>
            {asset.publication && (
              <div className="grid grid-cols-[110px_1fr] gap-3 px-4 py-2">
                <dt className="text-ink-muted">Publication</dt>
                <dd className="break-words">{asset.publication.title || asset.publication.id}</dd>
              </div>
            )}
            <div className="grid grid-cols-[110px_1fr] gap-3 px-4 py-2">
              <dt className="text-ink-muted">Sent by</dt>
              <dd className="break-all font-mono text-xs">{asset.publishedBy || "—"}</dd>
            </div>
            <div className="grid grid-cols-[110px_1fr] gap-3 px-4 py-2">
              <dt className="text-ink-muted">Organization</dt>
              <dd className="break-all font-mono text-xs">{asset.publishedOrg || "—"}</dd>
            </div>
          </dl>
        </div>
      </div>
    </div>
  );
}
