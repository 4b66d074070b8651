"use server";
import { action } from "@/lib/actions/action";
import { setAgentPaused, updateAgentSettings } from "@/lib/replication/agents/update-agent";
import { clearQueue, forceRetry, removeJob, retryJob } from "@/lib/replication/queue/queue-ops";
import { agentIdInput, agentSettingsInput, jobInput, pauseInput } from "@/lib/replication/schemas";
import { testConnection } from "@/lib/replication/test-connection";

// The replication console's mutations (administrators only). Reads go through the route handlers
// in app/api/replication, which the pages poll.

export const updateAgentAction = action({ role: "administrator", input: agentSettingsInput }, async (input) => {
  const a = await updateAgentSettings(input);
  return { name: a.name };
});

export const setPausedAction = action({ role: "administrator", input: pauseInput }, async ({ agentId, paused }) => {
  await setAgentPaused(agentId, paused);
  return { paused };
});

export const testConnectionAction = action({ role: "administrator", input: agentIdInput }, ({ agentId }) =>
  testConnection(agentId),
);

export const retryJobAction = action({ role: "administrator", input: jobInput }, ({ agentId, jobId }) =>
  retryJob(agentId, jobId),
);
export const removeJobAction = action({ role: "administrator", input: jobInput }, ({ agentId, jobId }) =>
  removeJob(agentId, jobId),
);
export const forceRetryAction = action({ role: "administrator", input: agentIdInput }, ({ agentId }) =>
  forceRetry(agentId),
);
export const clearQueueAction = action({ role: "administrator", input: agentIdInput }, ({ agentId }) =>
  clearQueue(agentId),
);
