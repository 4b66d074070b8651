"use client";
import { useRouter } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import type { Crumb } from "@/components/ui/breadcrumbs";
import { BpStatus } from "@/components/assets/bp-status";
import { SelectionBar } from "@/components/assets/selection-bar";
import { CommandHost } from "@/components/assets/commands/command-host";
import { CreateCollectionButton } from "@/components/assets/collections/create-collection-button";
import { useSelection } from "@/components/assets/use-selection";
import { formatDateTime } from "@/lib/format";
import { collectionPath, type BpStatus as Bp, type SelectedItem } from "@/lib/assets/types";

export type CollectionRow = {
  id: string;
  name: string;
  title: string;
  description: string;
  members: number;
  updatedAt: string;
  bpState: string | null;
  bpAt: string | null;
  bpBy: string | null;
  bp: Bp;
};

const toSelected = (c: CollectionRow): SelectedItem => ({
  kind: "collection",
  id: c.id,
  path: collectionPath(c.name),
  name: c.name,
  title: c.title,
});

/** Assets › Collections: the list with a checkbox per row; selecting turns the title bar into the selection bar. */
export function CollectionsTable({
  rows,
  crumbs,
  children,
}: {
  rows: CollectionRow[];
  crumbs: Crumb[];
  children?: React.ReactNode;
}) {
  const router = useRouter();
  const selection = useSelection();
  return (
    <CommandHost
      place="collections"
      onDone={() => {
        selection.clear();
        router.refresh();
      }}
    >
      {selection.size ? (
        <SelectionBar items={selection.items} onClose={selection.clear} />
      ) : (
        <PageHeader title="Collections" crumbs={crumbs} actions={<CreateCollectionButton />} />
      )}
      <div className="mx-auto max-w-6xl px-6 py-5">
        {children}
        <div className="overflow-x-auto rounded border border-line bg-surface">
          <Table
            aria-label="Collections"
            selectionMode="multiple"
            selectionBehavior="toggle"
            selectedKeys={new Set(rows.filter((r) => selection.has(r.id)).map((r) => r.id))}
            onSelectionChange={(keys) => {
              const on = keys === "all" ? new Set(rows.map((r) => r.id)) : keys;
              selection.setMany(rows.filter((r) => on.has(r.id)).map(toSelected), true);
              selection.setMany(rows.filter((r) => !on.has(r.id)).map(toSelected), false);
            }}
            onRowAction={(key) => {
              const r = rows.find((x) => x.id === key);
              if (r) router.push(`/collections/${r.name}`);
            }}
          >
            <TableHeader>
              <Column isRowHeader>Title</Column>
              <Column>Name</Column>
              <Column>Assets</Column>
              <Column>Modified</Column>
              <Column>Brand Portal</Column>
            </TableHeader>
            <TableBody
              items={rows}
              renderEmptyState={() => (
                <p className="p-8 text-center text-ink-muted">
                  No collections yet. Create one, or select assets and choose Add to Collection.
                </p>
              )}
            >
              {(c) => (
                <Row id={c.id} textValue={c.title}>
                  <Cell>
                    <span className="font-medium">{c.title}</span>
                    {c.description && <span className="block truncate text-xs text-ink-muted">{c.description}</span>}
                  </Cell>
                  <Cell className="font-mono text-xs">{c.name}</Cell>
                  <Cell className="tabular-nums">{c.members}</Cell>
                  <Cell className="whitespace-nowrap text-ink-muted">{formatDateTime(c.updatedAt)}</Cell>
                  <Cell className="whitespace-nowrap">
                    <BpStatus bp={c.bp} />
                  </Cell>
                </Row>
              )}
            </TableBody>
          </Table>
        </div>
      </div>
    </CommandHost>
  );
}
