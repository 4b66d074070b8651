import Link from "next/link";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import type { Crumb } from "@/components/ui/breadcrumbs";
import { AssetPreview } from "@/components/assets/details/asset-preview";
import { MetadataForm } from "@/components/assets/details/metadata-form";
import { AssetToolbar } from "@/components/assets/details/asset-toolbar";
import { BpStatus } from "@/components/assets/bp-status";
import { dimensions } from "@/components/assets/describe";
import { typeLabel } from "@/lib/assets/detect-type";
import { formatBytes, formatDateTime } from "@/lib/format";
import type { AssetDetails } from "@/lib/assets/details";

const RENDITION_LABELS: Record<string, string> = { thumbnail: "Thumbnail", web: "Web rendition" };

/** The asset details page: preview, metadata form, read-only properties, renditions and versions. */
export function AssetDetailsView({ asset, crumbs }: { asset: AssetDetails; crumbs: Crumb[] }) {
  const bin = `/api/assets/${asset.id}/binary`;
  const downloads = [
    { label: `Original (${formatBytes(asset.size)})`, href: `${bin}?download=1` },
    ...asset.renditions.map((r) => ({
      label: `${RENDITION_LABELS[r.kind] ?? r.kind} (${r.width} × ${r.height})`,
      href: `${bin}?rendition=${r.kind}&download=1`,
    })),
  ];
  const item = {
    kind: "asset" as const,
    id: asset.id,
    path: asset.path,
    name: asset.name,
    title: asset.title,
    mimeType: asset.mimeType,
  };
  return (
    <>
      <PageHeader title={asset.title} crumbs={crumbs} actions={<AssetToolbar item={item} downloads={downloads} />} />
      <PageBody wide>
        {/* grid-cols-1 (minmax(0, 1fr)), here and in both columns: an auto track grows to its longest
            unbreakable line (a version's date and author), which pushed every card past a phone's width. */}
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_27rem]">
          <div className="grid grid-cols-1 content-start gap-6">
            <AssetPreview asset={asset} />
            <section aria-labelledby="renditions" className="rounded border border-line bg-surface">
              <h2
                id="renditions"
                className="border-b border-line px-4 py-2 text-sm uppercase tracking-wide text-ink-muted"
              >
                Renditions
              </h2>
              <ul>
                <Row
                  label="Original"
                  detail={[typeLabel(asset.mimeType), formatBytes(asset.size), dimensions(asset.width, asset.height)]}
                  href={`${bin}?download=1`}
                />
                {asset.renditions.map((r) => (
                  <Row
                    key={r.kind}
                    label={RENDITION_LABELS[r.kind] ?? r.kind}
                    detail={[typeLabel(r.mimeType), formatBytes(r.size), dimensions(r.width, r.height)]}
                    href={`${bin}?rendition=${r.kind}&download=1`}
                  />
                ))}
                {asset.renditionState === "pending" && (
                  <li className="px-4 py-2 text-sm text-ink-muted">Renditions are being made…</li>
                )}
                {asset.renditionState === "none" && (
                  <li className="px-4 py-2 text-sm text-ink-muted">
                    No renditions for this type: it shows its type icon.
                  </li>
                )}
                {asset.renditionState === "failed" && (
                  <li className="px-4 py-2 text-sm text-negative">
                    Renditions failed: the file could not be read as an image.
                  </li>
                )}
              </ul>
            </section>
            <section aria-labelledby="versions" className="rounded border border-line bg-surface">
              <h2
                id="versions"
                className="border-b border-line px-4 py-2 text-sm uppercase tracking-wide text-ink-muted"
              >
                Versions
              </h2>
              <ul>
                {asset.versions.map((v) => (
                  <Row
                    key={v.version}
                    label={`Version ${v.version}${v.version === asset.version ? " (current)" : ""}`}
                    detail={[formatDateTime(v.createdAt), v.createdBy ? `by ${v.createdBy}` : "", formatBytes(v.size)]}
                    href={`${bin}?version=${v.version}&download=1`}
                  />
                ))}
              </ul>
            </section>
          </div>
          <div className="grid grid-cols-1 content-start gap-6">
            {asset.typeFlag && (
              <Alert tone="notice" title="Type does not match the name">
                {asset.typeFlag} It is stored as {typeLabel(asset.mimeType)}.
              </Alert>
            )}
            <section aria-labelledby="basic" className="rounded border border-line bg-surface p-4">
              <h2 id="basic" className="mb-3 text-lg">
                Basic
              </h2>
              <MetadataForm
                asset={{
                  id: asset.id,
                  updatedAt: asset.updatedAt,
                  title: asset.title,
                  description: asset.description,
                  tags: asset.tags,
                  creator: asset.creator,
                }}
              />
            </section>
            <section aria-labelledby="details" className="rounded border border-line bg-surface p-4">
              <h2 id="details" className="mb-3 text-lg">
                Details
              </h2>
              <dl className="grid grid-cols-[8.5rem_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm">
                <Item term="Name">{asset.name}</Item>
                <Item term="Path">
                  <span className="break-all font-mono text-xs">{asset.path}</span>
                </Item>
                <Item term="MIME type">{asset.mimeType}</Item>
                <Item term="Dimensions">{dimensions(asset.width, asset.height) || "—"}</Item>
                <Item term="Size">
                  {formatBytes(asset.size)} ({asset.size.toLocaleString("en")} bytes)
                </Item>
                <Item term="SHA-256">
                  <span className="break-all font-mono text-xs">{asset.sha256}</span>
                </Item>
                <Item term="Created">
                  {formatDateTime(asset.createdAt)}
                  {asset.createdBy && ` by ${asset.createdBy}`}
                </Item>
                <Item term="Modified">
                  {formatDateTime(asset.updatedAt)}
                  {asset.modifiedBy && ` by ${asset.modifiedBy}`}
                </Item>
                <Item term="Version">{asset.version}</Item>
                <Item term="Brand Portal">
                  <BpStatus bp={asset.bp} wrap />
                </Item>
                <Item term="Collections">
                  {asset.collections.length
                    ? asset.collections.map((c, i) => (
                        <span key={c.id}>
                          {i > 0 && ", "}
                          <Link href={`/collections/${c.name}`} className="text-accent hover:underline">
                            {c.title}
                          </Link>
                        </span>
                      ))
                    : "None"}
                </Item>
              </dl>
            </section>
          </div>
        </div>
      </PageBody>
    </>
  );
}

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-ink-muted">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

function Row({ label, detail, href }: { label: string; detail: string[]; href: string }) {
  return (
    <li className="flex items-center gap-3 border-b border-line px-4 py-2 text-sm last:border-0">
      <span className="font-medium">{label}</span>
      <span className="flex-1 truncate text-ink-muted">{detail.filter(Boolean).join(" · ")}</span>
      <a href={href} download className="font-semibold text-accent hover:underline" aria-label={`Download ${label}`}>
        Download
      </a>
    </li>
  );
}
