import Link from "next/link";
import { Folder, Library } from "lucide-react";
import type { PortalCollectionCard, PortalFolderCard } from "@/lib/portal/browse";
import { folderHref } from "@/lib/portal/paths";
import { PublicBadge } from "@/components/portal/content/public-badge";

// 240 px: room beside the icon for a count and the "Administrators only" badge on one line;
// narrower, the badge broke in two, or ran out of the card beside a collection's count.
const CARD_GRID = "grid grid-cols-[repeat(auto-fill,minmax(240px,1fr))] gap-4";

/** Subfolders as large tiles; administrators see which are public. */
export function FolderCards({ slug, folders, admin }: { slug: string; folders: PortalFolderCard[]; admin: boolean }) {
  if (!folders.length) return null;
  return (
    <section aria-labelledby="folders-h" className="mb-10">
      <h2 id="folders-h" className="mb-3 text-sm font-semibold uppercase tracking-wider text-ink-muted">
        Folders
      </h2>
      <ul className={CARD_GRID}>
        {folders.map((f) => (
          <li key={f.path}>
            <Link
              href={folderHref(slug, f.path)}
              className="group flex items-center gap-3 rounded-xl border border-line bg-surface p-4 shadow-sm transition hover:-translate-y-0.5 hover:border-line-strong hover:shadow-md"
            >
              <span className="grid size-11 shrink-0 place-items-center rounded-lg bg-accent-soft text-accent">
                <Folder size={22} aria-hidden />
              </span>
              <span className="min-w-0">
                <span className="block truncate font-semibold text-ink group-hover:text-accent">{f.title}</span>
                {admin ? (
                  <span className="mt-1 block">
                    <PublicBadge isPublic={f.isPublic} />
                  </span>
                ) : (
                  <span className="block truncate text-xs text-ink-muted">{f.name}</span>
                )}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CollectionCards({
  slug,
  collections,
  admin,
}: {
  slug: string;
  collections: PortalCollectionCard[];
  admin: boolean;
}) {
  if (!collections.length) return null;
  return (
    <section aria-labelledby="collections-h" className="mb-10">
      <h2 id="collections-h" className="mb-3 text-sm font-semibold uppercase tracking-wider text-ink-muted">
        Collections
      </h2>
      <ul className={CARD_GRID}>
        {collections.map((c) => (
          <li key={c.name}>
            <Link
              href={`/portal/${slug}/collections/${encodeURIComponent(c.name)}`}
              className="group flex items-center gap-3 rounded-xl border border-line bg-surface p-4 shadow-sm transition hover:-translate-y-0.5 hover:border-line-strong hover:shadow-md"
            >
              <span className="grid size-11 shrink-0 place-items-center rounded-lg bg-[#f1ecfd] text-[#6e45c9]">
                <Library size={22} aria-hidden />
              </span>
              <span className="min-w-0">
                <span className="block truncate font-semibold text-ink group-hover:text-accent">{c.title}</span>
                <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-ink-muted">
                  {c.members} {c.members === 1 ? "asset" : "assets"}
                  {admin && <PublicBadge isPublic={c.isPublic} />}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
