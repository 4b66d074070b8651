import "server-only";
import { db } from "@/lib/db";
import { queueItems } from "@/lib/replication/queue/read-queue";
import { notFound } from "@/lib/errors";
import { agentSummaries, type AgentSummary } from "@/lib/replication/agents/overview";

// The agent page: its summary, its settings, and a page of its queue (waiting, running and
// parked items, in queue order).

export type QueueItem = {
  id: number;
  path: string;
  action: string;
  kind: string;
  attempts: number;
  state: string;
  nextAttemptAt: string | null;
  lastError: string | null;
  lastStatus: number | null;
  createdAt: string;
};

export type AgentDetail = AgentSummary & {
  settings: {
    retryDelayMs: number;
    maxAttempts: number;
    logLevel: string;
    connectTimeoutMs: number;
    socketTimeoutMs: number;
  };
  items: { rows: QueueItem[]; total: number; page: number; pageSize: number };
};

export async function agentDetail(agentId: string, opts: { page: number; pageSize: number }): Promise<AgentDetail> {
  const [summary] = await agentSummaries({ id: agentId });
  if (!summary) throw notFound("The replication agent");
  const settings = await db.replicationAgent.findUniqueOrThrow({
    where: { id: agentId },
    select: { retryDelayMs: true, maxAttempts: true, logLevel: true, connectTimeoutMs: true, socketTimeoutMs: true },
  });
  const { rows, total } = await queueItems(agentId, opts.page, opts.pageSize);
  return {
    ...summary,
    settings,
    items: {
      total,
      page: opts.page,
      pageSize: opts.pageSize,
      rows: rows.map((j) => ({
        id: j.id,
        path: j.path,
        action: j.action,
        kind: j.kind,
        attempts: j.attempts,
        state: j.state,
        nextAttemptAt: j.state === "queued" ? j.nextAttemptAt.toISOString() : null,
        lastError: j.lastError,
        lastStatus: j.lastStatus,
        createdAt: j.createdAt.toISOString(),
      })),
    },
  };
}
