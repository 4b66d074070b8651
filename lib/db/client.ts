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

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

// Prisma's SQLite transactions begin DEFERRED: a transaction that reads, then writes, fails with
// SQLITE_BUSY_SNAPSHOT when another connection (the hot path's, lib/db/direct.ts, or another
// process) committed in between, which WAL makes likely while agents publish. So every
// transaction takes the write lock first, as BEGIN IMMEDIATE would: a write that changes nothing.
const TAKE_WRITE_LOCK = { sql: `UPDATE "_outpost_migrations" SET "name" = "name" WHERE 0`, args: [], argTypes: [] };
const ROLLBACK = { sql: "ROLLBACK", args: [], argTypes: [] };

/** Prisma's SQLite adapter, composed: its connections' transactions hold the write lock from the start. */
function sqliteAdapter(url: string) {
  const inner = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  const connect = async (): Promise<SqliteAdapter> => {
    const c = await inner.connect();
    // Per connection and safe with WAL: a commit is durable once the WAL is synced at checkpoint.
    await c.executeScript("PRAGMA synchronous = NORMAL");
    return {
      provider: c.provider,
      adapterName: c.adapterName,
      queryRaw: (q) => c.queryRaw(q),
      executeRaw: (q) => c.executeRaw(q),
      executeScript: (script) => c.executeScript(script),
      getConnectionInfo: c.getConnectionInfo && (() => c.getConnectionInfo!()),
      dispose: () => c.dispose(),
      async startTransaction(isolationLevel) {
        const tx = await c.startTransaction(isolationLevel);
        try {
          await tx.executeRaw(TAKE_WRITE_LOCK);
        } catch (e) {
          await tx.executeRaw(ROLLBACK).catch(() => 0);
          await tx.rollback();
          throw e;
        }
        return tx;
      },
    };
  };
  return { provider: "sqlite" as const, adapterName: inner.adapterName, connect };
}

function createSqlite(url: string) {
  return new PrismaClient({ adapter: sqliteAdapter(url), omit });
}

/** The app-wide client type (the PostgreSQL client is structurally the same). */
export type Db = ReturnType<typeof createSqlite>;

/** One models file, two generated clients: one client cannot serve both providers. */
export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), omit }) as unknown as Db;
  }
  return createSqlite(url);
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
