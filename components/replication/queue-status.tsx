import { StatusLight } from "@/components/ui/status-light";
import type { AgentSummary } from "@/lib/replication/agents/overview";

// The words AEM users look for: Idle, Active – N pending, Blocked – N pending.

export function queueLabel(q: AgentSummary["queue"], prefix = false): string {
  const lead = prefix ? "Queue is " : "";
  if (q.state === "idle") return prefix ? "Queue is idle" : "Idle";
  return `${lead}${prefix ? q.state : q.state === "active" ? "Active" : "Blocked"} – ${q.pending} pending`;
}

export function QueueStatus({ queue, prefix }: { queue: AgentSummary["queue"]; prefix?: boolean }) {
  const tone = queue.state === "idle" ? "neutral" : queue.state === "active" ? "info" : "negative";
  return <StatusLight tone={tone}>{queueLabel(queue, prefix)}</StatusLight>;
}

export function AgentState({ agent }: { agent: Pick<AgentSummary, "enabled" | "paused"> }) {
  if (!agent.enabled) return <StatusLight tone="neutral">Disabled</StatusLight>;
  if (agent.paused) return <StatusLight tone="notice">Paused</StatusLight>;
  return <StatusLight tone="positive">Enabled</StatusLight>;
}
