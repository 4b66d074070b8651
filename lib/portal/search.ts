import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { containsTerm, join, sql, type Sql } from "@/lib/assets/sql";
import { assetCardSelect, toCard, type PortalAssetCard } from "@/lib/portal/asset-view";
import { PAGE_SIZE } from "@/lib/portal/browse";
import { visibleSql, type PortalScope } from "@/lib/portal/visibility";

// Search over what the viewer may see: every word must appear in the asset's name, title,
// description, tags or type (searchText, written at receipt), with filters for the kind of file
// and its size. One scan gives the page and the total (COUNT(*) OVER ()).

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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchAssets(
  v: PortalScope,
  q: Pick<SearchQuery, "q" | "type" | "size" | "page">,
): Promise<{ assets: PortalAssetCard[]; total: number; page: number; pages: number; words: string[] }> {
  const words = [...new Set(q.q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8);
  const conds: Sql[] = [visibleSql(v), ...words.map((w) => containsTerm("searchText", w))];
  if (q.type) {
    conds.push(
      sql`(${join(
        FILE_TYPES[q.type].prefixes.map((p) => sql`"mimeType" LIKE ${`${escapeLike(p)}%`} ESCAPE '\\'`),
        " OR ",
      )})`,
    );
  }
  if (q.size) conds.push(sql`"size" >= ${SIZES[q.size].min} AND "size" < ${SIZES[q.size].max}`);
  const offset = (q.page - 1) * PAGE_SIZE;
  const rows = await db.$queryRaw<{ id: string; total: number | bigint }[]>(
    sql`SELECT "id", COUNT(*) OVER () AS "total" FROM "PortalAsset" WHERE ${join(conds, " AND ")}
      ORDER BY "publishedAt" DESC, "id" LIMIT ${PAGE_SIZE} OFFSET ${offset}`,
  );
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && offset > 0) {
    // Past the last page: count alone to offer the right pager.
    const c = await db.$queryRaw<{ n: number | bigint }[]>(
      sql`SELECT COUNT(*) AS "n" FROM "PortalAsset" WHERE ${join(conds, " AND ")}`,
    );
    total = Number(c[0]?.n ?? 0);
  }
  const found = rows.length
    ? await db.portalAsset.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: assetCardSelect })
    : [];
  const byId = new Map(found.map((a) => [a.id, a]));
  return {
    assets: rows.flatMap((r) => (byId.has(r.id) ? [toCard(byId.get(r.id)!)] : [])),
    total,
    page: q.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    words,
  };
}
