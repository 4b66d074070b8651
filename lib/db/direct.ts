import pg from "pg";
import type { Prisma } from "@/generated/sqlite/client";
import { sqliteHandleOf, statementCache, type Db, type Statement } from "@/lib/db/client";

// A handful of statements run on every replication job and every delivery the portal receives:
// the claim, the completion, the tenant and asset lookups, the asset insert. Through Prisma each
// costs 100–250 µs of CPU (building the query, mapping arguments and rows); on the driver itself,
// 5–30 µs (measured on SQLite). Those statements, and only those, run here: the same SQL
// (Prisma.sql), the same connection on SQLite (so they behave exactly like Prisma's raw queries
// outside a transaction), a pool of their own on PostgreSQL. Everything else goes through Prisma.

export type DirectSql = {
  /** The rows of a SELECT, or of a statement with RETURNING, keyed by column name. */
  query<T>(q: Prisma.Sql): Promise<T[]>;
  /** How many rows an INSERT, UPDATE or DELETE changed. */
  execute(q: Prisma.Sql): Promise<number>;
};

export function createDirect(url: string, db: Db): DirectSql {
  return /^postgres(ql)?:\/\//.test(url) ? postgres(url) : sqlite(db);
}

function sqlite(db: Db): DirectSql {
  let cached: ((sql: string) => Statement) | undefined;
  async function prepare(sql: string): Promise<Statement> {
    if (!cached) {
      const { prepare: on } = await sqliteHandleOf(db);
      // Plain numbers: our integers are ids, counts and sizes.
      cached = statementCache(100, (text) => on(text).safeIntegers(false));
    }
    return cached(sql);
  }
  return {
    async query<T>(q: Prisma.Sql) {
      return (await prepare(q.sql)).all(q.values.map(sqliteValue)) as T[];
    },
    async execute(q: Prisma.Sql) {
      return (await prepare(q.sql)).run(q.values.map(sqliteValue)).changes;
    },
  };
}

/** As Prisma's SQLite adapter writes them: dates as ISO 8601 text, booleans as 0 or 1. */
function sqliteValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v ?? null;
}

function postgres(url: string): DirectSql {
  const pool = new pg.Pool({ connectionString: url, max: 10, allowExitOnIdle: true });
  return {
    async query<T>(q: Prisma.Sql) {
      return (await pool.query(q.text, q.values.map(postgresValue))).rows as T[];
    },
    async execute(q: Prisma.Sql) {
      return (await pool.query(q.text, q.values.map(postgresValue))).rowCount ?? 0;
    },
  };
}

/** As Prisma's PostgreSQL adapter writes them: timestamps (without time zone) in UTC. */
function postgresValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("T", " ").replace("Z", "");
  if (typeof v === "bigint") return v.toString();
  return v ?? null;
}
