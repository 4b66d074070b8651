// Runs before each test file: a fresh data dir and a fresh database (a SQLite file, or a new
// PostgreSQL database on TEST_DATABASE_URL's server), migrated with the app's own migrator.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";

const dir = mkdtempSync(path.join(process.env.OUTPOST_TEST_ROOT ?? os.tmpdir(), "file-"));
process.env.OUTPOST_DATA_DIR = dir;
process.env.OUTPOST_DEMO_CONTENT = "off";
process.env.OUTPOST_WORKERS = "off";

if (process.env.TEST_DATABASE_URL) {
  const server = new URL(process.env.TEST_DATABASE_URL);
  const name = `outpost_t_${process.env.OUTPOST_TEST_RUN ?? "x"}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  server.pathname = `/${name}`;
  process.env.DATABASE_URL = server.toString();
} else {
  process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
}
await migrate(process.env.DATABASE_URL);
