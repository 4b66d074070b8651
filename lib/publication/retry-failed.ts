import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { requeueFailedJobs } from "@/lib/replication/queue/publication-jobs";
import { notifyQueue } from "@/lib/replication/queue/wake";
import { getVisiblePublication, type Viewer } from "@/lib/publication/access";

// Retry failed items: the publication's failed jobs go back to the queue with their attempts reset,
// and the publication runs again until they are through.
export async function retryFailedItems(id: string, user: Viewer, nowMs = Date.now()): Promise<{ retried: number }> {
  const pub = await getVisiblePublication(id, user);
  if (pub.state === "terminated")
    throw new UserError("This publication was terminated: publish the items again instead.", { status: 409 });
  if (pub.state === "scheduled") throw new UserError("This publication has not started yet.", { status: 409 });
  const { count, configIds } = await db.$transaction(
    async (tx) => {
      const r = await requeueFailedJobs(tx, id, new Date(nowMs));
      if (r.count)
        await tx.publication.updateMany({
          where: { id, state: { not: "terminated" } },
          data: { state: "running", completedAt: null },
        });
      return r;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  if (!count)
    throw new UserError("No item of this publication has failed: there is nothing to retry.", { status: 409 });
  for (const c of configIds) notifyQueue(c);
  return { retried: count };
}
