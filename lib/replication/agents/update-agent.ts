import "server-only";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { unblockAgent } from "@/lib/replication/queue/wake";
import type { AgentSettingsInput } from "@/lib/replication/schemas";

// Changing an agent: its settings (Edit dialog), Enabled, and Pause/Resume. Pause is kept in the
// database, so it survives a restart. The queued jobs of an agent that stops working are taken by
// the others when they claim (lib/replication/queue/claim.ts); its workers are woken either way, on every node.

export async function updateAgentSettings(input: AgentSettingsInput) {
  const before = await db.replicationAgent.findUnique({
    where: { id: input.agentId },
    select: { configId: true, config: { select: { agents: { select: { id: true, name: true } } } } },
  });
  if (!before) throw notFound("The replication agent");
  // Agents are told apart by name in the console and the logs: one configuration's names differ.
  const same = before.config.agents.find(
    (a) => a.id !== input.agentId && a.name.toLocaleLowerCase() === input.name.toLocaleLowerCase(),
  );
  if (same) throw conflict(`Another agent of this configuration is named ${same.name}: choose another name.`, "name");
  const { agentId, ...data } = input;
  const agent = await db.replicationAgent.update({ where: { id: agentId }, data });
  unblockAgent(agentId, before.configId);
  return agent;
}

export async function setAgentPaused(agentId: string, paused: boolean) {
  const before = await db.replicationAgent.findUnique({ where: { id: agentId }, select: { configId: true } });
  if (!before) throw notFound("The replication agent");
  const agent = await db.replicationAgent.update({ where: { id: agentId }, data: { paused } });
  unblockAgent(agentId, before.configId);
  return agent;
}

export async function setAgentEnabled(agentId: string, enabled: boolean) {
  const before = await db.replicationAgent.findUnique({ where: { id: agentId }, select: { configId: true } });
  if (!before) throw notFound("The replication agent");
  const agent = await db.replicationAgent.update({ where: { id: agentId }, data: { enabled } });
  unblockAgent(agentId, before.configId);
  return agent;
}
