import type { Metadata } from "next";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { AgentsTable } from "@/components/replication/agents-table";
import { requireAdmin } from "@/lib/auth/dal";
import { agentSummaries } from "@/lib/replication/agents/overview";
import { replicationCrumbs } from "../crumbs";

export const metadata: Metadata = { title: "Agents on author" };

export default async function AgentsPage() {
  await requireAdmin();
  const agents = await agentSummaries();
  return (
    <>
      <PageHeader title="Agents on author" crumbs={[...replicationCrumbs, { label: "Agents on author" }]} />
      <PageBody wide>
        <p className="mb-3 text-sm text-ink-muted">
          Each Brand Portal configuration has four agents that share its publications and work in parallel. A paused or
          disabled agent hands its waiting jobs to the others.
        </p>
        <AgentsTable initial={agents} />
      </PageBody>
    </>
  );
}
