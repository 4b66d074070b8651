import type { Metadata } from "next";
import { z } from "zod";
import { Building2, KeySquare } from "lucide-react";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { LinkButton } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import { SearchBox } from "@/components/ui/search-box";
import { AddApplicationButton } from "@/components/gateway/add-application-dialog";
import { ApplicationsTable } from "@/components/gateway/applications-table";
import { CreateOrganizationButton } from "@/components/gateway/create-organization-dialog";
import { requireAdmin } from "@/lib/auth/dal";
import { listApplications } from "@/lib/gateway/applications";
import { listOrganizations } from "@/lib/gateway/organizations";
import { gatewayCrumbs } from "@/components/gateway/crumbs";
import { parseInput } from "@/lib/parse-input";

export const metadata: Metadata = { title: "JWT Applications" };

const PAGE_SIZE = 25;
const query = z.object({
  q: z.string().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function JwtApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const me = await requireAdmin();
  const { q, page } = parseInput(query, await searchParams);
  const [{ rows, total }, orgs] = await Promise.all([
    listApplications(me.id, { q, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    listOrganizations(me.id),
  ]);
  const crumbs = gatewayCrumbs();
  crumbs[crumbs.length - 1] = { label: "JWT Applications" };
  return (
    <>
      <PageHeader
        title="JWT Applications"
        crumbs={crumbs}
        actions={
          <>
            <LinkButton href="/gateway/organizations">
              <Building2 size={15} aria-hidden /> Organizations
            </LinkButton>
            <LinkButton href="/gateway/keys">
              <KeySquare size={15} aria-hidden /> Signing Keys
            </LinkButton>
            <AddApplicationButton
              organizations={orgs.map((o) => ({ id: o.id, label: o.name, description: o.techId }))}
            />
          </>
        }
      />
      <PageBody>
        {orgs.length === 0 && (
          <Alert tone="info" title="Create an organization first" className="mb-4">
            <p>
              Applications belong to an organization, and you see the applications of the organizations you administer.
            </p>
            <div className="mt-2">
              <CreateOrganizationButton variant="secondary" />
            </div>
          </Alert>
        )}
        <div className="mb-3 flex items-center justify-between gap-4">
          <SearchBox
            label="Search applications"
            placeholder="Filter by name, application ID or description"
            defaultValue={q}
          />
          <span className="text-sm text-ink-muted">
            {total} application{total === 1 ? "" : "s"}
          </span>
        </div>
        <ApplicationsTable
          filtered={!!q}
          rows={rows.map((r) => ({
            clientId: r.clientId,
            name: r.name,
            orgName: r.org.name,
            orgTechId: r.org.techId,
            scopes: r.scopes,
            publicKeyAlg: r.publicKeyAlg,
            createdAt: r.createdAt.toISOString(),
          }))}
        />
        <Pager page={page} pageSize={PAGE_SIZE} total={total} />
      </PageBody>
    </>
  );
}
