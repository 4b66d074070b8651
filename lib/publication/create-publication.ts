import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { enqueueJobs } from "@/lib/replication/queue/enqueue";
import { notifyQueue } from "@/lib/replication/queue/wake";
import { configForPublishing } from "@/lib/publication/config-for-publishing";
import { assertComplete, describeScope, expandScope, type ScopeRow } from "@/lib/publication/expand-scope";
import { notifyScheduler } from "@/lib/publication/scheduler-events";
import { activationProblem, TITLE_MAX, type PublicationAction, type ScopeItem } from "@/lib/publication/schemas";

// Creating a publication: now (Quick Publish, Manage Publication › Now) expands the scope and
// writes the Publication and all its jobs in one transaction; later (Publish Later) writes only the
// Publication, which the scheduler starts at its activation time.

export type StoredScope = { kind: ScopeItem["kind"]; id: string; path: string; title: string }[];

type Common = { action: PublicationAction; items: ScopeItem[]; configId?: string | null; userId: string };

export const actionLabel = (a: PublicationAction) =>
  a === "publish" ? "Publish to Brand Portal" : "Unpublish from Brand Portal";

/** "Publish to Brand Portal: Logo" or "… : Logo and 2 more". */
export function defaultTitle(action: PublicationAction, rows: { title: string }[]): string {
  const first = rows[0]?.title ?? "";
  const more = rows.length > 1 ? ` and ${rows.length - 1} more` : "";
  const t = `${actionLabel(action)}: ${first}${more}`;
  return t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1)}…` : t;
}

const stored = (rows: ScopeRow[]): StoredScope =>
  rows.map((r) => ({ kind: r.kind, id: r.id, path: r.path, title: r.title }));

export type Started = { id: string; title: string; jobs: number; assets: number; bytes: number };

/** Publishes (or unpublishes) now: one Publication with its jobs, spread over the agents. */
export async function publishNow(input: Common & { title?: string }, nowMs = Date.now()): Promise<Started> {
  const config = await configForPublishing(input.configId);
  const now = new Date(nowMs);
  const out = await db.$transaction(
    async (tx) => {
      const summary = await describeScope(input.items, tx);
      assertComplete(summary);
      const expansion = await expandScope(tx, input.action, summary.rows);
      const pub = await tx.publication.create({
        data: {
          title: input.title ?? defaultTitle(input.action, summary.rows),
          action: input.action,
          configId: config.id,
          scope: JSON.stringify(stored(summary.rows)),
          state: "running",
          createdById: input.userId,
          createdAt: now,
          startedAt: now,
          itemCount: expansion.items.length,
          byteCount: BigInt(expansion.bytes),
        },
        select: { id: true, title: true },
      });
      const { jobs } = await enqueueJobs(tx, {
        configId: config.id,
        publicationId: pub.id,
        requestedBy: input.userId,
        items: expansion.items,
      });
      return { id: pub.id, title: pub.title, jobs, assets: expansion.assets, bytes: expansion.bytes };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  notifyQueue(config.id);
  return out;
}

/** Checks an activation date: in the future, and not more than a year ahead. */
export function checkActivation(iso: string | undefined, nowMs: number): Date {
  if (!iso) throw new UserError("Choose an activation date and time.", { field: "activationDate" });
  const at = new Date(iso);
  const problem = activationProblem(at, nowMs);
  if (problem) throw new UserError(problem, { field: "activationDate" });
  return at;
}

/** Publish Later / Unpublish Later: a scheduled Publication; nothing is queued until it starts. */
export async function schedulePublication(
  input: Common & { activationDate?: string; title: string },
  nowMs = Date.now(),
): Promise<{ id: string; title: string; scheduledAt: string }> {
  const at = checkActivation(input.activationDate, nowMs);
  const config = await configForPublishing(input.configId);
  const summary = await describeScope(input.items);
  assertComplete(summary);
  const pub = await db.publication.create({
    data: {
      title: input.title,
      action: input.action,
      configId: config.id,
      scope: JSON.stringify(stored(summary.rows)),
      state: "scheduled",
      scheduledAt: at,
      createdById: input.userId,
      createdAt: new Date(nowMs),
    },
    select: { id: true, title: true },
  });
  notifyScheduler();
  return { ...pub, scheduledAt: at.toISOString() };
}
