"use client";
import { LiveError } from "@/components/ui/live-error";
import { StatusLight, type StatusTone } from "@/components/ui/status-light";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { useNow } from "@/components/ui/use-now";
import { formatAge } from "@/components/replication/format";
import { useLive } from "@/components/replication/live";
import { formatDateTime } from "@/lib/format";
import type { NodeState, NodeSummary } from "@/lib/cluster/list-nodes";

const STATE: Record<NodeState, { tone: StatusTone; label: string }> = {
  live: { tone: "positive", label: "Live" },
  lost: { tone: "negative", label: "Lost" },
  stopped: { tone: "neutral", label: "Stopped" },
};

const ROLE: Record<string, string> = { all: "Web and worker", web: "Web", worker: "Worker" };

/** The node registry, live: heartbeats, jobs in flight and throughput move while nodes work. */
export function NodesTable({ initial }: { initial: NodeSummary[] }) {
  const { data, error } = useLive<{ nodes: NodeSummary[] }>(["cluster", "nodes"], "/api/cluster/nodes", {
    initialData: { nodes: initial },
    intervalMs: 5_000,
  });
  const nodes = data?.nodes ?? [];
  const now = useNow(5_000);
  return (
    <>
      <LiveError error={error} className="mb-3" />
      <div className="overflow-x-auto rounded border border-line bg-surface">
        <Table aria-label="Nodes">
          <TableHeader>
            <Column isRowHeader>Node</Column>
            <Column>Status</Column>
            <Column>Role</Column>
            <Column>Version</Column>
            <Column>Started</Column>
            <Column>Last heartbeat</Column>
            <Column>Jobs in flight</Column>
            <Column>Throughput</Column>
            <Column>Binaries</Column>
          </TableHeader>
          <TableBody
            items={nodes}
            renderEmptyState={() => <p className="p-6 text-center text-ink-muted">No node has registered yet.</p>}
          >
            {(n) => (
              <Row id={n.id}>
                <Cell>
                  <span className="font-semibold">{n.host}</span>
                  <span className="block font-mono text-xs text-ink-muted">{n.id}</span>
                </Cell>
                <Cell className="whitespace-nowrap">
                  <StatusLight tone={STATE[n.state].tone}>{STATE[n.state].label}</StatusLight>
                  {n.state === "lost" && (
                    <span className="block text-xs text-ink-muted">
                      {n.leasesReclaimedAt ? "Its jobs went back to the queue" : "Its jobs go back to the queue"}
                    </span>
                  )}
                </Cell>
                <Cell>{ROLE[n.role] ?? n.role}</Cell>
                <Cell className="font-mono text-xs">{n.version}</Cell>
                <Cell className="whitespace-nowrap text-ink-muted">{formatDateTime(n.startedAt)}</Cell>
                <Cell className="whitespace-nowrap text-ink-muted">
                  <span title={formatDateTime(n.lastHeartbeatAt)}>{formatAge(n.lastHeartbeatAt, now)} ago</span>
                </Cell>
                <Cell>{n.role === "web" ? "—" : n.jobsInFlight}</Cell>
                <Cell className="whitespace-nowrap">
                  {n.role === "web" ? "—" : `${n.jobsPerMinute.toFixed(1)} jobs/min (${n.jobsDone} since start)`}
                </Cell>
                <Cell>{n.blobStore === "s3" ? "S3 bucket" : "Local folder"}</Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
