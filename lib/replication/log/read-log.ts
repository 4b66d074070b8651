import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { flushLogs, LOG_LEVELS, type LogLevel } from "@/lib/replication/log/append-log";

// The View Log page: newest first, filtered by minimum level and by text (message or path).
export async function readLog(agentId: string, opts: { level?: LogLevel; q?: string; skip?: number; take?: number }) {
  const agent = await db.replicationAgent.findUnique({ where: { id: agentId }, select: { id: true } });
  if (!agent) throw notFound("The replication agent");
  await flushLogs();
  const levels = opts.level ? LOG_LEVELS.slice(LOG_LEVELS.indexOf(opts.level)) : [...LOG_LEVELS];
  const q = opts.q?.trim();
  const where = {
    agentId,
    level: { in: levels },
    ...(q ? { OR: [{ message: { contains: q } }, { path: { contains: q } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.agentLogEntry.findMany({ where, orderBy: { id: "desc" }, skip: opts.skip ?? 0, take: opts.take ?? 100 }),
    db.agentLogEntry.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      level: r.level,
      message: r.message,
      path: r.path,
      action: r.action,
      durationMs: r.durationMs,
      bytes: r.bytes === null ? null : Number(r.bytes),
      statusCode: r.statusCode,
      result: r.result,
    })),
  };
}
