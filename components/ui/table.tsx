"use client";
import {
  Cell as AriaCell,
  Column as AriaColumn,
  Row as AriaRow,
  Table as AriaTable,
  TableHeader as AriaTableHeader,
  TableBody as AriaTableBody,
  useTableOptions,
  Collection,
  type CellProps,
  type ColumnProps,
  type RowProps,
  type TableHeaderProps,
  type TableProps,
  type TableBodyProps,
} from "react-aria-components";
import { ArrowUp } from "lucide-react";
import { Checkbox } from "@/components/ui/checkbox";
import { cx } from "@/components/ui/cx";

// react-aria's Table (keyboard navigation, selection, sorting), styled once. With
// selectionMode="multiple" a checkbox column appears in the header and every row.

export function Table({ className, ...props }: TableProps & { className?: string }) {
  return <AriaTable {...props} className={cx("w-full border-collapse text-sm", className)} />;
}

export function TableHeader<T extends object>({ columns, children, ...props }: TableHeaderProps<T>) {
  const { selectionBehavior, selectionMode, allowsDragging } = useTableOptions();
  return (
    <AriaTableHeader {...props} className="sticky top-0 z-10 border-b-2 border-line bg-surface text-left">
      {allowsDragging && <AriaColumn />}
      {selectionBehavior === "toggle" && selectionMode === "multiple" && (
        <AriaColumn className="w-10 px-3 py-2">
          <Checkbox slot="selection" />
        </AriaColumn>
      )}
      <Collection items={columns}>{children}</Collection>
    </AriaTableHeader>
  );
}

export function Column({
  className,
  children,
  ...props
}: ColumnProps & { className?: string; children: React.ReactNode }) {
  return (
    <AriaColumn
      {...props}
      className={cx(
        "focus-ring px-3 py-2 text-xs font-semibold uppercase tracking-wide text-ink-muted whitespace-nowrap",
        className,
      )}
    >
      {({ allowsSorting, sortDirection }) => (
        <span className="inline-flex items-center gap-1">
          {children}
          {allowsSorting && (
            <ArrowUp
              size={12}
              aria-hidden
              className={cx(
                "transition-transform",
                !sortDirection && "opacity-0",
                sortDirection === "descending" && "rotate-180",
              )}
            />
          )}
        </span>
      )}
    </AriaColumn>
  );
}

export function TableBody<T extends object>(props: TableBodyProps<T>) {
  return <AriaTableBody {...props} />;
}

export function Row<T extends object>({
  id,
  columns,
  children,
  className,
  ...props
}: RowProps<T> & { className?: string }) {
  const { selectionBehavior, selectionMode } = useTableOptions();
  return (
    <AriaRow
      id={id}
      {...props}
      className={cx(
        "focus-ring border-b border-line bg-surface data-[hovered]:bg-canvas data-[selected]:bg-accent-soft",
        props.href && "cursor-pointer",
        className,
      )}
    >
      {selectionBehavior === "toggle" && selectionMode === "multiple" && (
        <AriaCell className="w-10 px-3 py-2">
          <Checkbox slot="selection" />
        </AriaCell>
      )}
      <Collection items={columns}>{children}</Collection>
    </AriaRow>
  );
}

export function Cell({ className, ...props }: CellProps & { className?: string }) {
  return <AriaCell {...props} className={cx("focus-ring px-3 py-2 align-middle", className)} />;
}
