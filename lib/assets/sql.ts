import "server-only";
import { Prisma } from "@/generated/sqlite/client";

// Portable raw SQL pieces (SQLite and PostgreSQL both take these). Prisma's startsWith/contains do
// not escape LIKE wildcards, and '_' is legal in names: "/a_b/" must not match "/axb/".

export const sql = Prisma.sql;
export const raw = Prisma.raw;
export const join = Prisma.join;
export const empty = Prisma.empty;
export type Sql = Prisma.Sql;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `"path" LIKE '<prefix>/%'`: everything below a folder path. */
export function below(column: string, folderPath: string): Sql {
  return sql`${raw(`"${column}"`)} LIKE ${`${escapeLike(folderPath)}/%`} ESCAPE '\\'`;
}

/** `"col" LIKE '%<term>%'` for a lower-cased term; `Table.col` qualifies the column. */
export function containsTerm(column: string, term: string): Sql {
  const quoted = column
    .split(".")
    .map((c) => `"${c}"`)
    .join(".");
  return sql`${raw(quoted)} LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\'`;
}

/** `LOWER("col") LIKE '%<term>%'`: case-insensitive on both databases (PostgreSQL's LIKE is not). */
export function containsFolded(column: string, term: string): Sql {
  return sql`LOWER(${raw(`"${column}"`)}) LIKE ${`%${escapeLike(term.toLowerCase())}%`} ESCAPE '\\'`;
}

/** Splits an array into chunks (IN lists stay well below every driver's parameter limit). */
export function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
