"use client";
import Link from "next/link";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { StatusLight } from "@/components/ui/status-light";
import { ScopeBadges } from "@/components/gateway/scope-field";
import { formatDateTime } from "@/lib/format";

export type ApplicationRow = {
  clientId: string;
  name: string;
  orgName: string;
  orgTechId: string;
  scopes: string[];
  publicKeyAlg: string | null;
  createdAt: string;
};

export function ApplicationsTable({ rows, filtered }: { rows: ApplicationRow[]; filtered: boolean }) {
  return (
    <div className="overflow-x-auto rounded border border-line bg-surface">
      <Table aria-label="JWT Applications">
        <TableHeader>
          <Column isRowHeader>Name</Column>
          <Column>Application ID</Column>
          <Column>Organization</Column>
          <Column>Scopes</Column>
          <Column>Public Key</Column>
          <Column>Created</Column>
        </TableHeader>
        <TableBody
          items={rows.map((r) => ({ ...r, id: r.clientId }))}
          renderEmptyState={() => (
            <p className="p-8 text-center text-ink-muted">
              {filtered ? "No applications match." : "No applications yet. Use Add Application to register a console."}
            </p>
          )}
        >
          {(r) => (
            <Row id={r.clientId}>
              <Cell>
                <Link
                  href={`/gateway/applications/${r.clientId}`}
                  className="font-semibold text-accent hover:underline"
                >
                  {r.name}
                </Link>
              </Cell>
              <Cell className="whitespace-nowrap font-mono text-xs">{r.clientId}</Cell>
              <Cell>
                <span className="block">{r.orgName}</span>
                <span className="block font-mono text-[11px] text-ink-muted">{r.orgTechId}</span>
              </Cell>
              <Cell>
                <ScopeBadges scopes={r.scopes} />
              </Cell>
              <Cell>
                {r.publicKeyAlg ? (
                  <StatusLight tone="positive">{r.publicKeyAlg}</StatusLight>
                ) : (
                  <StatusLight tone="notice">Not registered</StatusLight>
                )}
              </Cell>
              <Cell className="whitespace-nowrap text-ink-muted">{formatDateTime(r.createdAt)}</Cell>
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
