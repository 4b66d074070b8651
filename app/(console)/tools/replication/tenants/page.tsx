import type { Metadata } from "next";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { CreateTenantButton, TenantsTable } from "@/components/replication/tenants";
import { requireAdmin } from "@/lib/auth/dal";
import { issuer } from "@/lib/gateway/issuer";
import { listTenants } from "@/lib/portal/tenants";
import { replicationCrumbs } from "../crumbs";

export const metadata: Metadata = { title: "Brand Portal Tenants" };

export default async function TenantsPage() {
  await requireAdmin();
  const tenants = await listTenants();
  return (
    <>
      <PageHeader
        title="Brand Portal Tenants"
        crumbs={[...replicationCrumbs, { label: "Brand Portal Tenants" }]}
        actions={<CreateTenantButton defaultIssuer={issuer()} />}
      />
      <PageBody wide>
        <p className="mb-3 text-sm text-ink-muted">
          Each tenant receives what one gateway organization publishes. Paste its Tenant URL into the Brand Portal
          configuration in Cloud Services.
        </p>
        <TenantsTable
          defaultIssuer={issuer()}
          tenants={tenants.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() }))}
        />
      </PageBody>
    </>
  );
}
