import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// One temp folder and one database-name prefix per vitest run: each test file makes its data dir
// and database inside them (tests/support/setup.ts), and the teardown removes exactly what this run
// made, so two runs on one machine never touch each other's files or databases.
export default function setup() {
  const run = Math.random().toString(36).slice(2, 8);
  const root = mkdtempSync(path.join(os.tmpdir(), "outpost-test-"));
  process.env.OUTPOST_TEST_ROOT = root;
  process.env.OUTPOST_TEST_RUN = run;
  return async function teardown() {
    rmSync(root, { recursive: true, force: true });
    if (!process.env.TEST_DATABASE_URL) return;
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `outpost_t_${run}_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.end();
  };
}
