import "server-only";
import { db } from "@/lib/db";
import { publicationCounts } from "@/lib/replication/queue/publication-jobs";

// A running publication is over when none of its jobs waits or runs: Completed, or Completed with
// errors when some failed. Pages derive the same from the counts, so this only has to persist it.
export async function finishPublications(nowMs: number): Promise<number> {
  const running = await db.publication.findMany({
    where: { state: { in: ["running", "queued"] } },
    select: { id: true },
    take: 500,
  });
  if (!running.length) return 0;
  const counts = await publicationCounts(
    running.map((r) => r.id),
    new Date(nowMs),
  );
  let n = 0;
  for (const { id } of running) {
    const c = counts.get(id)!;
    if (c.queued + c.running > 0) continue;
    const { count } = await db.publication.updateMany({
      where: { id, state: { in: ["running", "queued"] } },
      data: { state: c.failed > 0 ? "failed" : "done", completedAt: c.lastAt ?? new Date(nowMs) },
    });
    n += count;
  }
  return n;
}
