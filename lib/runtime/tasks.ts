import "server-only";
import { seedGateway, startGatewayHousekeeping } from "@/lib/gateway/tasks";
import { assetsTask } from "@/lib/assets/task";
import { replicationTask } from "@/lib/replication/task";
import { startPortalRenditionWorker } from "@/lib/portal/renditions";
import { publicationTask } from "@/lib/publication/task";
import { purgeExpiredSessions } from "@/lib/auth/sessions";
import { purgeExpiredPortalSessions } from "@/lib/portal/sessions";
import { startHousekeeping } from "@/lib/runtime/housekeeping";

// The domains' start-up work, in order. A domain adds its entry here: seeding runs once per start,
// `start` launches background work (only where workers are on) and returns its stop function.
type Task = {
  name: string;
  seed?: (opts: { demoContent: boolean }) => Promise<void>;
  start?: () => Promise<() => Promise<void>>;
};

const tasks: Task[] = [
  { name: "gateway", seed: seedGateway, start: startGatewayHousekeeping },
  assetsTask,
  replicationTask,
  { name: "portal", start: async () => startPortalRenditionWorker() },
  publicationTask,
  // Expired sign-ins of the console and the portal: their rows would otherwise stay for ever.
  { name: "sessions", start: () => startHousekeeping("sessions", [purgeExpiredSessions, purgeExpiredPortalSessions]) },
];

const stops: (() => Promise<void>)[] = [];

export async function startTasks(opts: { demoContent: boolean; workers: boolean }): Promise<void> {
  for (const t of tasks) await t.seed?.(opts);
  if (!opts.workers) return;
  for (const t of tasks) if (t.start) stops.push(await t.start());
}

let stopping: Promise<void> | null = null;
/** Idempotent: SIGTERM and SIGINT may both arrive. */
export function stopTasks(): Promise<void> {
  stopping ??= Promise.allSettled(stops.map((s) => s())).then(() => undefined);
  return stopping;
}
