import type { Metadata } from "next";
import { z } from "zod";
import { CollectionsTable } from "@/components/assets/collections/collections-table";
import { Pager } from "@/components/ui/pager";
import { SearchBox } from "@/components/ui/search-box";
import { requireUser } from "@/lib/auth/dal";
import { ASSETS_CRUMB } from "@/components/shell/crumbs";
import { listCollections } from "@/lib/assets/collections";
import { parseInput } from "@/lib/parse-input";

export const metadata: Metadata = { title: "Collections" };

const PAGE_SIZE = 50;
const query = z.object({
  q: z.string().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** Assets › Collections. */
export default async function CollectionsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requireUser();
  const { q, page } = parseInput(query, await searchParams);
  const { rows, total } = await listCollections({ q, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  return (
    <CollectionsTable rows={rows} crumbs={[ASSETS_CRUMB, { label: "Collections" }]}>
      <div className="mb-3 flex items-center justify-between gap-4">
        <SearchBox label="Search collections" placeholder="Filter by title or name" defaultValue={q} />
        <span className="text-sm text-ink-muted">
          {total} collection{total === 1 ? "" : "s"}
        </span>
      </div>
      {total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={total} />}
    </CollectionsTable>
  );
}
