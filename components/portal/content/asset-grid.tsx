"use client";
import Link from "next/link";
import { useState } from "react";
import { Download, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { cx } from "@/components/ui/cx";
import { PlainCheck } from "@/components/ui/plain-icons";
import type { PortalCardView } from "@/lib/portal/asset-view";
import { AssetThumb } from "@/components/portal/content/asset-thumb";
import { PublicBadge } from "@/components/portal/content/public-badge";
import { dimensions, formatBytes, formatDay, typeName } from "@/components/portal/content/format";
import { downloadZip } from "@/components/portal/content/zip-download";

const COLUMNS = ["Title", "Type", "Size", "Dimensions", "Published"] as const;

/**
 * Assets as a grid of large thumbnails or as a list, with selection: pick assets on the page and
 * download them as one ZIP. Rendered through AssetResults, which sends it only what a card shows.
 */
export function AssetGrid({
  slug,
  assets,
  view,
  admin,
}: {
  slug: string;
  assets: PortalCardView[];
  view: "card" | "list";
  admin: boolean;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allOnPage = assets.length > 0 && assets.every((a) => selected.has(a.id));
  const href = (a: PortalCardView) => `/portal/${slug}/assets/${a.id}`;

  return (
    <div>
      <div
        className={cx(
          "sticky top-16 z-30 mb-4 flex min-h-12 flex-wrap items-center gap-3 rounded-xl px-4 py-2 transition",
          selected.size ? "bg-ink text-white shadow-lg" : "bg-transparent",
        )}
      >
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-[#1473e6]"
            checked={allOnPage}
            onChange={() => setSelected(allOnPage ? new Set() : new Set(assets.map((a) => a.id)))}
          />
          {selected.size ? `${selected.size} selected` : "Select all on this page"}
        </label>
        {selected.size > 0 && (
          <>
            <Button
              variant="primary"
              className="ml-auto"
              isPending={busy}
              onPress={async () => {
                setBusy(true);
                setError(await downloadZip(slug, { ids: [...selected] }));
                setBusy(false);
              }}
            >
              <Download size={16} aria-hidden /> Download selected (ZIP)
            </Button>
            <button
              type="button"
              aria-label="Clear selection"
              onClick={() => setSelected(new Set())}
              className="grid size-8 place-items-center rounded-full hover:bg-white/15"
            >
              <X size={16} aria-hidden />
            </button>
          </>
        )}
      </div>
      {error && (
        <Alert tone="negative" className="mb-4">
          {error}
        </Alert>
      )}
      {view === "card" ? (
        <ul className="grid grid-cols-[repeat(auto-fill,minmax(230px,1fr))] gap-6">
          {assets.map((a) => {
            const on = selected.has(a.id);
            return (
              <li
                key={a.id}
                className={cx(
                  "group relative overflow-hidden rounded-xl border bg-surface shadow-sm transition hover:shadow-md",
                  // the card shows its link's keyboard focus: an outline on the link is clipped by overflow-hidden
                  "has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-accent has-[a:focus-visible]:ring-offset-2",
                  on ? "border-accent ring-2 ring-accent" : "border-line",
                )}
              >
                <Link href={href(a)} className="block outline-none">
                  <div className="aspect-[4/3] bg-[repeating-conic-gradient(#f3f3f2_0%_25%,#fafaf9_0%_50%)] bg-[length:16px_16px] p-3">
                    <AssetThumb slug={slug} asset={a} />
                  </div>
                  <div className="border-t border-line px-4 py-3">
                    <p className="truncate font-semibold text-ink" title={a.title}>
                      {a.title}
                    </p>
                    <p className="truncate text-xs text-ink-muted" title={a.name}>
                      {a.name}
                    </p>
                    <p className="mt-2 flex flex-wrap gap-x-2 text-xs text-ink-muted">
                      <span className="font-semibold uppercase tracking-wide text-ink">{typeName(a.mimeType)}</span>
                      <span>{formatBytes(a.size)}</span>
                      {dimensions(a) && <span>{dimensions(a)}</span>}
                    </p>
                    <p className="mt-1 flex items-center justify-between gap-2 text-xs text-ink-muted">
                      <span>Published {formatDay(a.publishedAt)}</span>
                      {admin && !a.isPublic && <PublicBadge isPublic={false} />}
                    </p>
                  </div>
                </Link>
                <label
                  className={cx(
                    "absolute left-3 top-3 grid size-7 cursor-pointer place-items-center rounded-full border-2 shadow transition",
                    "has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent has-[:focus-visible]:ring-offset-2",
                    on
                      ? "border-accent bg-accent text-white"
                      : "border-white bg-black/30 text-transparent opacity-0 group-hover:opacity-100 focus-within:opacity-100",
                  )}
                >
                  <input
                    type="checkbox"
                    className="sr-only"
                    checked={on}
                    onChange={() => toggle(a.id)}
                    aria-label={`Select ${a.title}`}
                  />
                  <PlainCheck size={14} />
                </label>
              </li>
            );
          })}
        </ul>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-line bg-surface">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-line text-xs uppercase tracking-wider text-ink-muted">
              <tr>
                <th scope="col" className="w-10 px-3 py-2">
                  <span className="sr-only">Selected</span>
                </th>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col" className="px-3 py-2">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {assets.map((a) => (
                <tr
                  key={a.id}
                  className={cx("border-b border-line last:border-0", selected.has(a.id) && "bg-accent-soft")}
                >
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      className="size-4 accent-[#1473e6]"
                      checked={selected.has(a.id)}
                      onChange={() => toggle(a.id)}
                      aria-label={`Select ${a.title}`}
                    />
                  </td>
                  <td className="px-3 py-2">
                    <Link href={href(a)} className="flex items-center gap-3 hover:text-accent">
                      <span className="size-10 shrink-0 overflow-hidden rounded bg-canvas">
                        <AssetThumb slug={slug} asset={a} iconSize={24} />
                      </span>
                      <span className="min-w-0">
                        <span className="block truncate font-semibold">{a.title}</span>
                        <span className="block truncate text-xs text-ink-muted">{a.name}</span>
                      </span>
                      {admin && !a.isPublic && <PublicBadge isPublic={false} />}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{typeName(a.mimeType)}</td>
                  <td className="px-3 py-2 tabular-nums">{formatBytes(a.size)}</td>
                  <td className="px-3 py-2 tabular-nums">{dimensions(a) ?? "—"}</td>
                  <td className="px-3 py-2">{formatDay(a.publishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
