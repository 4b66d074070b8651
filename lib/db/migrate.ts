import { createHash } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

// Applies the checked-in migrations (prisma/<provider>/migrations, written by `npm run db:migration`)
// in order, each in one transaction, recorded in _outpost_migrations. Used by `npm start`, every
// node of a cluster (PostgreSQL: under an advisory lock) and the test setup.

type Migration = { name: string; sql: string; checksum: string };

function readMigrations(provider: "sqlite" | "postgres"): Migration[] {
  const dir = path.join(process.cwd(), "prisma", provider, "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function checkApplied(applied: Map<string, string>, all: Migration[]): Migration[] {
  for (const [name, checksum] of applied) {
    const m = all.find((x) => x.name === name);
    if (!m)
      throw new Error(
        `Database has migration ${name}, which this version of Outpost does not know: is it older than the database?`,
      );
    if (m.checksum !== checksum) throw new Error(`Migration ${name} was changed after it was applied; restore it.`);
  }
  return all.filter((m) => !applied.has(m.name));
}

export async function migrate(url: string): Promise<string[]> {
  return /^postgres(ql)?:\/\//.test(url) ? migratePostgres(url) : migrateSqlite(url);
}

function migrateSqlite(url: string): string[] {
  const file = url.replace(/^file:/, "");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const fresh = !existsSync(file);
  ownerOnly(file);
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL"); // persistent: readers never block the queue's writers
    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS _outpost_migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    const rows = sqlite.prepare("SELECT name, checksum FROM _outpost_migrations").all() as {
      name: string;
      checksum: string;
    }[];
    const pending = checkApplied(new Map(rows.map((r) => [r.name, r.checksum])), readMigrations("sqlite"));
    for (const m of pending) {
      sqlite.transaction(() => {
        sqlite.exec(m.sql);
        sqlite
          .prepare("INSERT INTO _outpost_migrations VALUES (?, ?, ?)")
          .run(m.name, m.checksum, new Date().toISOString());
      })();
    }
    if (fresh || pending.length) sqlite.pragma("optimize");
    return pending.map((m) => m.name);
  } finally {
    sqlite.close();
  }
}

/**
 * The database holds password hashes, sealed keys and the token log: like the key files, it is
 * readable by its owner only. Creating the file 0600 before SQLite opens it is enough for the -wal
 * and -shm files too (SQLite gives them the database file's mode); a copy made with a loose umask is
 * tightened.
 */
function ownerOnly(file: string) {
  if (!existsSync(file)) {
    try {
      closeSync(openSync(file, "wx", 0o600));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e; // another node made it first
    }
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f) && statSync(f).mode & 0o077) chmodSync(f, 0o600);
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(727274)"); // one node migrates, the others wait
    await client.query(
      `CREATE TABLE IF NOT EXISTS _outpost_migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const { rows } = await client.query<{ name: string; checksum: string }>(
      "SELECT name, checksum FROM _outpost_migrations",
    );
    const pending = checkApplied(new Map(rows.map((r) => [r.name, r.checksum])), readMigrations("postgres"));
    for (const m of pending) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query("INSERT INTO _outpost_migrations VALUES ($1, $2, now())", [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
}
