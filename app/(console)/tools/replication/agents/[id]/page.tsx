import type { Metadata } from "next";
import { itemTitle } from "@/lib/page-title";
import { db } from "@/lib/db";
import { notFound } from "next/navigation";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { AgentView } from "@/components/replication/agent-view";
import { AgentActions } from "@/components/replication/agent-actions";
import { requireAdmin } from "@/lib/auth/dal";
import { UserError } from "@/lib/errors";
import { agentDetail } from "@/lib/replication/agents/agent-detail";
import { agentsCrumbs } from "../../crumbs";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return itemTitle("administrator", "Replication agent", async () => {
    const agent = await db.replicationAgent.findUnique({
      where: { id: (await params).id.slice(0, 40) },
      select: { name: true },
    });
    return agent ? `${agent.name}` : null;
  });
}

export default async function AgentPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const agent = await agentDetail(id, { page: 1, pageSize: 20 }).catch((e) => {
    if (e instanceof UserError && e.status === 404) notFound();
    throw e;
  });
  return (
    <>
      <PageHeader
        title={agent.name}
        crumbs={[...agentsCrumbs, { label: agent.name }]}
        actions={
          <AgentActions
            agent={{
              id: agent.id,
              name: agent.name,
              description: agent.description,
              enabled: agent.enabled,
              paused: agent.paused,
              settings: agent.settings,
            }}
          />
        }
      />
      <PageBody>
        <AgentView initial={agent} />
      </PageBody>
    </>
  );
}
