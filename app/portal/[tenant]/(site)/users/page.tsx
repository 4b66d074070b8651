import type { Metadata } from "next";
import { z } from "zod";
import { PortalPage } from "@/components/portal/portal-page";
import { CreatePortalUserButton } from "@/components/portal/users/create-user-dialog";
import { PortalUsersTable } from "@/components/portal/users/users-table";
import { Pager } from "@/components/ui/pager";
import { SearchBox } from "@/components/ui/search-box";
import type { PortalRole } from "@/lib/portal/roles";
import { listPortalUsers } from "@/lib/portal/users";
import { requirePortalViewer } from "@/lib/portal/viewer";
import { parseInput } from "@/lib/parse-input";

export const metadata: Metadata = { title: "Users" };

const PAGE_SIZE = 50;
const query = z.object({
  q: z.string().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string>> };

// The tenant's users, for its Portal administrators.
export default async function PortalUsersPage({ params, searchParams }: Props) {
  const viewer = await requirePortalViewer((await params).tenant, { role: "admin" });
  const { q, page } = parseInput(query, await searchParams);
  const { rows, total } = await listPortalUsers(viewer.tenantId, { q, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  const scope = { kind: "portal", tenant: viewer.slug } as const;
  return (
    <PortalPage
      title="Users"
      description="Who can sign in to this portal. Portal users see public folders; Portal administrators see everything."
      actions={<CreatePortalUserButton scope={scope} />}
    >
      <div className="mb-3 flex items-center justify-between gap-4">
        <SearchBox label="Search users" placeholder="Filter by user name or display name" defaultValue={q} />
        <span className="text-sm text-ink-muted">
          {total} user{total === 1 ? "" : "s"}
        </span>
      </div>
      <PortalUsersTable
        scope={scope}
        me={viewer.userId}
        users={rows.map((u) => ({
          ...u,
          role: u.role as PortalRole,
          lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
          createdAt: u.createdAt.toISOString(),
        }))}
      />
      <Pager page={page} pageSize={PAGE_SIZE} total={total} />
    </PortalPage>
  );
}
