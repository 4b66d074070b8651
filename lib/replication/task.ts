import "server-only";

// The start-up task (lib/runtime/tasks.ts): replication workers on nodes where workers are on.
export const replicationTask = {
  name: "replication",
  start: async () => {
    const { startReplicationRuntime } = await import("@/lib/replication/worker/runtime");
    const runtime = startReplicationRuntime();
    return () => runtime.stop();
  },
};
