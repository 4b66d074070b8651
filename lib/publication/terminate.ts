import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { removePendingJobs } from "@/lib/replication/queue/publication-jobs";
import { getVisiblePublication, type Viewer } from "@/lib/publication/access";
import { notifyScheduler } from "@/lib/publication/scheduler-events";

// Terminate: a scheduled publication never starts; a running one stops: its jobs that have not
// started are removed (their items get their previous status back), jobs being sent finish, and
// finished ones stay in its history.
export async function terminatePublication(
  id: string,
  user: Viewer,
  nowMs = Date.now(),
): Promise<{ removed: number; state: string }> {
  const pub = await getVisiblePublication(id, user);
  const now = new Date(nowMs);
  if (pub.state === "scheduled") {
    const { count } = await db.publication.updateMany({
      where: { id, state: "scheduled" },
      data: { state: "terminated", completedAt: now },
    });
    if (count) {
      notifyScheduler();
      return { removed: 0, state: "terminated" };
    }
    // It started meanwhile: stop it as a running one.
  }
  const removed = await db.$transaction(
    async (tx) => {
      const cur = await tx.publication.findUnique({ where: { id }, select: { state: true, error: true } });
      if (!cur || !["running", "queued"].includes(cur.state))
        throw new UserError("This publication has already finished: there is nothing to terminate.", { status: 409 });
      const n = await removePendingJobs(tx, id);
      // The removed jobs leave its Items list, so the instance says how many were never sent.
      const note = n
        ? `Terminated before ${n} item${n === 1 ? " was" : "s were"} sent: ${n === 1 ? "it was" : "they were"} not delivered to Brand Portal.`
        : null;
      await tx.publication.update({
        where: { id },
        data: { state: "terminated", completedAt: now, error: [cur.error, note].filter(Boolean).join(" ") || null },
      });
      return n;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { removed, state: "terminated" };
}
