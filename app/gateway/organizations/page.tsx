import type { Metadata } from "next";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { CreateOrganizationButton } from "@/components/gateway/create-organization-dialog";
import { OrganizationsTable } from "@/components/gateway/organizations-table";
import { requireAdmin } from "@/lib/auth/dal";
import { listOrganizations } from "@/lib/gateway/organizations";
import { gatewayCrumbs } from "@/components/gateway/crumbs";

export const metadata: Metadata = { title: "Organizations" };

export default async function OrganizationsPage() {
  const me = await requireAdmin();
  const orgs = await listOrganizations(me.id);
  return (
    <>
      <PageHeader
        title="Organizations"
        crumbs={gatewayCrumbs({ label: "Organizations" })}
        actions={<CreateOrganizationButton />}
      />
      <PageBody>
        <p className="mb-4 max-w-3xl text-sm text-ink-muted">
          You can create an application ID only if you are the system administrator of your organization. The technical
          ID names the organization in access tokens (the <code className="font-mono">org</code> claim) and in Brand
          Portal tenants.
        </p>
        <OrganizationsTable
          me={me.id}
          rows={orgs.map((o) => ({
            id: o.id,
            name: o.name,
            techId: o.techId,
            applications: o._count.applications,
            members: o.members.map((m) => m.user),
            createdAt: o.createdAt.toISOString(),
          }))}
        />
      </PageBody>
    </>
  );
}
