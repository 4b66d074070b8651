import "server-only";
import { registerNode, startHeartbeat, type NodeRole } from "@/lib/cluster/registry";
import { checkBlobStore, checkClusterKeys } from "@/lib/cluster/start-checks";
import { migrate } from "@/lib/db/migrate";
import { databaseUrl, dbProvider, env } from "@/lib/env";
import { checkSecretKey } from "@/lib/runtime/key-check";
import { ensureFirstAdmin } from "@/lib/runtime/first-admin";
import { announcePublicUrl } from "@/lib/runtime/public-url-check";
import { startTasks, stopTasks } from "@/lib/runtime/tasks";

/** This node's role: web nodes serve the UI; worker nodes (npm run worker) only run the background work. */
export function webRole(): NodeRole {
  return env.OUTPOST_WORKERS === "on" ? "all" : "web";
}

/**
 * Everything a node does before it serves: migrate, check keys and storage against the cluster,
 * register in the node registry, first admin, demo content, workers.
 */
export async function bootstrap(role: NodeRole = webRole()): Promise<{ stop: () => Promise<void> }> {
  const applied = await migrate(databaseUrl);
  if (applied.length) console.log(`[outpost] ${dbProvider}: applied ${applied.length} migration(s)`);
  await checkSecretKey();
  announcePublicUrl();
  await checkClusterKeys(role);
  await checkBlobStore();
  await registerNode(role);
  const stopHeartbeat = startHeartbeat();
  await ensureFirstAdmin();
  await startTasks({ demoContent: env.OUTPOST_DEMO_CONTENT === "on", workers: role !== "web" });
  const stop = () => stopTasks().finally(stopHeartbeat);
  const exit = () => void stop().finally(() => process.exit(0));
  process.once("SIGTERM", exit);
  process.once("SIGINT", exit);
  return { stop };
}

/** bootstrap(), and on failure a clear message and exit: a node that cannot start must not serve. */
export async function startNode(role?: NodeRole): Promise<{ stop: () => Promise<void> }> {
  try {
    return await bootstrap(role);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`\n${message}\n`);
    if (!message.startsWith("Outpost cannot start")) console.error(e);
    process.exit(1);
  }
}
