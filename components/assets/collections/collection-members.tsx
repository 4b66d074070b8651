"use client";
import { useRouter } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import type { Crumb } from "@/components/ui/breadcrumbs";
import { AssetCard } from "@/components/assets/asset-card";
import { SelectionBar } from "@/components/assets/selection-bar";
import { CommandHost } from "@/components/assets/commands/command-host";
import { toSelected, useSelection } from "@/components/assets/use-selection";
import { consoleUrl } from "@/lib/assets/names";
import type { AssetItem } from "@/lib/assets/types";

/** A collection's members as cards, with selection (Remove from Collection, Add to Collection, …). */
export function CollectionMembers({
  collection,
  items,
  crumbs,
  children,
}: {
  collection: { id: string; name: string; title: string };
  items: AssetItem[];
  crumbs: Crumb[];
  children?: React.ReactNode;
}) {
  const router = useRouter();
  const selection = useSelection();
  const allOnPage = items.length > 0 && items.every((i) => selection.has(i.id));
  return (
    <CommandHost
      place="collection"
      collection={collection}
      onDone={() => {
        selection.clear();
        router.refresh();
      }}
    >
      {selection.size ? (
        <SelectionBar
          items={selection.items}
          onClose={selection.clear}
          onSelectAll={() => selection.setMany(items.map(toSelected), true)}
          allSelected={allOnPage}
        />
      ) : (
        <PageHeader title={collection.title} crumbs={crumbs} />
      )}
      <div className="px-6 py-5">
        {children}
        {items.length ? (
          <div className="grid grid-cols-[repeat(auto-fill,minmax(13rem,1fr))] gap-4" aria-label="Collection members">
            {items.map((i) => (
              <AssetCard
                key={i.id}
                item={i}
                href={consoleUrl(i.path)}
                selected={selection.has(i.id)}
                selecting={selection.size > 0}
                onToggle={() => selection.toggle(toSelected(i))}
                showPath
              />
            ))}
          </div>
        ) : (
          <div className="rounded border-2 border-dashed border-line-strong p-12 text-center text-ink-muted">
            This collection is empty. In the Assets console, select assets and choose Add to Collection.
          </div>
        )}
      </div>
    </CommandHost>
  );
}
