import { PrismaClient } from "@/generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "@/generated/postgres/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// Fail safe: secrets are read only where a query asks for them (`omit: { passwordHash: false }`).
const omit = {
  user: { passwordHash: true },
  gatewayApplication: { secretEnc: true },
  gatewaySigningKey: { privateEnc: true },
  configKeyPair: { privateEnc: true },
} as const;

function createSqlite(url: string) {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }), omit });
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
