import { PrismaClient } from "@/generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "@/generated/postgres/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// Fail safe: secrets are read only where a query asks for them (`omit: { passwordHash: false }`).
const omit = {
  user: { passwordHash: true },
  portalUser: { passwordHash: true },
  gatewayApplication: { secretEnc: true },
  gatewaySigningKey: { privateEnc: true },
  configKeyPair: { privateEnc: true },
} as const;

// The better-sqlite3 connection under each SQLite client (its own prepare, not the adapter's), for
// the statements lib/db/direct.ts runs.
const sqliteHandles = new WeakMap<object, Pick<SqliteHandle, "prepare">>();

function createSqlite(url: string) {
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  const connect = adapter.connect.bind(adapter);
  let client: PrismaClient | undefined = undefined;
  adapter.connect = async () => {
    const connection = await connect();
    const handle = (connection as unknown as { client: SqliteHandle }).client;
    sqliteHandles.set(client!, { prepare: handle.prepare.bind(handle) });
    tuneSqlite(handle);
    return connection;
  };
  client = new PrismaClient({ adapter, omit });
  return client;
}

/** The connection a SQLite client opened (connecting it first). */
export async function sqliteHandleOf(db: Db): Promise<Pick<SqliteHandle, "prepare">> {
  let handle = sqliteHandles.get(db);
  if (!handle) {
    await db.$connect();
    handle = sqliteHandles.get(db);
  }
  if (!handle) throw new Error("not a SQLite client");
  return handle;
}

export type Statement = {
  reader: boolean;
  run(args?: unknown[]): { changes: number };
  all(args?: unknown[]): unknown[];
  columns(): unknown[];
  raw(on: boolean): { all(args?: unknown[]): unknown[] };
  safeIntegers(on: boolean): Statement;
};
export type SqliteHandle = { pragma(sql: string): unknown; prepare(sql: string): Statement };

/**
 * The connection the adapter opened: WAL is set by the migration (persistent); synchronous=NORMAL
 * is per connection and safe with WAL (a commit is durable once the WAL is synced at checkpoint;
 * a power cut may lose the last commits, never corrupt). The adapter prepares every statement
 * anew (SQLite's compile of the queue's statements costs more than running them), so statements
 * are kept by SQL text and reused; the adapter's `prepare(sql).bind(args)` call shape is kept,
 * binding per call instead of permanently (better-sqlite3 binds a statement only once).
 */
function tuneSqlite(client: SqliteHandle) {
  client.pragma("synchronous = NORMAL");
  const cached = statementCache(500, client.prepare.bind(client));
  client.prepare = (sql: string) => {
    const s = cached(sql);
    const bound = (args: unknown[] = []) => ({
      reader: s.reader,
      run: () => s.run(args),
      columns: () => s.columns(),
      raw: () => ({ all: () => s.raw(true).all(args) }),
    });
    return {
      reader: s.reader,
      run: (args?: unknown[]) => s.run(args ?? []),
      columns: () => s.columns(),
      raw: (on: boolean) => s.raw(on),
      bind: bound,
    } as unknown as Statement;
  };
}

/**
 * Prepared statements by SQL text, the least recently used dropped first: statements of one-off
 * shapes (a batch of some size) pass through without pushing out those every job runs.
 */
export function statementCache(max: number, prepare: (sql: string) => Statement): (sql: string) => Statement {
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

/** The app-wide client type (the PostgreSQL client is structurally the same). */
export type Db = ReturnType<typeof createSqlite>;

/** One models file, two generated clients: one client cannot serve both providers. */
export function createDb(url: string): Db {
  if (/^postgres(ql)?:\/\//.test(url)) {
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), omit }) as unknown as Db;
  }
  return createSqlite(url);
}
