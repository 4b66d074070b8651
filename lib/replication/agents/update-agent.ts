import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { moveStrandedJobs, takeShare } from "@/lib/replication/queue/rebalance";
import { notifyQueue, queueEvents } from "@/lib/replication/queue/wake";
import type { AgentSettingsInput } from "@/lib/replication/schemas";

// Changing an agent: its settings (Edit dialog), Enabled, and Pause/Resume. Pause is kept in the
// database, so it survives a restart. An agent that stops working hands its queued jobs to the
// others; one that comes back takes its share again.

async function rebalance(agentId: string, configId: string, working: boolean) {
  if (working) await takeShare(agentId);
  else await moveStrandedJobs(configId);
  queueEvents.emit("unblock", agentId);
  notifyQueue(configId);
}

export async function updateAgentSettings(input: AgentSettingsInput) {
  const before = await db.replicationAgent.findUnique({
    where: { id: input.agentId },
    select: { enabled: true, paused: true, configId: true },
  });
  if (!before) throw notFound("The replication agent");
  const { agentId, ...data } = input;
  const agent = await db.replicationAgent.update({ where: { id: agentId }, data });
  if (before.enabled !== agent.enabled) await rebalance(agentId, before.configId, agent.enabled && !agent.paused);
  return agent;
}

export async function setAgentPaused(agentId: string, paused: boolean) {
  const before = await db.replicationAgent.findUnique({ where: { id: agentId }, select: { configId: true } });
  if (!before) throw notFound("The replication agent");
  const agent = await db.replicationAgent.update({ where: { id: agentId }, data: { paused } });
  await rebalance(agentId, before.configId, agent.enabled && !paused);
  return agent;
}

export async function setAgentEnabled(agentId: string, enabled: boolean) {
  const before = await db.replicationAgent.findUnique({ where: { id: agentId }, select: { configId: true } });
  if (!before) throw notFound("The replication agent");
  const agent = await db.replicationAgent.update({ where: { id: agentId }, data: { enabled } });
  await rebalance(agentId, before.configId, enabled && !agent.paused);
  return agent;
}
