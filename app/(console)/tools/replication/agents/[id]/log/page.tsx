import type { Metadata } from "next";
import { itemTitle } from "@/lib/page-title";
import { notFound } from "next/navigation";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { LinkButton } from "@/components/ui/button";
import { LogView } from "@/components/replication/log-view";
import { requireAdmin } from "@/lib/auth/dal";
import { db } from "@/lib/db";
import { LOG_CAP } from "@/lib/replication/log/append-log";
import { agentsCrumbs } from "../../../crumbs";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return itemTitle("administrator", "Agent log", async () => {
    const agent = await db.replicationAgent.findUnique({
      where: { id: (await params).id.slice(0, 40) },
      select: { name: true },
    });
    return agent ? `Log: ${agent.name}` : null;
  });
}

export default async function AgentLogPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const agent = await db.replicationAgent.findUnique({
    where: { id },
    select: { id: true, name: true, logLevel: true },
  });
  if (!agent) notFound();
  return (
    <>
      <PageHeader
        title={`Log: ${agent.name}`}
        crumbs={[
          ...agentsCrumbs,
          { label: agent.name, href: `/tools/replication/agents/${agent.id}` },
          { label: "Log" },
        ]}
        actions={<LinkButton href={`/tools/replication/agents/${agent.id}`}>Back to agent</LinkButton>}
      />
      <PageBody wide>
        <p className="mb-3 text-sm text-ink-muted">
          Every delivery attempt and every Test Connection of this agent, newest first. The agent writes entries at
          level <strong>{agent.logLevel}</strong> and above, and keeps the newest {LOG_CAP.toLocaleString("en-GB")}.
        </p>
        <LogView agentId={agent.id} />
      </PageBody>
    </>
  );
}
