import "server-only";

// The start-up task (lib/runtime/tasks.ts): the Publish Later scheduler, on nodes where workers are on.
export const publicationTask = {
  name: "publication",
  start: async () => {
    const { startScheduler } = await import("@/lib/publication/scheduler");
    const scheduler = startScheduler();
    return () => scheduler.stop();
  },
};
