import "server-only";
import { direct } from "@/lib/db";
import { join, raw, sql } from "@/lib/assets/sql";

// Token buckets of the token endpoint, in the database so that every node shares them (with N
// nodes, a per-node limit would let a flood through N times). One row per bucket, updated by one
// atomic upsert that refills, takes and answers in the same statement: two nodes taking from the
// same bucket at once serialise on its row, and neither can take a token the other took.

export type BucketRule = { capacity: number; refillPerSecond: number };
export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number; first: boolean };
export type BucketState = { tokens: number; at: number; refusals: number };

const TABLE = raw(`"GatewayRateLimit"`);
const col = (c: string) => raw(`"GatewayRateLimit"."${c}"`);

/** Takes one token from each bucket (created full); answers per key, in the order given. */
export async function take(buckets: { key: string; rule: BucketRule }[], now = Date.now()): Promise<Taken[]> {
  return Promise.all(buckets.map((b) => takeOne(b.key, b.rule, now)));
}

async function takeOne(key: string, rule: BucketRule, now: number): Promise<Taken> {
  const cap = rule.capacity;
  const rate = rule.refillPerSecond;
  // The refilled level of the existing row, capped at the capacity (CASE: SQLite's MIN and
  // PostgreSQL's LEAST differ).
  const raw = sql`(${col("tokens")} + (CAST(${now} AS DOUBLE PRECISION) - ${col("at")}) / 1000.0 * CAST(${rate} AS DOUBLE PRECISION))`;
  const level = sql`(CASE WHEN ${raw} > ${cap} THEN CAST(${cap} AS DOUBLE PRECISION) ELSE ${raw} END)`;
  const [row] = await direct.query<{ tokens: number; refusals: number }>(sql`
    INSERT INTO ${TABLE} ("key", "tokens", "at", "refusals")
    VALUES (${key}, CAST(${cap - 1} AS DOUBLE PRECISION), CAST(${now} AS DOUBLE PRECISION), 0)
    ON CONFLICT ("key") DO UPDATE SET
      "tokens" = CASE WHEN ${level} >= 1 THEN ${level} - 1 ELSE ${level} END,
      "refusals" = CASE WHEN ${level} >= 1 THEN 0 ELSE ${col("refusals")} + 1 END,
      "at" = CAST(${now} AS DOUBLE PRECISION)
    RETURNING "tokens", "refusals"`);
  const refusals = Number(row.refusals);
  if (refusals === 0) return { ok: true };
  return { ok: false, retryAfterSeconds: retryAfter(Number(row.tokens), rate), first: refusals === 1 };
}

/** The buckets' levels now, without taking (missing keys are full buckets). */
export async function peek(keys: string[]): Promise<Map<string, BucketState>> {
  const rows = await direct.query<{ key: string; tokens: number; at: number; refusals: number }>(
    sql`SELECT "key", "tokens", "at", "refusals" FROM ${TABLE} WHERE "key" IN (${join(keys)})`,
  );
  return new Map(
    rows.map((r) => [r.key, { tokens: Number(r.tokens), at: Number(r.at), refusals: Number(r.refusals) }]),
  );
}

/** The level of a peeked bucket at `now`. */
export const levelOf = (s: BucketState | undefined, rule: BucketRule, now: number) =>
  s ? Math.min(rule.capacity, s.tokens + ((now - s.at) / 1000) * rule.refillPerSecond) : rule.capacity;

/** Counts a refusal made on a peek (no token was due); answers whether it is the first of its burst. */
export async function noteRefusal(key: string): Promise<boolean> {
  const [row] = await direct.query<{ refusals: number }>(
    sql`UPDATE ${TABLE} SET "refusals" = "refusals" + 1 WHERE "key" = ${key} RETURNING "refusals"`,
  );
  return Number(row?.refusals ?? 1) === 1;
}

/** Records a moment against a key (a marker rather than a bucket: `at` is what is read). */
export async function mark(key: string, now = Date.now()): Promise<void> {
  await direct.execute(sql`
    INSERT INTO ${TABLE} ("key", "tokens", "at", "refusals") VALUES (${key}, 0, CAST(${now} AS DOUBLE PRECISION), 0)
    ON CONFLICT ("key") DO UPDATE SET "at" = CAST(${now} AS DOUBLE PRECISION)`);
}

/** Deletes buckets that have been full, and markers that have been stale, for `idleMs`. */
export async function pruneRateLimits(idleMs: number, now = Date.now()): Promise<number> {
  return direct.execute(sql`DELETE FROM ${TABLE} WHERE "at" < CAST(${now - idleMs} AS DOUBLE PRECISION)`);
}

/** Empties every bucket (tests). */
export async function clearRateLimits(): Promise<void> {
  await direct.execute(sql`DELETE FROM ${TABLE}`);
}

export const retryAfter = (tokens: number, rate: number) => Math.max(1, Math.ceil((1 - tokens) / rate));
