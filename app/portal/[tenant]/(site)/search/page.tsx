import type { Metadata } from "next";
import { Search } from "lucide-react";
import { Pager } from "@/components/ui/pager";
import { PortalPage } from "@/components/portal/portal-page";
import { AssetResults } from "@/components/portal/content/asset-results";
import { ListToolbar } from "@/components/portal/content/list-toolbar";
import { PAGE_SIZE } from "@/lib/portal/browse";
import { FILE_TYPES, MAX_COUNTED, SIZES, searchAssets, searchQuery } from "@/lib/portal/search";
import { requirePortalViewer } from "@/lib/portal/viewer";
import { parseInput } from "@/lib/parse-input";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[]>> };

export const metadata: Metadata = { title: "Search" };

const field = "focus-ring h-10 rounded-lg border border-line-strong bg-surface px-3 text-sm";

// Search over what the viewer may see; the form is a plain GET, so the term stays in the URL.
export default async function PortalSearchPage({ params, searchParams }: Props) {
  const viewer = await requirePortalViewer((await params).tenant);
  const q = parseInput(searchQuery, await searchParams);
  const asked = !!(q.q.trim() || q.type || q.size);
  const result = asked ? await searchAssets(viewer, q) : null;
  return (
    <PortalPage title="Search" description="Names, titles, descriptions, tags and file types">
      <form
        role="search"
        method="get"
        className="mb-8 flex flex-wrap items-end gap-3 rounded-2xl bg-surface p-4 shadow-sm"
      >
        <label className="flex min-w-[260px] flex-1 flex-col gap-1 text-sm">
          <span className="font-medium">Search for</span>
          <span className="relative">
            <Search size={16} aria-hidden className="absolute left-3 top-3 text-ink-muted" />
            <input
              type="search"
              name="q"
              defaultValue={q.q}
              maxLength={200}
              placeholder="logo, campaign, pdf…"
              className={`${field} w-full pl-9`}
            />
          </span>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">File type</span>
          <select name="type" defaultValue={q.type ?? ""} className={field}>
            <option value="">Any type</option>
            {Object.entries(FILE_TYPES).map(([k, t]) => (
              <option key={k} value={k}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Size</span>
          <select name="size" defaultValue={q.size ?? ""} className={field}>
            <option value="">Any size</option>
            {Object.entries(SIZES).map(([k, s]) => (
              <option key={k} value={k}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {q.view === "list" && <input type="hidden" name="view" value="list" />}
        <button
          type="submit"
          className="focus-ring h-10 rounded-full bg-accent px-5 text-sm font-semibold text-white hover:bg-accent-hover"
        >
          Search
        </button>
      </form>
      {result &&
        (result.total ? (
          <>
            <ListToolbar
              total={Math.min(result.total, MAX_COUNTED)}
              more={result.more}
              noun="result"
              view={q.view}
              sortable={false}
            />
            <AssetResults slug={viewer.slug} assets={result.assets} view={q.view} admin={viewer.role === "admin"} />
            <Pager page={result.page} pageSize={PAGE_SIZE} total={Math.min(result.total, MAX_COUNTED)} />
          </>
        ) : (
          <div className="rounded-2xl border border-dashed border-line-strong bg-surface px-6 py-16 text-center">
            <p className="text-lg font-semibold">No assets match</p>
            <p className="mt-1 text-sm text-ink-muted">Try fewer words, or another type or size.</p>
          </div>
        ))}
    </PortalPage>
  );
}
