"use client";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { PageButtons } from "@/components/ui/pager";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { JobError, JobStateLight } from "@/components/replication/job-cells";
import { LiveError } from "@/components/ui/live-error";
import { toast } from "@/components/ui/toast";
import { useLive } from "@/components/replication/live";
import { formatBytes, formatDateTime } from "@/lib/format";
import { retryFailedAction } from "@/lib/publication/actions";
import type { InstanceDetail } from "@/lib/publication/types";
import { InstanceProgress, InstanceStateLight } from "@/components/publication/instance-progress";
import { TerminateButton } from "@/components/publication/terminate-button";

const PAGE_SIZE = 50;

/** A workflow instance: its summary, live progress, actions and each item with its state, agent and error. */
export function InstanceView({ initial }: { initial: InstanceDetail }) {
  const [page, setPage] = useState(1);
  const qc = useQueryClient();
  const query = useLive<InstanceDetail>(
    ["publication", "instances", "detail", initial.id, page],
    `/api/publication/instances/${initial.id}?page=${page}&pageSize=${PAGE_SIZE}`,
    { initialData: page === 1 ? initial : undefined, intervalMs: 1_000 },
  );
  const d = query.data ?? initial;
  const pages = Math.max(1, Math.ceil(d.items.total / PAGE_SIZE));

  async function retry() {
    const res = await retryFailedAction({ id: d.id });
    if (!res.ok) toast.negative(res.error);
    else toast.positive(`${res.data.retried} failed item${res.data.retried === 1 ? " is" : "s are"} tried again`);
    await qc.invalidateQueries({ queryKey: ["publication", "instances"] });
  }

  const facts: [string, React.ReactNode][] = [
    ["State", <InstanceStateLight key="s" state={d.state} />],
    ["Model", d.model],
    ["Started by", d.startedBy],
    ["Activation", d.scheduledAt ? formatDateTime(d.scheduledAt) : "Now"],
    ["Started", d.startedAt ? formatDateTime(d.startedAt) : "—"],
    ["Completed", d.completedAt && d.state !== "Running" ? formatDateTime(d.completedAt) : "—"],
    ["Brand Portal configuration", d.configTitle ?? "—"],
    ["Size", d.bytes !== null ? formatBytes(d.bytes) : "—"],
  ];

  return (
    <div className="grid gap-5">
      <LiveError error={query.error} />
      <section aria-label="Summary" className="grid gap-4 rounded border border-line bg-surface px-4 py-3">
        <div className="flex flex-wrap items-start gap-3">
          <dl className="grid flex-1 grid-cols-[12rem_1fr] gap-x-4 gap-y-1 text-sm md:grid-cols-[12rem_1fr_12rem_1fr]">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-ink-muted">{k}</dt>
                <dd className="min-w-0 break-words">{v}</dd>
              </div>
            ))}
          </dl>
          <div className="flex gap-2">
            {d.canRetry && (
              <Button variant="secondary" onPress={retry}>
                <RotateCcw size={15} aria-hidden /> Retry failed items
              </Button>
            )}
            {d.canTerminate && <TerminateButton row={d} />}
          </div>
        </div>
        <div aria-label="Progress" role="group">
          <InstanceProgress row={d} label={`Progress of ${d.title}`} />
        </div>
        {d.error && <Alert tone={d.progress.total ? "notice" : "negative"}>{d.error}</Alert>}
        {d.addedSince > 0 && (
          <Alert tone="info">
            {d.addedSince} asset{d.addedSince === 1 ? " was" : "s were"} added to the published folders after this
            publication started. {d.addedSince === 1 ? "It is" : "They are"} not part of it: publish{" "}
            {d.addedSince === 1 ? "it" : "them"} separately.
          </Alert>
        )}
        <div>
          <h2 className="mb-1 text-sm font-semibold">Payload</h2>
          <ul className="grid gap-0.5 text-sm">
            {d.scope.map((s) => (
              <li key={`${s.kind}:${s.id}`}>
                <span className="font-medium">{s.title}</span>{" "}
                <span className="font-mono text-xs text-ink-muted">
                  {s.path} ({s.kind})
                </span>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="items-h" className="rounded border border-line bg-surface">
        <h2 id="items-h" className="border-b border-line px-4 py-2 text-base">
          Items <span className="text-sm font-normal text-ink-muted">({d.items.total.toLocaleString("en")})</span>
        </h2>
        <Table aria-label="Items">
          <TableHeader>
            <Column isRowHeader>Path</Column>
            <Column>Type</Column>
            <Column>State</Column>
            <Column>Agent</Column>
            <Column>Attempts</Column>
            <Column>Error</Column>
          </TableHeader>
          <TableBody
            items={d.items.rows}
            renderEmptyState={() => (
              <p className="p-6 text-center text-ink-muted">
                {d.state === "Scheduled"
                  ? "The items are listed once the publication starts."
                  : "This publication has no items."}
              </p>
            )}
          >
            {(i) => (
              <Row id={i.id} textValue={i.path}>
                <Cell className="max-w-96 break-all font-mono text-xs">{i.path}</Cell>
                <Cell>{i.kind}</Cell>
                <Cell className="whitespace-nowrap">
                  <JobStateLight state={i.state} />
                </Cell>
                <Cell className="whitespace-nowrap">{i.agent ?? "—"}</Cell>
                <Cell className="tabular-nums">{i.attempts}</Cell>
                <Cell className="max-w-96 text-xs">
                  <JobError
                    error={i.state !== "done" ? i.error : null}
                    fallback={i.state === "skipped" ? i.result : null}
                  />
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
        <PageButtons
          label="Item pages"
          page={page}
          pages={pages}
          onPage={setPage}
          className="border-t border-line px-4 py-2"
        />
      </section>
    </div>
  );
}
