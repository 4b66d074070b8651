import type { Metadata } from "next";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { Tile } from "@/components/shell/tile";
import { requireAdmin } from "@/lib/auth/dal";
import { replicationCrumbs } from "./crumbs";

export const metadata: Metadata = { title: "Replication" };

export default async function ReplicationPage() {
  await requireAdmin();
  return (
    <>
      <PageHeader title="Replication" crumbs={[...replicationCrumbs.slice(0, 2), { label: "Replication" }]} />
      <PageBody>
        <div className="grid grid-cols-2 gap-5 lg:grid-cols-4">
          <Tile
            href="/tools/replication/agents"
            title="Agents on author"
            description="The agents that publish to Brand Portal: queues, logs, Test Connection"
            icon="replication"
          />
          <Tile
            href="/tools/replication/tenants"
            title="Brand Portal Tenants"
            description="Tenants of this install's Brand Portal and their tenant URLs"
            icon="assets"
          />
        </div>
      </PageBody>
    </>
  );
}
