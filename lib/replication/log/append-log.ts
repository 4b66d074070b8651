import "server-only";
import { db } from "@/lib/db";

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

const sinceTrim = new Map<string, number>();
const TRIM_EVERY = 100;

export async function appendLog(agentId: string, threshold: string, entry: LogEntry, at = new Date()): Promise<void> {
  if (!logs(threshold, entry.level)) return;
  await db.agentLogEntry.create({
    data: {
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
    },
  });
  const n = (sinceTrim.get(agentId) ?? 0) + 1;
  sinceTrim.set(agentId, n);
  if (n >= TRIM_EVERY) {
    sinceTrim.set(agentId, 0);
    await trimLog(agentId);
  }
}

/** Drops all but the newest LOG_CAP entries of an agent. */
export async function trimLog(agentId: string, cap = LOG_CAP): Promise<number> {
  const edge = await db.agentLogEntry.findFirst({ where: { agentId }, orderBy: { id: "desc" }, skip: cap, select: { id: true } });
  if (!edge) return 0;
  const { count } = await db.agentLogEntry.deleteMany({ where: { agentId, id: { lte: edge.id } } });
  return count;
}
