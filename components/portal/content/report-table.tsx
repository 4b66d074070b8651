import type { ReactNode } from "react";

// The publish report's tables (per publication, per day): a header of column names, one row per
// item, numbers right-aligned in tabular figures, and a line for the empty case.

export type ReportColumn = { label: string; kind?: "text" | "number" | "code" };

const cell = { text: "px-3 py-2", number: "px-3 py-2 text-right tabular-nums", code: "px-3 py-2 font-mono text-xs" };

export function ReportTable({
  columns,
  rows,
  empty,
}: {
  columns: ReportColumn[];
  rows: { key: string; cells: ReactNode[] }[];
  empty: string;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface">
      <table className="w-full text-sm">
        <thead className="border-b border-line text-xs uppercase tracking-wider text-ink-muted">
          <tr>
            {columns.map((c) => (
              <th
                key={c.label}
                scope="col"
                className={`px-3 py-2 font-semibold ${c.kind === "number" ? "text-right" : "text-left"}`}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-line last:border-0">
              {r.cells.map((content, i) => (
                <td key={columns[i].label} className={cell[columns[i].kind ?? "text"]}>
                  {content}
                </td>
              ))}
            </tr>
          ))}
          {!rows.length && (
            <tr>
              <td colSpan={columns.length} className="px-3 py-6 text-center text-ink-muted">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
