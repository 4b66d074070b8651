"use client";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { StatusLight } from "@/components/ui/status-light";
import { formatDateTime } from "@/lib/format";
import { GRANT_JWT_BEARER } from "@/lib/gateway/scopes";

export type TokenLogRow = {
  id: number;
  at: string;
  grantType: string | null;
  result: string;
  error: string | null;
  reason: string | null;
  scope: string | null;
  ip: string | null;
};

const grantLabel = (g: string | null) => (g === GRANT_JWT_BEARER ? "jwt-bearer" : (g ?? "—"));

export function TokenLogTable({ rows }: { rows: TokenLogRow[] }) {
  return (
    <div className="overflow-x-auto rounded border border-line bg-surface">
      <Table aria-label="Token requests">
        <TableHeader>
          <Column isRowHeader>Time</Column>
          <Column>Grant</Column>
          <Column>Result</Column>
          <Column>Scope</Column>
          <Column>Reason</Column>
          <Column>Address</Column>
        </TableHeader>
        <TableBody
          items={rows}
          renderEmptyState={() => <p className="p-6 text-center text-ink-muted">No token requests yet.</p>}
        >
          {(r) => (
            <Row id={r.id}>
              <Cell className="whitespace-nowrap">{formatDateTime(r.at)}</Cell>
              <Cell className="font-mono text-xs">{grantLabel(r.grantType)}</Cell>
              <Cell className="whitespace-nowrap">
                {r.result === "success" ? (
                  <StatusLight tone="positive">Token issued</StatusLight>
                ) : (
                  <StatusLight tone="negative">{r.error ?? "error"}</StatusLight>
                )}
              </Cell>
              <Cell className="font-mono text-xs">{r.scope ?? ""}</Cell>
              <Cell className="max-w-md text-xs text-ink-muted">{r.reason ?? ""}</Cell>
              <Cell className="font-mono text-xs text-ink-muted">{r.ip ?? ""}</Cell>
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
