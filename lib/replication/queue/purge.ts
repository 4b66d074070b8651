import "server-only";
import { db } from "@/lib/db";

// Finished jobs stay for a while (publication progress and history read them), then go.
export const KEEP_FINISHED_MS = 30 * 24 * 3600_000;

export async function purgeFinishedJobs(nowMs: number, keepMs = KEEP_FINISHED_MS): Promise<number> {
  const { count } = await db.replicationJob.deleteMany({
    where: { state: { in: ["done", "skipped"] }, completedAt: { lt: new Date(nowMs - keepMs) } },
  });
  return count;
}
