import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { enqueueJobs } from "@/lib/replication/queue/enqueue";
import { notifyQueue } from "@/lib/replication/queue/wake";
import type { StoredScope } from "@/lib/publication/create-publication";
import { configForPublishing } from "@/lib/publication/config-for-publishing";
import { describeScope, expandScope } from "@/lib/publication/expand-scope";

// Starts a scheduled publication. Exactly once, whatever number of schedulers race for it: the
// transaction begins by moving the row from "scheduled" to "running" (and claiming its firedKey
// slot); a second scheduler's update matches no row (on PostgreSQL it waits for the first
// transaction's row lock and then sees the new state). The scope is expanded here, so what a folder
// holds is fixed at this moment.

export type StartResult = "started" | "taken" | "failed";

export async function startScheduledPublication(id: string, nowMs: number): Promise<StartResult> {
  const now = new Date(nowMs);
  let configId: string | null = null;
  try {
    const started = await db.$transaction(
      async (tx) => {
        const pub = await tx.publication.findUnique({ where: { id } });
        if (!pub || pub.state !== "scheduled" || !pub.scheduledAt || pub.scheduledAt.getTime() > nowMs) return false;
        const { count } = await tx.publication.updateMany({
          where: { id, state: "scheduled" },
          data: { state: "running", startedAt: now, firedKey: `${id}@${pub.scheduledAt.toISOString()}` },
        });
        if (!count) return false;
        const config = await configForPublishing(pub.configId);
        const scope = JSON.parse(pub.scope) as StoredScope;
        const summary = await describeScope(
          scope.map((s) => ({ kind: s.kind, id: s.id })),
          tx,
        );
        if (!summary.rows.length)
          throw new UserError("Every item of the scope was deleted before the activation time: nothing to publish.");
        const expansion = await expandScope(tx, pub.action === "unpublish" ? "unpublish" : "publish", summary.rows);
        await enqueueJobs(tx, {
          configId: config.id,
          publicationId: id,
          requestedBy: pub.createdById,
          items: expansion.items,
        });
        const gone = scope.filter((s) => summary.missing.some((m) => m.id === s.id));
        await tx.publication.update({
          where: { id },
          data: {
            itemCount: expansion.items.length,
            byteCount: BigInt(expansion.bytes),
            error: gone.length
              ? `${gone.length} item${gone.length === 1 ? " was" : "s were"} deleted before the activation time and not published: ${gone
                  .map((g) => g.path)
                  .join(", ")
                  .slice(0, 1500)}`
              : null,
          },
        });
        configId = config.id;
        return true;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    if (!started) return "taken";
    if (configId) notifyQueue(configId);
    return "started";
  } catch (e) {
    // Nothing was written: record why, once (another scheduler may have recorded it already).
    const message =
      e instanceof UserError ? e.message : "The publication could not start because of a server error (see the log).";
    if (!(e instanceof UserError)) console.error(`[publication] ${id} could not start`, e);
    const { count } = await db.publication.updateMany({
      where: { id, state: "scheduled" },
      data: { state: "failed", startedAt: now, completedAt: now, error: message },
    });
    return count ? "failed" : "taken";
  }
}
