import "server-only";
import { direct } from "@/lib/db";
import { join, sql } from "@/lib/assets/sql";

// The agent log: every delivery attempt and every Test Connection, kept to the newest
// LOG_CAP entries per agent (older ones are dropped as new ones arrive).

export const LOG_CAP = 5_000;
export const LOG_LEVELS = ["debug", "info", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogEntry = {
  level: LogLevel;
  message: string;
  path?: string | null;
  action?: string | null;
  durationMs?: number | null;
  bytes?: number | null;
  statusCode?: number | null;
  result?: string | null;
};

const rank = (l: string) => Math.max(0, LOG_LEVELS.indexOf(l as LogLevel));
/** Whether an entry of `level` is written for an agent whose Log Level is `threshold`. */
export const logs = (threshold: string, level: LogLevel) => rank(level) >= rank(threshold);

// Entries are written in batches (every 200 ms, or 100 at a time) so that logging costs the queue
// a fraction of a statement per job. Readers flush first; a crash loses at most the last moment.
type Row = {
  agentId: string;
  at: Date;
  level: string;
  message: string;
  path: string | null;
  action: string | null;
  durationMs: number | null;
  bytes: bigint | null;
  statusCode: number | null;
  result: string | null;
};
const g = globalThis as unknown as { outpostLogBuffer?: Row[] };
const buffer: Row[] = (g.outpostLogBuffer ??= []);
let timer: NodeJS.Timeout | null = null;
let flushing: Promise<void> = Promise.resolve();
const sinceTrim = new Map<string, number>();
const TRIM_EVERY = 100;
const BATCH = 100;
/** While the database cannot take entries, the oldest beyond this many are dropped. */
export const MAX_BUFFERED = 10_000;

export async function appendLog(agentId: string, threshold: string, entry: LogEntry, at = new Date()): Promise<void> {
  if (!logs(threshold, entry.level)) return;
  buffer.push({
    agentId,
    at,
    level: entry.level,
    message: entry.message.slice(0, 4000),
    path: entry.path ?? null,
    action: entry.action ?? null,
    durationMs: entry.durationMs === null || entry.durationMs === undefined ? null : Math.round(entry.durationMs),
    bytes: entry.bytes === null || entry.bytes === undefined ? null : BigInt(entry.bytes),
    statusCode: entry.statusCode ?? null,
    result: entry.result ?? null,
  });
  if (buffer.length > MAX_BUFFERED) buffer.splice(0, buffer.length - MAX_BUFFERED);
  if (buffer.length >= BATCH) return flushLogs();
  if (!timer) {
    timer = setTimeout(() => void flushLogs().catch((e) => console.error("[replication] log write failed", e)), 200);
    timer.unref();
  }
}

/**
 * Writes buffered entries now (readers call it first). A batch the database refuses is dropped and
 * the refusal is this call's error; the next flush starts afresh, so one failed write never
 * silences the log (each flush waits for the one before, whatever its outcome).
 */
export function flushLogs(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const next = flushing.catch(() => {}).then(writeBuffered);
  flushing = next;
  return next;
}

async function writeBuffered(): Promise<void> {
  const rows = buffer.splice(0);
  if (!rows.length) return;
  // One INSERT per batch on the driver (lib/db/direct.ts): through Prisma, compiling a batch of a
  // hundred rows allocated more memory than the hundred deliveries it logs.
  try {
    await insert(rows);
  } catch (e) {
    // One refused row (its agent was deleted meanwhile) must not take the others with it.
    let refused: unknown = undefined;
    for (const r of rows) await insert([r]).catch((e1: unknown) => (refused ??= e1));
    throw refused ?? e;
  }
  for (const r of rows) sinceTrim.set(r.agentId, (sinceTrim.get(r.agentId) ?? 0) + 1);
  for (const [agentId, n] of sinceTrim) {
    if (n < TRIM_EVERY) continue;
    sinceTrim.set(agentId, 0);
    await trimLog(agentId);
  }
}

function insert(rows: Row[]) {
  return direct.execute(sql`INSERT INTO "AgentLogEntry" ("agentId", "at", "level", "message", "path", "action", "durationMs", "bytes", "statusCode", "result")
    VALUES ${join(rows.map((r) => sql`(${r.agentId}, ${r.at}, ${r.level}, ${r.message}, ${r.path}, ${r.action}, ${r.durationMs}, ${r.bytes}, ${r.statusCode}, ${r.result})`))}`);
}

/** Drops all but the newest LOG_CAP entries of an agent. */
export async function trimLog(agentId: string, cap = LOG_CAP): Promise<number> {
  const [edge] = await direct.query<{ id: number }>(
    sql`SELECT "id" FROM "AgentLogEntry" WHERE "agentId" = ${agentId} ORDER BY "id" DESC LIMIT 1 OFFSET ${cap}`,
  );
  if (!edge) return 0;
  return direct.execute(sql`DELETE FROM "AgentLogEntry" WHERE "agentId" = ${agentId} AND "id" <= ${edge.id}`);
}
