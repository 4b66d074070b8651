"use client";
import { Link } from "react-aria-components";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { LiveError } from "@/components/ui/live-error";
import { AgentState, QueueStatus } from "@/components/replication/queue-status";
import { formatAge } from "@/components/replication/format";
import { useLive } from "@/components/replication/live";
import { formatDateTime } from "@/lib/format";
import type { AgentSummary } from "@/lib/replication/agents/overview";
import { useNow } from "@/components/ui/use-now";

/** Agents on author: every agent of every configuration, live. */
export function AgentsTable({ initial }: { initial: AgentSummary[] }) {
  const { data, error } = useLive<{ agents: AgentSummary[] }>(["replication", "agents"], "/api/replication/agents", {
    initialData: { agents: initial },
  });
  const agents = data?.agents ?? [];
  const now = useNow();
  return (
    <>
      <LiveError error={error} className="mb-3" />
      <div className="overflow-x-auto rounded border border-line bg-surface">
        <Table aria-label="Agents on author">
          <TableHeader>
            <Column isRowHeader>Agent</Column>
            <Column>Configuration and target</Column>
            <Column>Status</Column>
            <Column>Queue</Column>
            <Column>Oldest pending</Column>
            <Column>Last success</Column>
            <Column>Last error</Column>
          </TableHeader>
          <TableBody
            items={agents}
            renderEmptyState={() => (
              <p className="p-6 text-center text-ink-muted">
                No agents yet. Create a Brand Portal configuration in Tools › Cloud Services: it comes with four agents.
              </p>
            )}
          >
            {(a) => (
              <Row id={a.id}>
                <Cell>
                  <Link
                    href={`/tools/replication/agents/${a.id}`}
                    className="focus-ring font-semibold text-accent data-[hovered]:underline"
                  >
                    {a.name}
                  </Link>
                  {a.description && (
                    <span className="block max-w-72 truncate text-xs text-ink-muted">{a.description}</span>
                  )}
                </Cell>
                <Cell className="max-w-72">
                  <Link
                    href={`/tools/cloud-services/brand-portal/${a.config.name}`}
                    className="focus-ring data-[hovered]:underline"
                  >
                    {a.config.title}
                  </Link>
                  {a.config.tenantUrl ? (
                    <span title={a.config.tenantUrl} className="block truncate font-mono text-xs text-ink-muted">
                      {a.config.tenantUrl}
                    </span>
                  ) : (
                    <span className="block text-xs text-ink-muted">No tenant URL</span>
                  )}
                </Cell>
                <Cell>
                  <AgentState agent={a} />
                </Cell>
                <Cell className="whitespace-nowrap">
                  <QueueStatus queue={a.queue} />
                </Cell>
                <Cell className="whitespace-nowrap text-ink-muted">
                  {a.queue.pending ? formatAge(a.queue.oldestPendingAt, now) : "—"}
                </Cell>
                <Cell className="whitespace-nowrap text-ink-muted">
                  {a.lastSuccessAt ? formatDateTime(a.lastSuccessAt) : "Never"}
                </Cell>
                <Cell className="max-w-80 text-xs">
                  {a.lastError ? (
                    <span title={a.lastError}>
                      <span className="block text-ink-muted">{a.lastErrorAt && formatDateTime(a.lastErrorAt)}</span>
                      <span className="line-clamp-2 text-negative">{a.lastError}</span>
                    </span>
                  ) : (
                    <span className="text-ink-muted">None</span>
                  )}
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
