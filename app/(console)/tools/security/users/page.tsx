import type { Metadata } from "next";
import { z } from "zod";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { toolsCrumbs } from "@/components/shell/crumbs";
import { UsersTable } from "@/components/users/users-table";
import { CreateUserButton } from "@/components/users/create-user-dialog";
import { Pager } from "@/components/ui/pager";
import { SearchBox } from "@/components/ui/search-box";
import { requireAdmin } from "@/lib/auth/dal";
import { listUsers } from "@/lib/auth/users";
import { parseInput } from "@/lib/parse-input";

export const metadata: Metadata = { title: "Users" };

const PAGE_SIZE = 50;
const query = z.object({
  q: z.string().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const me = await requireAdmin();
  const { q, page } = parseInput(query, await searchParams);
  const { rows, total } = await listUsers({ q, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Users"
        crumbs={[...toolsCrumbs("security"), { label: "Users" }]}
        actions={<CreateUserButton />}
      />
      <PageBody>
        <div className="mb-3 flex items-center justify-between gap-4">
          <SearchBox label="Search users" placeholder="Filter by user name or name" defaultValue={q} />
          <span className="text-sm text-ink-muted">
            {total} user{total === 1 ? "" : "s"}
          </span>
        </div>
        <UsersTable
          me={me.id}
          users={rows.map((u) => ({
            ...u,
            lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
            createdAt: u.createdAt.toISOString(),
          }))}
        />
        <Pager page={page} pageSize={PAGE_SIZE} total={total} />
      </PageBody>
    </>
  );
}
