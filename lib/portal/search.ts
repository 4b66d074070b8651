import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { dbProvider } from "@/lib/env";
import { containsTerm, join, sql, type Sql } from "@/lib/assets/sql";
import { assetCardSelect, toCard, type PortalAssetCard } from "@/lib/portal/asset-view";
import { PAGE_SIZE } from "@/lib/portal/browse";
import { visibleSql, type PortalScope } from "@/lib/portal/visibility";

// Search over what the viewer may see: every word must appear in the asset's name, title,
// description, tags or type (searchText, written at receipt), with filters for the kind of file
// and its size.

export const FILE_TYPES = {
  image: { label: "Images", prefixes: ["image/"] },
  video: { label: "Videos", prefixes: ["video/"] },
  audio: { label: "Audio", prefixes: ["audio/"] },
  document: {
    label: "Documents",
    prefixes: ["application/pdf", "application/vnd.", "application/msword", "text/"],
  },
  archive: { label: "Archives", prefixes: ["application/zip", "application/x-"] },
} as const;
export type FileType = keyof typeof FILE_TYPES;

const MB = 1024 * 1024;
export const SIZES = {
  small: { label: "Under 1 MB", min: 0, max: MB },
  medium: { label: "1 – 10 MB", min: MB, max: 10 * MB },
  large: { label: "10 – 100 MB", min: 10 * MB, max: 100 * MB },
  huge: { label: "Over 100 MB", min: 100 * MB, max: Number.MAX_SAFE_INTEGER },
} as const;
export type SizeBucket = keyof typeof SIZES;

export const searchQuery = z.object({
  q: z.string().max(200).catch("").default(""),
  type: z
    .enum(Object.keys(FILE_TYPES) as [FileType, ...FileType[]])
    .optional()
    .catch(undefined),
  size: z
    .enum(Object.keys(SIZES) as [SizeBucket, ...SizeBucket[]])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  view: z.enum(["card", "list"]).catch("card").default("card"),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** Results are counted up to this many; beyond it the page says "1,000+" and asks for more words. */
export const MAX_COUNTED = 1000;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Every word as a phrase of an FTS5 query (implicit AND). A trigram index finds only words of three
 * characters or more (code points); shorter words are left to the LIKE that rechecks every row.
 */
function ftsQuery(words: string[]): string | null {
  const indexed = words.filter((w) => [...w].length >= 3);
  return indexed.length ? indexed.map((w) => `"${w.replaceAll('"', '""')}"`).join(" ") : null;
}

export async function searchAssets(
  v: PortalScope,
  q: Pick<SearchQuery, "q" | "type" | "size" | "page">,
): Promise<{
  assets: PortalAssetCard[];
  total: number;
  page: number;
  pages: number;
  words: string[];
  more: boolean;
}> {
  const words = [...new Set(q.q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8);
  // Qualified: on SQLite the trigram index's own "searchText" column joins in.
  const conds: Sql[] = [visibleSql(v), ...words.map((w) => containsTerm("PortalAsset.searchText", w))];
  if (q.type) {
    conds.push(
      sql`(${join(
        FILE_TYPES[q.type].prefixes.map((p) => sql`"mimeType" LIKE ${`${escapeLike(p)}%`} ESCAPE '\\'`),
        " OR ",
      )})`,
    );
  }
  if (q.size) conds.push(sql`"size" >= ${SIZES[q.size].min} AND "size" < ${SIZES[q.size].max}`);
  const where = join(conds, " AND ");
  const offset = (q.page - 1) * PAGE_SIZE;
  const match = dbProvider === "sqlite" ? ftsQuery(words) : null;

  // The words' trigram index (SQLite FTS5, PostgreSQL pg_trgm: see the search_index migrations)
  // finds the rows holding every word; the LIKEs above recheck each of them, so the index only ever
  // narrows and the results are exactly the substring matches. On SQLite the join starts from the
  // index (CROSS JOIN keeps that order) and stops at MAX_COUNTED + 1 matches; PostgreSQL chooses
  // between the index and a scan from its statistics.
  const from = match
    ? sql`"PortalAssetSearch" CROSS JOIN "PortalAsset" ON "PortalAsset"."rowid" = "PortalAssetSearch"."rowid" WHERE "PortalAssetSearch" MATCH ${match} AND ${where}`
    : sql`"PortalAsset" WHERE ${where}`;
  const counted = await db.$queryRaw<{ n: number | bigint }[]>(
    sql`SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM ${from} LIMIT ${MAX_COUNTED + 1}) AS "m"`,
  );
  const total = Number(counted[0]?.n ?? 0);
  // Newest first. Many matches: walk the (tenantId, publishedAt) index, which meets 48 of them
  // soon and needs no sort. A few (the count saw them all): take them from the words' index and
  // sort them, rather than walking every row of the tenant in date order to find them (a
  // planner guessing from a LIMIT would walk). A MATERIALIZED CTE keeps PostgreSQL from walking.
  const page = sql`ORDER BY "publishedAt" DESC LIMIT ${PAGE_SIZE} OFFSET ${offset}`;
  const rows =
    total <= offset
      ? []
      : await db.$queryRaw<{ id: string }[]>(
          total > MAX_COUNTED
            ? sql`SELECT "id" FROM "PortalAsset" WHERE ${where} ${page}`
            : match
              ? sql`SELECT "PortalAsset"."id" AS "id" FROM ${from} ${page}`
              : sql`WITH "m" AS MATERIALIZED (SELECT "id", "publishedAt" FROM "PortalAsset" WHERE ${where}) SELECT "id" FROM "m" ${page}`,
        );
  const found = rows.length
    ? await db.portalAsset.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: assetCardSelect })
    : [];
  const byId = new Map(found.map((a) => [a.id, a]));
  return {
    assets: rows.flatMap((r) => (byId.has(r.id) ? [toCard(byId.get(r.id)!)] : [])),
    total,
    page: q.page,
    pages: Math.max(1, Math.ceil(Math.min(total, MAX_COUNTED) / PAGE_SIZE)),
    words,
    more: total > MAX_COUNTED,
  };
}
