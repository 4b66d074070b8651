"use client";
import { useState } from "react";
import Link from "next/link";
import { PageButtons } from "@/components/ui/pager";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { LiveError } from "@/components/ui/live-error";
import { useLive } from "@/components/replication/live";
import { formatDateTime } from "@/lib/format";
import { instanceUrl } from "@/components/publication/scope-text";
import { InstanceProgress, InstanceStateLight } from "@/components/publication/instance-progress";
import { TerminateButton } from "@/components/publication/terminate-button";
import type { InstanceList } from "@/lib/publication/types";

const PAGE_SIZE = 25;

/**
 * Tools › Workflow › Instances: every publication the user may see, updating live. Sized to fit a
 * 1280 px window with Terminate in view: the title keeps a readable width, long texts wrap (model,
 * who, the scheduled time under its label) or are cut short (the payload, with its full text on hover).
 */
export function InstancesTable({ initial }: { initial: InstanceList }) {
  const [page, setPage] = useState(1);
  const query = useLive<InstanceList>(
    ["publication", "instances", "list", page],
    `/api/publication/instances?page=${page}&pageSize=${PAGE_SIZE}`,
    { initialData: page === 1 ? initial : undefined, intervalMs: 1_000 },
  );
  const data = query.data ?? initial;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  return (
    <div className="grid gap-3">
      <LiveError error={query.error} />
      <div className="overflow-x-auto rounded border border-line bg-surface">
        <Table aria-label="Workflow instances">
          <TableHeader>
            <Column isRowHeader>Title</Column>
            <Column>Model</Column>
            <Column>Payload</Column>
            <Column>Started by</Column>
            <Column>State</Column>
            <Column>Start time</Column>
            <Column>Progress</Column>
            <Column>
              <span className="sr-only">Actions</span>
            </Column>
          </TableHeader>
          <TableBody
            items={data.rows}
            renderEmptyState={() => (
              <p className="p-8 text-center text-ink-muted">
                No publications yet. In Assets, select items and choose Quick Publish or Manage Publication.
              </p>
            )}
          >
            {(r) => (
              <Row id={r.id} textValue={r.title}>
                <Cell className="min-w-52">
                  <Link href={instanceUrl(r.id)} className="break-words font-semibold text-accent hover:underline">
                    {r.title}
                  </Link>
                  {r.error && <span className="block max-w-72 truncate text-xs text-negative">{r.error}</span>}
                </Cell>
                <Cell className="min-w-28">{r.model}</Cell>
                <Cell className="max-w-36 font-mono text-xs">
                  <span className="block truncate" title={r.payload}>
                    {r.payload}
                  </span>
                </Cell>
                <Cell>{r.startedBy}</Cell>
                <Cell className="whitespace-nowrap">
                  <InstanceStateLight state={r.state} />
                </Cell>
                <Cell className="text-ink-muted">
                  {r.state === "Scheduled" && r.scheduledAt ? (
                    <>
                      <span className="block text-xs">Scheduled for</span>
                      <span className="whitespace-nowrap">{formatDateTime(r.scheduledAt)}</span>
                    </>
                  ) : r.startedAt ? (
                    <span className="whitespace-nowrap">{formatDateTime(r.startedAt)}</span>
                  ) : (
                    "—"
                  )}
                </Cell>
                <Cell>
                  <InstanceProgress row={r} label={`Progress of ${r.title}`} />
                </Cell>
                <Cell className="whitespace-nowrap">{r.canTerminate && <TerminateButton row={r} quiet />}</Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
      <PageButtons label="Pages" page={page} pages={pages} onPage={setPage} />
    </div>
  );
}
