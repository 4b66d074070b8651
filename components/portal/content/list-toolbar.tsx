"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ArrowDownNarrowWide, ArrowUpNarrowWide, LayoutGrid, List } from "lucide-react";
import { cx } from "@/components/ui/cx";

const SORT_LABELS: Record<string, string> = {
  name: "Name",
  title: "Title",
  publishedAt: "Date published",
  size: "Size",
  mimeType: "Type",
};

/** Count, sorting and the card / list switch; all kept in the URL. */
export function ListToolbar({
  total,
  noun = "asset",
  sort,
  dir,
  view,
  sortable = true,
}: {
  total: number;
  noun?: string;
  sort?: string;
  dir?: "asc" | "desc";
  view: "card" | "list";
  sortable?: boolean;
}) {
  const pathname = usePathname();
  const params = useSearchParams();
  const router = useRouter();
  const href = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    return `${pathname}?${next.toString()}`;
  };
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3 border-b border-line pb-3">
      <p className="mr-auto text-sm text-ink-muted" aria-live="polite">
        {total.toLocaleString("en")} {total === 1 ? noun : `${noun}s`}
      </p>
      {sortable && sort && dir && (
        <div className="flex items-center gap-1 text-sm">
          <label htmlFor="portal-sort" className="text-ink-muted">
            Sort by
          </label>
          <select
            id="portal-sort"
            value={sort}
            onChange={(e) => router.push(href({ sort: e.target.value, page: "1" }))}
            className="focus-ring h-8 rounded-md border border-line-strong bg-surface px-2 text-sm"
          >
            {Object.entries(SORT_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
          <Link
            href={href({ dir: dir === "asc" ? "desc" : "asc", page: "1" })}
            aria-label={dir === "asc" ? "Ascending; switch to descending" : "Descending; switch to ascending"}
            className="grid size-8 place-items-center rounded-md hover:bg-black/5"
          >
            {dir === "asc" ? (
              <ArrowUpNarrowWide size={16} aria-hidden />
            ) : (
              <ArrowDownNarrowWide size={16} aria-hidden />
            )}
          </Link>
        </div>
      )}
      <div role="group" aria-label="View" className="flex rounded-md border border-line-strong p-0.5">
        {(
          [
            ["card", "Card view", LayoutGrid],
            ["list", "List view", List],
          ] as const
        ).map(([v, label, Icon]) => (
          <Link
            key={v}
            href={href({ view: v })}
            aria-label={label}
            aria-current={view === v ? "true" : undefined}
            className={cx(
              "grid size-7 place-items-center rounded",
              view === v ? "bg-ink text-white" : "text-ink-muted hover:bg-black/5",
            )}
          >
            <Icon size={15} aria-hidden />
          </Link>
        ))}
      </div>
    </div>
  );
}
