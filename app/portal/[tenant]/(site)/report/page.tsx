import type { Metadata } from "next";
import { PortalPage } from "@/components/portal/portal-page";
import { ArrivalsChart } from "@/components/portal/content/arrivals-chart";
import { formatBytes } from "@/components/portal/content/format";
import { ReportTable } from "@/components/portal/content/report-table";
import { formatDateTime } from "@/lib/format";
import { publishReport } from "@/lib/portal/report";
import { requirePortalViewer } from "@/lib/portal/viewer";

export const metadata: Metadata = { title: "Publish report" };

const KIND_LABELS: Record<string, string> = { asset: "Asset", collection: "Collection" };

// Portal administrators only (a portal user gets 404): what arrived, from whom, and what was removed.
export default async function PortalReportPage({ params }: { params: Promise<{ tenant: string }> }) {
  const viewer = await requirePortalViewer((await params).tenant, { role: "admin" });
  const r = await publishReport(viewer.tenantId);
  const days = [...r.series].reverse().filter((d) => d.requests > 0);
  return (
    <PortalPage
      title="Publish report"
      description={`What was published to ${viewer.tenantName} in the last ${r.days} days`}
    >
      <dl className="mb-8 grid gap-4 sm:grid-cols-3">
        {[
          ["Assets arrived", r.totals.arrived.toLocaleString("en")],
          ["Bytes arrived", formatBytes(r.totals.bytes)],
          ["Assets removed", r.totals.removed.toLocaleString("en")],
        ].map(([k, v]) => (
          <div key={k} className="rounded-2xl border border-line bg-surface p-5">
            <dt className="text-sm text-ink-muted">{k}</dt>
            <dd className="mt-1 text-3xl font-bold tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
      <ArrivalsChart series={r.series} />

      <h2 className="mb-3 mt-10 text-lg font-bold">Per publication</h2>
      <ReportTable
        columns={[
          { label: "Publication" },
          { label: "Client ID", kind: "code" },
          { label: "Organization", kind: "code" },
          { label: "First arrival" },
          { label: "Last arrival" },
          { label: "Assets", kind: "number" },
          { label: "Bytes", kind: "number" },
          { label: "Removed", kind: "number" },
        ]}
        rows={r.publications.map((p) => ({
          key: `${p.publicationId}-${p.clientId}-${p.first}`,
          cells: [
            p.title || p.publicationId || <span className="text-ink-muted">No publication named</span>,
            p.clientId || "—",
            p.org || "—",
            formatDateTime(p.first),
            formatDateTime(p.last),
            p.arrived.toLocaleString("en"),
            formatBytes(p.bytes),
            p.removed.toLocaleString("en"),
          ],
        }))}
        empty="Nothing was published in this period."
      />

      <div className="mt-10 grid gap-10 lg:grid-cols-2">
        <section>
          <h2 className="mb-3 text-lg font-bold">Per day</h2>
          <ReportTable
            columns={[
              { label: "Day" },
              { label: "Assets arrived", kind: "number" },
              { label: "Bytes", kind: "number" },
              { label: "Removed", kind: "number" },
            ]}
            rows={days.map((d) => ({
              key: d.day,
              cells: [d.day, d.arrived.toLocaleString("en"), formatBytes(d.bytes), d.removed.toLocaleString("en")],
            }))}
            empty="Nothing arrived or was removed in this period."
          />
        </section>
        <section>
          <h2 className="mb-3 text-lg font-bold">Recently removed</h2>
          <ul className="divide-y divide-line rounded-xl border border-line bg-surface text-sm">
            {r.removals.map((x, i) => (
              <li key={i} className="px-4 py-2">
                <span className="block break-all font-mono text-xs">{x.path}</span>
                <span className="text-xs text-ink-muted">
                  {x.kind === "folder" ? `Folder with ${x.assets} assets` : (KIND_LABELS[x.kind] ?? x.kind)} ·{" "}
                  {formatDateTime(x.at)} · {x.clientId || "unknown client"}
                </span>
              </li>
            ))}
            {!r.removals.length && <li className="px-4 py-6 text-center text-ink-muted">Nothing was removed.</li>}
          </ul>
        </section>
      </div>
    </PortalPage>
  );
}
