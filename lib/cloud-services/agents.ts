// The four replication agents every Brand Portal configuration gets: they share the jobs evenly
// (the reference: "the replication agents work in parallel … activated by default"). The
// replication domain owns everything about them after creation.

export const AGENT_COUNT = 4;

export const agentName = (position: number) => `Brand Portal agent ${position}`;

/** Rows for prisma's nested create, positions 1..4, enabled. */
export function newAgentRows(configTitle: string) {
  return Array.from({ length: AGENT_COUNT }, (_, i) => ({
    name: agentName(i + 1),
    description: `Publishes to Brand Portal for "${configTitle}" (${i + 1} of ${AGENT_COUNT})`,
    position: i + 1,
    enabled: true,
  }));
}
