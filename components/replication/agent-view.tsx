"use client";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { MoreHorizontal, RefreshCw, RotateCcw, Trash2 } from "lucide-react";
import { PageButtons } from "@/components/ui/pager";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { Button, IconButton } from "@/components/ui/button";
import { Menu, MenuItem } from "@/components/ui/menu";
import { LiveError } from "@/components/ui/live-error";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { StatusLight } from "@/components/ui/status-light";
import { toast } from "@/components/ui/toast";
import { QueueStatus } from "@/components/replication/queue-status";
import { formatAge, formatMs } from "@/components/replication/format";
import { useLive } from "@/components/replication/live";
import { JobError, JobStateLight } from "@/components/replication/job-cells";
import { formatDateTime } from "@/lib/format";
import { clearQueueAction, forceRetryAction, removeJobAction, retryJobAction } from "@/lib/replication/actions";
import type { AgentDetail, QueueItem } from "@/lib/replication/agents/agent-detail";
import { useNow } from "@/components/ui/use-now";

const PAGE_SIZE = 20;
export const agentKey = (id: string) => ["replication", "agent", id];

/** The live part of the agent page: status block, settings summary and the queue. */
export function AgentView({ initial }: { initial: AgentDetail }) {
  const [page, setPage] = useState(1);
  const query = useLive<AgentDetail>(
    [...agentKey(initial.id), page],
    `/api/replication/agents/${initial.id}?page=${page}&pageSize=${PAGE_SIZE}`,
    {
      initialData: page === 1 ? initial : undefined,
    },
  );
  const a = query.data ?? initial;
  return (
    <div className="grid gap-5">
      <LiveError error={query.error} />
      <StatusBlock agent={a} />
      <Settings agent={a} />
      <Queue agent={a} page={page} setPage={setPage} refetch={() => query.refetch()} />
    </div>
  );
}

function StatusBlock({ agent: a }: { agent: AgentDetail }) {
  return (
    <section aria-label="Status" className="grid gap-1.5 rounded border border-line bg-surface px-4 py-3">
      {a.enabled ? (
        <StatusLight tone="positive">Agent is enabled.</StatusLight>
      ) : (
        <StatusLight tone="neutral">Agent is disabled.</StatusLight>
      )}
      {a.paused && (
        <StatusLight tone="notice">
          Agent is paused: its waiting jobs go to the other agents until you resume it. The pause is kept across
          restarts.
        </StatusLight>
      )}
      <QueueStatus queue={a.queue} prefix />
      {a.queue.failed > 0 && (
        <StatusLight tone="negative">
          {a.queue.failed} item{a.queue.failed === 1 ? "" : "s"} parked as failed: Retry or Remove them below.
        </StatusLight>
      )}
      {a.lastError && a.queue.state === "blocked" && <p className="text-sm text-negative">Last error: {a.lastError}</p>}
    </section>
  );
}

function Settings({ agent: a }: { agent: AgentDetail }) {
  const rows: [string, React.ReactNode][] = [
    ["Name", a.name],
    ["Description", a.description || "—"],
    ["Enabled", a.enabled ? "Yes" : "No"],
    ["Configuration", a.config.title],
    [
      "Target",
      <span key="t" className="font-mono text-xs">
        {a.config.tenantUrl || "No tenant URL"}
      </span>,
    ],
    ["Retry Delay", formatMs(a.settings.retryDelayMs)],
    ["Max attempts", a.settings.maxAttempts],
    ["Log Level", a.settings.logLevel],
    ["Connect timeout", formatMs(a.settings.connectTimeoutMs)],
    ["Socket timeout", formatMs(a.settings.socketTimeoutMs)],
    ["Last success", a.lastSuccessAt ? formatDateTime(a.lastSuccessAt) : "Never"],
  ];
  return (
    <section aria-labelledby="settings-h" className="rounded border border-line bg-surface px-4 py-3">
      <h2 id="settings-h" className="mb-2 text-base">
        Settings
      </h2>
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm md:grid-cols-[10rem_1fr_10rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-ink-muted">{k}</dt>
            <dd className="min-w-0 break-words">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Queue({
  agent,
  page,
  setPage,
  refetch,
}: {
  agent: AgentDetail;
  page: number;
  setPage: (p: number) => void;
  refetch: () => void;
}) {
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState<null | "clear" | { remove: QueueItem }>(null);
  const { rows, total } = agent.items;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const refresh = () => qc.invalidateQueries({ queryKey: agentKey(agent.id) });
  const run = async (p: Promise<{ ok: boolean; error?: string }>, done: string) => {
    const res = await p;
    if (!res.ok) toast.negative(res.error ?? "That did not work.");
    else toast.positive(done);
    await refresh();
  };
  const now = useNow();

  return (
    <section aria-labelledby="queue-h" className="rounded border border-line bg-surface">
      <div className="flex flex-wrap items-center gap-2 border-b border-line px-4 py-2">
        <h2 id="queue-h" className="mr-auto text-base">
          Queue{" "}
          <span className="text-sm font-normal text-ink-muted">
            ({total} item{total === 1 ? "" : "s"})
          </span>
        </h2>
        {/* never disabled while fetching: the queue polls every 2 s, and a disabled button drops focus */}
        <Button variant="quiet" onPress={refetch}>
          <RefreshCw size={15} aria-hidden /> Refresh
        </Button>
        <Button
          variant="quiet"
          onPress={() => run(forceRetryAction({ agentId: agent.id }), "Every waiting item is tried again now")}
          isDisabled={total === 0}
        >
          <RotateCcw size={15} aria-hidden /> Force Retry
        </Button>
        <Button variant="quiet" onPress={() => setConfirm("clear")} isDisabled={total === 0}>
          <Trash2 size={15} aria-hidden /> Clear
        </Button>
      </div>
      <Table aria-label="Queue">
        <TableHeader>
          <Column isRowHeader>Path</Column>
          <Column>Action</Column>
          <Column>Attempts</Column>
          <Column>State</Column>
          <Column>Next attempt</Column>
          <Column>Last error</Column>
          <Column className="w-12">
            <span className="sr-only">Actions</span>
          </Column>
        </TableHeader>
        <TableBody
          items={rows}
          renderEmptyState={() => <p className="p-6 text-center text-ink-muted">The queue is empty.</p>}
        >
          {(j) => (
            <Row id={j.id}>
              <Cell className="max-w-96 break-all font-mono text-xs">
                {j.path}
                <span className="ml-2 font-sans text-ink-muted">{j.kind}</span>
              </Cell>
              <Cell>{j.action === "publish" ? "Publish" : "Unpublish"}</Cell>
              <Cell>{j.attempts}</Cell>
              <Cell>
                <JobStateLight state={j.state} />
              </Cell>
              <Cell className="whitespace-nowrap text-ink-muted">
                {j.nextAttemptAt
                  ? new Date(j.nextAttemptAt).getTime() <= now
                    ? "Now"
                    : `in ${formatAge(new Date(now).toISOString(), new Date(j.nextAttemptAt).getTime())}`
                  : "—"}
              </Cell>
              <Cell className="max-w-96 text-xs">
                <JobError error={j.lastError} />
              </Cell>
              <Cell>
                <Menu
                  label={`Actions for ${j.path}`}
                  trigger={
                    <IconButton label={`Actions for ${j.path}`}>
                      <MoreHorizontal size={18} aria-hidden />
                    </IconButton>
                  }
                >
                  <MenuItem
                    isDisabled={j.state === "running"}
                    onAction={() =>
                      run(retryJobAction({ agentId: agent.id, jobId: j.id }), `${j.path} is tried again now`)
                    }
                  >
                    Retry
                  </MenuItem>
                  <MenuItem destructive isDisabled={j.state === "running"} onAction={() => setConfirm({ remove: j })}>
                    Remove
                  </MenuItem>
                </Menu>
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      <PageButtons
        label="Queue pages"
        page={page}
        pages={pages}
        onPage={setPage}
        className="border-t border-line px-4 py-2"
      />

      <ConfirmDialog
        isOpen={confirm === "clear"}
        onOpenChange={(o) => !o && setConfirm(null)}
        title="Clear queue"
        confirmLabel="Clear"
        destructive
        onConfirm={async () => {
          const res = await clearQueueAction({ agentId: agent.id });
          if (!res.ok) return res.error;
          toast.positive(`${res.data} item${res.data === 1 ? "" : "s"} removed from the queue`);
          await refresh();
        }}
      >
        Remove every waiting and failed item from the queue of <strong>{agent.name}</strong>? They will not be
        published. Items being sent right now finish.
      </ConfirmDialog>
      {confirm && typeof confirm === "object" && (
        <ConfirmDialog
          isOpen
          onOpenChange={(o) => !o && setConfirm(null)}
          title="Remove item"
          confirmLabel="Remove"
          destructive
          onConfirm={async () => {
            const res = await removeJobAction({ agentId: agent.id, jobId: confirm.remove.id });
            if (!res.ok) return res.error;
            toast.positive(`${confirm.remove.path} removed from the queue`);
            await refresh();
          }}
        >
          Remove <strong className="break-all">{confirm.remove.path}</strong> ({confirm.remove.action}) from the queue?
          It will not be sent.
        </ConfirmDialog>
      )}
    </section>
  );
}
