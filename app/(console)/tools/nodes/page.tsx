import type { Metadata } from "next";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { NodesTable } from "@/components/cluster/nodes-table";
import { requireAdmin } from "@/lib/auth/dal";
import { listNodes } from "@/lib/cluster/list-nodes";
import { LOST_AFTER_MS } from "@/lib/cluster/registry";

export const metadata: Metadata = { title: "Nodes" };

export default async function NodesPage() {
  await requireAdmin();
  const nodes = await listNodes();
  return (
    <>
      <PageHeader
        title="Nodes"
        crumbs={[
          { label: "Tools", href: "/tools" },
          { label: "Deployment", href: "/tools/deployment" },
          { label: "Nodes" },
        ]}
      />
      <PageBody wide>
        <p className="mb-3 text-sm text-ink-muted">
          Every Outpost node on this database: web nodes serve the console, worker nodes run the replication agents and
          background tasks. A node silent for {LOST_AFTER_MS / 1000} seconds is lost; its jobs go back to the queue for
          the other nodes.
        </p>
        <NodesTable initial={nodes} />
      </PageBody>
    </>
  );
}
