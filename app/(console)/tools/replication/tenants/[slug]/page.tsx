import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { CreatePortalUserButton } from "@/components/portal/users/create-user-dialog";
import { PortalUsersTable } from "@/components/portal/users/users-table";
import { CopyButton } from "@/components/ui/copy-button";
import { Pager } from "@/components/ui/pager";
import { SearchBox } from "@/components/ui/search-box";
import { requireAdmin } from "@/lib/auth/dal";
import { formatDateTime } from "@/lib/format";
import type { PortalRole } from "@/lib/portal/roles";
import { getTenantDetails } from "@/lib/portal/tenant-details";
import { findTenant } from "@/lib/portal/tenants";
import { listPortalUsers } from "@/lib/portal/users";
import { replicationCrumbs } from "../../crumbs";
import { parseInput } from "@/lib/parse-input";

const PAGE_SIZE = 50;
const query = z.object({
  q: z.string().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await findTenant((await params).slug))?.name ?? "Tenant" };
}

// A tenant's settings and its portal users, for Outpost administrators (who are not portal users:
// they manage the accounts here without signing in to the portal).
export default async function TenantPage({ params, searchParams }: Props) {
  await requireAdmin();
  const tenant = await getTenantDetails((await params).slug);
  if (!tenant) notFound();
  const { q, page } = parseInput(query, await searchParams);
  const { rows, total } = await listPortalUsers(tenant.id, { q, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  const scope = { kind: "console", tenantId: tenant.id } as const;
  return (
    <>
      <PageHeader
        title={tenant.name}
        crumbs={[
          ...replicationCrumbs,
          { label: "Brand Portal Tenants", href: "/tools/replication/tenants" },
          { label: tenant.name },
        ]}
      />
      <PageBody>
        <dl className="mb-8 grid gap-x-6 gap-y-2 rounded border border-line bg-surface p-5 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-ink-muted">Tenant URL</dt>
          <dd className="flex items-center gap-2">
            <a href={tenant.url} className="break-all font-mono text-xs text-accent hover:underline">
              {tenant.url}
            </a>
            <CopyButton text={tenant.url} label="Copy tenant URL" />
          </dd>
          <dt className="text-ink-muted">Organization</dt>
          <dd className="font-mono text-xs">{tenant.orgTechId}</dd>
          <dt className="text-ink-muted">Trusted issuer</dt>
          <dd className="break-all font-mono text-xs">{tenant.issuer}</dd>
          <dt className="text-ink-muted">Published</dt>
          <dd>
            {tenant.counts.assets} assets, {tenant.counts.folders} folders, {tenant.counts.collections} collections
          </dd>
          <dt className="text-ink-muted">Created</dt>
          <dd>{formatDateTime(tenant.createdAt)}</dd>
        </dl>

        <div className="mb-3 flex flex-wrap items-center gap-4">
          <h2 className="mr-auto text-lg">Portal users</h2>
          <SearchBox label="Search portal users" placeholder="Filter by user name or display name" defaultValue={q} />
          <span className="text-sm text-ink-muted">
            {total} user{total === 1 ? "" : "s"}
          </span>
          <CreatePortalUserButton scope={scope} />
        </div>
        <PortalUsersTable
          scope={scope}
          users={rows.map((u) => ({
            ...u,
            role: u.role as PortalRole,
            lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
            createdAt: u.createdAt.toISOString(),
          }))}
        />
        <Pager page={page} pageSize={PAGE_SIZE} total={total} />
      </PageBody>
    </>
  );
}
