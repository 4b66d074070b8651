import type { Metadata } from "next";
import { PortalPage } from "@/components/portal/portal-page";
import { ArrivalsChart } from "@/components/portal/content/arrivals-chart";
import { formatBytes } from "@/components/portal/content/format";
import { formatDateTime } from "@/lib/format";
import { publishReport } from "@/lib/portal/report";
import { requirePortalViewer } from "@/lib/portal/viewer";

export const metadata: Metadata = { title: "Publish report" };

const th = "px-3 py-2 text-left font-semibold";
const td = "px-3 py-2";

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
      <div className="overflow-x-auto rounded-xl border border-line bg-surface">
        <table className="w-full text-sm">
          <thead className="border-b border-line text-xs uppercase tracking-wider text-ink-muted">
            <tr>
              <th scope="col" className={th}>
                Publication
              </th>
              <th scope="col" className={th}>
                Client ID
              </th>
              <th scope="col" className={th}>
                Organization
              </th>
              <th scope="col" className={th}>
                First arrival
              </th>
              <th scope="col" className={th}>
                Last arrival
              </th>
              <th scope="col" className={th}>
                Assets
              </th>
              <th scope="col" className={th}>
                Bytes
              </th>
              <th scope="col" className={th}>
                Removed
              </th>
            </tr>
          </thead>
          <tbody>
            {r.publications.map((p) => (
              <tr key={`${p.publicationId}-${p.clientId}-${p.first}`} className="border-b border-line last:border-0">
                <td className={td}>
                  {p.title || p.publicationId || <span className="text-ink-muted">No publication named</span>}
                </td>
                <td className={`${td} font-mono text-xs`}>{p.clientId || "—"}</td>
                <td className={`${td} font-mono text-xs`}>{p.org || "—"}</td>
                <td className={td}>{formatDateTime(p.first)}</td>
                <td className={td}>{formatDateTime(p.last)}</td>
                <td className={`${td} tabular-nums`}>{p.arrived.toLocaleString("en")}</td>
                <td className={`${td} tabular-nums`}>{formatBytes(p.bytes)}</td>
                <td className={`${td} tabular-nums`}>{p.removed.toLocaleString("en")}</td>
              </tr>
            ))}
            {!r.publications.length && (
              <tr>
                <td colSpan={8} className={`${td} py-6 text-center text-ink-muted`}>
                  Nothing was published in this period.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <div className="mt-10 grid gap-10 lg:grid-cols-2">
        <section>
          <h2 className="mb-3 text-lg font-bold">Per day</h2>
          <table className="w-full rounded-xl bg-surface text-sm">
            <thead className="border-b border-line text-xs uppercase tracking-wider text-ink-muted">
              <tr>
                <th scope="col" className={th}>
                  Day
                </th>
                <th scope="col" className={th}>
                  Assets arrived
                </th>
                <th scope="col" className={th}>
                  Bytes
                </th>
                <th scope="col" className={th}>
                  Removed
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} className="border-b border-line last:border-0">
                  <td className={td}>{d.day}</td>
                  <td className={`${td} tabular-nums`}>{d.arrived.toLocaleString("en")}</td>
                  <td className={`${td} tabular-nums`}>{formatBytes(d.bytes)}</td>
                  <td className={`${td} tabular-nums`}>{d.removed.toLocaleString("en")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2 className="mb-3 text-lg font-bold">Recently removed</h2>
          <ul className="divide-y divide-line rounded-xl border border-line bg-surface text-sm">
            {r.removals.map((x, i) => (
              <li key={i} className="px-4 py-2">
                <span className="block break-all font-mono text-xs">{x.path}</span>
                <span className="text-xs text-ink-muted">
                  {x.kind === "folder"
                    ? `Folder with ${x.assets} assets`
                    : x.kind === "collection"
                      ? "Collection"
                      : "Asset"}{" "}
                  · {formatDateTime(x.at)} · {x.clientId || "unknown client"}
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
