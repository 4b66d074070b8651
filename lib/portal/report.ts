import "server-only";
import { db } from "@/lib/db";
import { sql } from "@/lib/assets/sql";

// The publish report (portal administrators): what arrived when, from which client and
// organization, how many assets and bytes, and what was removed, per day and per publication,
// from the receipts the receiving API writes (lib/portal/receipts.ts). Aggregated in SQL with
// portable statements (the day is a column), so the report costs the same at any history size.

export type ReportDay = { day: string; arrived: number; bytes: number; removed: number; requests: number };
export type ReportPublication = {
  publicationId: string | null;
  title: string;
  clientId: string;
  org: string;
  first: string;
  last: string;
  arrived: number;
  bytes: number;
  removed: number;
  requests: number;
};
export type ReportRemoval = { at: string; kind: string; path: string; assets: number; clientId: string };

const num = (v: unknown) => Number(v ?? 0);
const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();

export async function publishReport(tenantId: string, opts: { days?: number; now?: Date } = {}) {
  const days = opts.days ?? 30;
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const perDay = await db.$queryRaw<Record<string, unknown>[]>(sql`
    SELECT "day",
      SUM(CASE WHEN "action" = 'publish' THEN "assets" ELSE 0 END) AS "arrived",
      SUM(CASE WHEN "action" = 'publish' THEN "bytes" ELSE 0 END) AS "bytes",
      SUM(CASE WHEN "action" = 'remove' THEN "assets" ELSE 0 END) AS "removed",
      COUNT(*) AS "requests"
    FROM "PortalReceipt" WHERE "tenantId" = ${tenantId} AND "day" >= ${since}
    GROUP BY "day" ORDER BY "day"`);
  const byDay = new Map(perDay.map((r) => [String(r.day), r]));
  const series: ReportDay[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(now.getTime() - i * 86_400_000).toISOString().slice(0, 10);
    const r = byDay.get(day);
    series.push({
      day,
      arrived: num(r?.arrived),
      bytes: num(r?.bytes),
      removed: num(r?.removed),
      requests: num(r?.requests),
    });
  }

  // Per publication; deliveries that named none are grouped per client and day.
  const pubs = await db.$queryRaw<Record<string, unknown>[]>(sql`
    SELECT "publicationId", MAX("publicationTitle") AS "title", "clientId", "org",
      CASE WHEN "publicationId" IS NULL THEN "day" ELSE '' END AS "slot",
      MIN("at") AS "first", MAX("at") AS "last",
      SUM(CASE WHEN "action" = 'publish' THEN "assets" ELSE 0 END) AS "arrived",
      SUM(CASE WHEN "action" = 'publish' THEN "bytes" ELSE 0 END) AS "bytes",
      SUM(CASE WHEN "action" = 'remove' THEN "assets" ELSE 0 END) AS "removed",
      COUNT(*) AS "requests"
    FROM "PortalReceipt" WHERE "tenantId" = ${tenantId} AND "day" >= ${since}
    GROUP BY "publicationId", "clientId", "org", CASE WHEN "publicationId" IS NULL THEN "day" ELSE '' END
    ORDER BY MAX("at") DESC LIMIT 100`);
  const publications: ReportPublication[] = pubs.map((r) => ({
    publicationId: r.publicationId === null ? null : String(r.publicationId),
    title: String(r.title ?? ""),
    clientId: String(r.clientId),
    org: String(r.org),
    first: iso(r.first),
    last: iso(r.last),
    arrived: num(r.arrived),
    bytes: num(r.bytes),
    removed: num(r.removed),
    requests: num(r.requests),
  }));

  const removals = await db.portalReceipt.findMany({
    where: { tenantId, action: "remove", result: "deleted" },
    orderBy: { at: "desc" },
    take: 50,
    select: { at: true, kind: true, path: true, assets: true, clientId: true },
  });

  const totals = series.reduce(
    (t, d) => ({ arrived: t.arrived + d.arrived, bytes: t.bytes + d.bytes, removed: t.removed + d.removed }),
    { arrived: 0, bytes: 0, removed: 0 },
  );
  return {
    days,
    since,
    series,
    publications,
    removals: removals.map((r) => ({ ...r, at: r.at.toISOString() })) satisfies ReportRemoval[],
    totals,
  };
}
export type PublishReport = Awaited<ReturnType<typeof publishReport>>;
