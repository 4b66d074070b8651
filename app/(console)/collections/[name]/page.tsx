import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CollectionMembers } from "@/components/assets/collections/collection-members";
import { Pager } from "@/components/ui/pager";
import { currentUser, requireUser } from "@/lib/auth/dal";
import { ASSETS_CRUMB } from "@/components/shell/crumbs";
import { collectionMembers, getCollection } from "@/lib/assets/collections";
import { BpStatus } from "@/components/assets/bp-status";
import { describeBp } from "@/lib/assets/bp-state";
import { collectionPath, type BpStatus as Bp } from "@/lib/assets/types";
import { parseInput } from "@/lib/parse-input";

/** The browser tab names the collection by its title. */
export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  const c = (await currentUser()) ? await getCollection((await params).name.slice(0, 200)) : null;
  return { title: c?.title ?? "Collection" };
}

const PAGE_SIZE = 50;
const page = z.coerce.number().int().min(1).max(100_000).catch(1);

/** One collection: its members, paged. */
export default async function CollectionPage({
  params,
  searchParams,
}: {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  await requireUser();
  const { name } = await params;
  const c = await getCollection(name.slice(0, 200));
  if (!c) notFound();
  const p = parseInput(page, (await searchParams).page);
  const items = await collectionMembers(c.id, { skip: (p - 1) * PAGE_SIZE, take: PAGE_SIZE });
  const bp: Bp = { state: c.bpState, at: c.bpAt?.toISOString() ?? null, by: c.bpBy };
  await describeBp([{ kind: "collection", id: c.id, path: collectionPath(c.name), bp }]);
  return (
    <CollectionMembers
      collection={{ id: c.id, name: c.name, title: c.title }}
      items={items}
      crumbs={[ASSETS_CRUMB, { label: "Collections", href: "/collections" }, { label: c.title }]}
    >
      <div className="mb-4 flex flex-wrap items-center gap-4 text-sm">
        {c.description && <p className="max-w-2xl">{c.description}</p>}
        <span className="text-ink-muted">
          {c.members} asset{c.members === 1 ? "" : "s"}
        </span>
        <BpStatus bp={bp} />
      </div>
      {c.members > PAGE_SIZE && (
        <div className="mb-4">
          <Pager page={p} pageSize={PAGE_SIZE} total={c.members} />
        </div>
      )}
    </CollectionMembers>
  );
}
