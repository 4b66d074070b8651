import "server-only";
import { direct } from "@/lib/db";
import { dbProvider } from "@/lib/env";
import { sql } from "@/lib/assets/sql";

// PostgreSQL plans the claim and the completion from its statistics of the job table, and keeps
// each connection's plan of a prepared statement until those statistics change. Autovacuum
// refreshes them at most once a minute, after a tenth of the table changed; a bulk enqueue changes
// the table's shape at once (an empty table of a new install becomes thousands of queued jobs), and
// plans made for the table as it was walked all of it on every claim for up to that minute. So, as
// PostgreSQL advises after a bulk load, an enqueue that adds a tenth of the table (and at least
// MIN_ROWS) analyses it right after its commit, in the background. SQLite keeps no statistics
// unless asked and plans these statements from their indexes.

const MIN_ROWS = 100;
let added = 0;
let rowsAtLastAnalyze = 0;
let analysing = false;

/** Counts jobs an enqueue is adding (before its commit). */
export function jobsAdded(n: number): void {
  if (dbProvider === "postgresql") added += n;
}

/** After a commit: analyses the job table if enough jobs were added since it last did. */
export function analyseIfGrown(): void {
  if (analysing || added < Math.max(MIN_ROWS, rowsAtLastAnalyze / 10)) return;
  analysing = true;
  added = 0;
  void (async () => {
    await direct.execute(sql`ANALYZE "ReplicationJob"`);
    const [r] = await direct.query<{ n: number }>(
      sql`SELECT CAST(reltuples AS FLOAT8) AS "n" FROM pg_class WHERE oid = CAST(${'"ReplicationJob"'} AS REGCLASS)`,
    );
    rowsAtLastAnalyze = Math.max(0, Number(r?.n ?? 0));
  })()
    .catch((e) => console.warn(`[replication] analysing the job table failed: ${(e as Error).message}`))
    .finally(() => (analysing = false));
}
