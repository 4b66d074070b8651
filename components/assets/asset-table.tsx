"use client";
import { useRouter } from "next/navigation";
import type { Selection, SortDescriptor } from "react-aria-components";
import { AlertTriangle } from "lucide-react";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { TypeIcon } from "@/components/assets/type-icon";
import { BpStatus } from "@/components/assets/bp-status";
import { dimensions, shortType } from "@/components/assets/describe";
import { toSelected } from "@/components/assets/use-selection";
import { formatBytes, formatDateTime } from "@/lib/format";
import type { BrowseItem, SelectedItem, SortDir, SortKey } from "@/lib/assets/types";

/** The list view: sortable columns, a checkbox per row and one to select the whole page. */
export function AssetTable({
  items,
  hrefOf,
  isSelected,
  onSelect,
  sort,
  dir,
  onSort,
  showPath,
  label = "Assets",
}: {
  items: BrowseItem[];
  hrefOf: (item: BrowseItem) => string;
  isSelected: (id: string) => boolean;
  onSelect: (items: SelectedItem[], on: boolean) => void;
  sort?: SortKey;
  dir?: SortDir;
  onSort?: (sort: SortKey, dir: SortDir) => void;
  showPath?: boolean;
  label?: string;
}) {
  const router = useRouter();
  const selectedKeys = new Set(items.filter((i) => isSelected(i.id)).map((i) => i.id));
  const sortDescriptor: SortDescriptor | undefined = sort
    ? { column: sort, direction: dir === "desc" ? "descending" : "ascending" }
    : undefined;

  function change(keys: Selection) {
    const on = keys === "all" ? new Set(items.map((i) => i.id)) : keys;
    onSelect(items.filter((i) => on.has(i.id)).map(toSelected), true);
    onSelect(items.filter((i) => !on.has(i.id)).map(toSelected), false);
  }

  return (
    <div className="overflow-x-auto rounded border border-line bg-surface">
      <Table
        aria-label={label}
        selectionMode="multiple"
        selectionBehavior="toggle"
        selectedKeys={selectedKeys}
        onSelectionChange={change}
        sortDescriptor={sortDescriptor}
        onSortChange={(d) => onSort?.(d.column as SortKey, d.direction === "descending" ? "desc" : "asc")}
        onRowAction={(key) => {
          const item = items.find((i) => i.id === key);
          if (item) router.push(hrefOf(item));
        }}
      >
        <TableHeader>
          <Column id="name" isRowHeader allowsSorting={!!onSort}>
            Name
          </Column>
          <Column id="title" allowsSorting={!!onSort}>
            Title
          </Column>
          <Column id="type" allowsSorting={!!onSort}>
            Type
          </Column>
          <Column id="size" allowsSorting={!!onSort}>
            Size
          </Column>
          <Column id="dimensions">Dimensions</Column>
          <Column id="modified" allowsSorting={!!onSort}>
            Modified
          </Column>
          <Column id="bp">Brand Portal</Column>
        </TableHeader>
        <TableBody
          items={items}
          renderEmptyState={() => <p className="p-8 text-center text-ink-muted">Nothing here yet.</p>}
        >
          {(item) => (
            <Row id={item.id} textValue={item.title}>
              <Cell>
                <span className="flex items-center gap-2.5">
                  <span className="flex h-9 w-12 shrink-0 items-center justify-center overflow-hidden rounded-sm bg-[#eaeaea]">
                    {item.kind === "asset" && item.thumbnailUrl ? (
                      // eslint-disable-next-line @next/next/no-img-element
                      <img src={item.thumbnailUrl} alt="" loading="lazy" className="h-full w-full object-cover" />
                    ) : (
                      <TypeIcon
                        kind={item.kind}
                        mimeType={item.kind === "asset" ? item.mimeType : undefined}
                        size={20}
                      />
                    )}
                  </span>
                  <span className="min-w-0">
                    <span className="block truncate font-medium">{item.name}</span>
                    {showPath && (
                      <span className="block truncate text-xs text-ink-muted">
                        {item.path.slice(0, item.path.lastIndexOf("/"))}
                      </span>
                    )}
                  </span>
                </span>
              </Cell>
              <Cell>{item.title}</Cell>
              <Cell className="whitespace-nowrap">
                {item.kind === "folder" ? (
                  "Folder"
                ) : (
                  <span className="inline-flex items-center gap-1">
                    {item.typeFlag && <AlertTriangle size={13} className="text-notice" aria-label={item.typeFlag} />}
                    {shortType(item.mimeType)}
                  </span>
                )}
              </Cell>
              <Cell className="whitespace-nowrap tabular-nums">
                {item.kind === "asset" ? formatBytes(item.size) : ""}
              </Cell>
              <Cell className="whitespace-nowrap tabular-nums">
                {item.kind === "asset" ? dimensions(item.width, item.height) : ""}
              </Cell>
              <Cell className="whitespace-nowrap text-ink-muted">{formatDateTime(item.modified)}</Cell>
              <Cell className="max-w-80 whitespace-nowrap">
                <BpStatus bp={item.bp} />
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
