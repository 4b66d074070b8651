import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import type { Prisma } from "@/generated/sqlite/client";
import { isPostgresUrl } from "@/lib/db/client";

// A handful of statements run on every replication job and every delivery the portal receives:
// the claim, the completion, the agent log, the tenant and asset lookups, the asset insert.
// Through Prisma each costs 100–250 µs of CPU (building the query, mapping arguments and rows);
// on the driver itself, 5–30 µs (measured on SQLite). Those statements, and only those, run here,
// on a connection of their own: never inside a transaction Prisma holds open, so a rollback there
// cannot undo what this path already reported. Everything else goes through Prisma.

export type DirectSql = {
  /** The rows of a SELECT, or of a statement with RETURNING, keyed by column name. */
  query<T>(q: Prisma.Sql): Promise<T[]>;
  /** How many rows an INSERT, UPDATE or DELETE changed. */
  execute(q: Prisma.Sql): Promise<number>;
  /**
   * `query`, while holding a lock named by the text `key` evaluates to: statements that must see
   * each other's effects across nodes (PostgreSQL: an advisory transaction lock; SQLite serialises
   * every writer already). For the claim: on PostgreSQL its commit does not wait for the disk
   * (synchronous_commit off), since a database crash that undid the last claims would only have
   * those jobs claimed again, and the portal answers a repeated delivery as a no-op.
   */
  queryLocked<T>(key: Prisma.Sql, q: Prisma.Sql): Promise<T[]>;
  close(): Promise<void>;
};

export function createDirect(url: string): DirectSql {
  return isPostgresUrl(url) ? postgres(url) : sqlite(url);
}

// better-sqlite3 waits for a lock synchronously, which stops the event loop, and with it the
// Prisma transaction of this process that holds the lock (a publication's enqueue: idle workers'
// claims kept blocking it for 20 ms each). So the driver never waits for a lock: a statement that
// finds the database locked tries again after a timer (1, 2, 4 … 50 ms), for up to
// BUSY_GIVE_UP_MS, while the transaction goes on.
const BUSY_GIVE_UP_MS = 10_000;

type Statement = Database.Statement<unknown[]>;

function sqlite(url: string): DirectSql {
  let conn: Database.Database | undefined;
  const open = () => {
    if (conn) return conn;
    conn = new Database(url.replace(/^file:/, ""), { timeout: 1_000 });
    conn.pragma("journal_mode = WAL"); // persistent, set by the migration; checked here for a bare file
    conn.pragma("synchronous = NORMAL"); // per connection, safe with WAL
    conn.pragma("busy_timeout = 0"); // from now on: see above
    return conn;
  };
  // SQLite compiles the queue's statements in more time than it runs them: keep them by SQL text.
  const prepare = statementCache(200, (text) => open().prepare(text).safeIntegers(false));
  async function run<T>(q: Prisma.Sql, apply: (s: Statement, args: unknown[]) => T): Promise<T> {
    const args = q.values.map(sqliteValue);
    const started = Date.now();
    for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
      try {
        return apply(prepare(q.sql), args);
      } catch (e) {
        const busy = (e as { code?: string }).code?.startsWith("SQLITE_BUSY");
        if (!busy || Date.now() - started > BUSY_GIVE_UP_MS) throw e;
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }
  return {
    query: <T>(q: Prisma.Sql) => run(q, (s, args) => s.all(...args) as T[]),
    queryLocked: <T>(_key: Prisma.Sql, q: Prisma.Sql) => run(q, (s, args) => s.all(...args) as T[]),
    execute: (q: Prisma.Sql) => run(q, (s, args) => s.run(...args).changes),
    async close() {
      conn?.close();
      conn = undefined;
    },
  };
}

/**
 * Prepared statements by SQL text, the least recently used dropped first: statements of one-off
 * shapes (a batch of some size) pass through without pushing out those every job runs.
 */
function statementCache(max: number, prepare: (sql: string) => Statement): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (stmt)
      cache.delete(sql); // re-inserted below: Map order is the order of use
    else {
      stmt = prepare(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return stmt;
  };
}

/** As Prisma's SQLite adapter writes them: dates as ISO 8601 text, booleans as 0 or 1. */
function sqliteValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v ?? null;
}

function postgres(url: string): DirectSql {
  // Named, so that each connection prepares a statement once, and planned once: PostgreSQL's plan
  // cache otherwise plans a statement again for every execution while it judges a plan for the
  // parameters' values cheaper than the generic one, and it judged so for the claim every time
  // (planning took 0.65 ms per claim, longer than running it). These statements look rows up by
  // key or walk an index range in order, so the generic plan is the one they want; when the
  // table's statistics change (statistics.ts), PostgreSQL makes it again.
  // Set at connection start, with whatever options the URL gives (the URL's would replace ours).
  const u = new URL(url);
  const options = [u.searchParams.get("options"), "-c plan_cache_mode=force_generic_plan"].filter(Boolean).join(" ");
  u.searchParams.delete("options");
  const pool = new pg.Pool({ connectionString: u.toString(), options, max: 10, allowExitOnIdle: true });
  const prepared = (q: Prisma.Sql) => ({
    name: `outpost_${createHash("sha1").update(q.text).digest("hex").slice(0, 24)}`,
    text: q.text,
    values: q.values.map(postgresValue),
  });
  return {
    async query<T>(q: Prisma.Sql) {
      return (await pool.query(prepared(q))).rows as T[];
    },
    async execute(q: Prisma.Sql) {
      return (await pool.query(prepared(q))).rowCount ?? 0;
    },
    async queryLocked<T>(key: Prisma.Sql, q: Prisma.Sql) {
      const client = await pool.connect();
      try {
        // One round trip for the transaction's start, its commit mode and the lock (the key's
        // values are inlined as literals, escaped by the driver: a query of several statements
        // takes no parameters).
        const literal = (v: unknown) => (typeof v === "number" ? String(v) : client.escapeLiteral(String(v)));
        const lockKey = key.text.replace(/\$(\d+)/g, (_, n: string) =>
          literal(postgresValue(key.values[Number(n) - 1])),
        );
        await client.query(
          `BEGIN; SET LOCAL synchronous_commit TO OFF; SELECT pg_advisory_xact_lock(hashtext(${lockKey}))`,
        );
        const { rows } = await client.query(prepared(q));
        await client.query("COMMIT");
        return rows as T[];
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** As Prisma's PostgreSQL adapter writes them: timestamps (without time zone) in UTC. */
function postgresValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("T", " ").replace("Z", "");
  if (typeof v === "bigint") return v.toString();
  return v ?? null;
}
