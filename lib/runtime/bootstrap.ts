import "server-only";
import { migrate } from "@/lib/db/migrate";
import { databaseUrl, dbProvider, env } from "@/lib/env";
import { checkSecretKey } from "@/lib/runtime/key-check";
import { ensureFirstAdmin } from "@/lib/runtime/first-admin";
import { announcePublicUrl } from "@/lib/runtime/public-url-check";
import { startTasks, stopTasks } from "@/lib/runtime/tasks";

/** Everything a node does before it serves: migrate, check keys, first admin, demo content, workers. */
export async function bootstrap(): Promise<void> {
  const applied = await migrate(databaseUrl);
  if (applied.length) console.log(`[outpost] ${dbProvider}: applied ${applied.length} migration(s)`);
  await checkSecretKey();
  announcePublicUrl();
  await ensureFirstAdmin();
  await startTasks({ demoContent: env.OUTPOST_DEMO_CONTENT === "on", workers: env.OUTPOST_WORKERS === "on" });
  const stop = () => void stopTasks().finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/** bootstrap(), and on failure a clear message and exit: a node that cannot start must not serve. */
export async function startNode(): Promise<void> {
  try {
    await bootstrap();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`\n${message}\n`);
    if (!message.startsWith("Outpost cannot start")) console.error(e);
    process.exit(1);
  }
}
