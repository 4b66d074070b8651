"use client";
import { useEffect, useState } from "react";
import { Input, Label, SearchField } from "react-aria-components";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { StatusLight } from "@/components/ui/status-light";
import { inputClass, labelClass } from "@/components/ui/text-field";
import { useLive } from "@/components/replication/live";
import { formatTime } from "@/components/replication/format";
import { formatBytes } from "@/lib/format";

type LogRow = {
  id: number;
  at: string;
  level: string;
  message: string;
  path: string | null;
  action: string | null;
  durationMs: number | null;
  bytes: number | null;
  statusCode: number | null;
  result: string | null;
};
type LogPage = { rows: LogRow[]; total: number; page: number; pageSize: number };

const levels = [
  { id: "debug", label: "All levels" },
  { id: "info", label: "Info and errors" },
  { id: "error", label: "Errors only" },
];
const tone = { debug: "neutral", info: "info", error: "negative" } as const;

/** View Log: every attempt and test, newest first, filtered by level and text, live. */
export function LogView({ agentId }: { agentId: string }) {
  const [level, setLevel] = useState("debug");
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  useEffect(() => {
    const t = setTimeout(() => {
      setQ(text.trim());
      setPage(1);
    }, 250);
    return () => clearTimeout(t);
  }, [text]);
  const params = new URLSearchParams({ level, page: String(page), ...(q ? { q } : {}) });
  const { data, error } = useLive<LogPage>(
    ["replication", "log", agentId, level, q, page],
    `/api/replication/agents/${agentId}/log?${params}`,
    { intervalMs: 3_000 },
  );
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end gap-4">
        <Select
          className="w-56"
          label="Level"
          options={levels}
          value={level}
          onChange={(l) => {
            setLevel(l);
            setPage(1);
          }}
        />
        <SearchField value={text} onChange={setText} className="flex w-80 flex-col">
          <Label className={labelClass}>Filter</Label>
          <Input placeholder="Path or message text" className={inputClass} />
        </SearchField>
        <span className="ml-auto text-sm text-ink-muted">
          {data ? `${data.total} entr${data.total === 1 ? "y" : "ies"}` : "Loading…"}
        </span>
      </div>
      {error && <Alert tone="negative">{error.message}</Alert>}
      <div className="overflow-x-auto rounded border border-line bg-surface">
        <Table aria-label="Agent log">
          <TableHeader>
            <Column isRowHeader>Time (UTC)</Column>
            <Column>Level</Column>
            <Column>Action</Column>
            <Column>Path</Column>
            <Column>Duration</Column>
            <Column>Bytes</Column>
            <Column>Status</Column>
            <Column>Result</Column>
            <Column>Message</Column>
          </TableHeader>
          <TableBody
            items={data?.rows ?? []}
            renderEmptyState={() => (
              <p className="p-6 text-center text-ink-muted">{data ? "No log entries match." : "Loading…"}</p>
            )}
          >
            {(r) => (
              <Row id={r.id}>
                <Cell className="whitespace-nowrap font-mono text-xs">{formatTime(r.at)}</Cell>
                <Cell>
                  <StatusLight tone={tone[r.level as keyof typeof tone] ?? "neutral"}>{r.level}</StatusLight>
                </Cell>
                <Cell>{r.action ?? "—"}</Cell>
                <Cell className="max-w-72 break-all font-mono text-xs">{r.path ?? "—"}</Cell>
                <Cell className="whitespace-nowrap">{r.durationMs === null ? "—" : `${r.durationMs} ms`}</Cell>
                <Cell className="whitespace-nowrap">{r.bytes === null ? "—" : formatBytes(r.bytes)}</Cell>
                <Cell>{r.statusCode ?? "—"}</Cell>
                <Cell className="whitespace-nowrap">{r.result ?? "—"}</Cell>
                <Cell className="max-w-[32rem] text-xs">{r.message}</Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
      {pages > 1 && (
        <nav aria-label="Log pages" className="flex items-center justify-end gap-3 text-sm">
          <span className="text-ink-muted">
            Page {page} of {pages}
          </span>
          <Button variant="quiet" onPress={() => setPage(page - 1)} isDisabled={page <= 1}>
            Newer
          </Button>
          <Button variant="quiet" onPress={() => setPage(page + 1)} isDisabled={page >= pages}>
            Older
          </Button>
        </nav>
      )}
    </div>
  );
}
