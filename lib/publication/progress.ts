import "server-only";
import { db } from "@/lib/db";
import { publicationCounts, publicationJobs, type JobCounts } from "@/lib/replication/queue/publication-jobs";
import { getVisiblePublication, visibleTo, type Viewer } from "@/lib/publication/access";
import { actionLabel, type StoredScope } from "@/lib/publication/create-publication";
import { assetsAddedSince } from "@/lib/publication/expand-scope";
import type { InstanceDetail, InstanceList, InstanceRow, InstanceState } from "@/lib/publication/types";

// Tools › Workflow › Instances: every publication the viewer may see, with its state and progress
// read from its jobs (done / failed / total, and while it runs the rate and the time left).

const RATE_WINDOW_MS = 30_000;

type Pub = Awaited<ReturnType<typeof db.publication.findMany>>[number];
type Counts = JobCounts & { recent: number; lastAt: Date | null };

function stateOf(p: Pub, c: Counts): InstanceState {
  if (p.state === "scheduled") return "Scheduled";
  if (p.state === "terminated") return "Terminated";
  const live = c.queued + c.running;
  if ((p.state === "running" || p.state === "queued") && live > 0) return "Running";
  // An error note: part of the scope was deleted before it started, or left the queue unsent.
  return p.state === "failed" || c.failed || p.error ? "Completed with errors" : "Completed";
}

type Caps = Map<string, number | null>;

/** The throughput cap of each configuration the publications go to (Staggered publishing). */
async function throughputCaps(pubs: Pub[]): Promise<Caps> {
  const ids = [...new Set(pubs.map((p) => p.configId).filter((i): i is string => !!i))];
  const configs = await db.brandPortalConfig.findMany({
    where: { id: { in: ids } },
    select: { id: true, throughputPerMinute: true },
  });
  return new Map(configs.map((c) => [c.id, c.throughputPerMinute]));
}

function toRow(p: Pub, c: Counts, users: Map<string, string>, caps: Caps, nowMs: number): InstanceRow {
  const state = stateOf(p, c);
  const done = c.done + c.skipped;
  const total = c.queued + c.running + c.done + c.skipped + c.failed;
  const pending = c.queued + c.running;
  let rate: number | null = null;
  let secondsLeft: number | null = null;
  if (state === "Running" && p.startedAt) {
    const since = Math.max(1, Math.min(RATE_WINDOW_MS, nowMs - p.startedAt.getTime()));
    rate = c.recent / (since / 1000);
    secondsLeft = rate > 0 ? Math.ceil(pending / rate) : null;
  }
  const scope = JSON.parse(p.scope) as StoredScope;
  return {
    id: p.id,
    title: p.title,
    action: p.action === "unpublish" ? "unpublish" : "publish",
    model: actionLabel(p.action === "unpublish" ? "unpublish" : "publish"),
    state,
    scheduledAt: p.scheduledAt?.toISOString() ?? null,
    startedAt: p.startedAt?.toISOString() ?? null,
    // Over before the scheduler has recorded it (finish-publications.ts): the time it will record.
    completedAt: (p.completedAt ?? (state.startsWith("Completed") ? c.lastAt : null))?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    startedBy: (p.createdById && users.get(p.createdById)) ?? "—",
    payload: scope.length === 1 ? scope[0].path : `${scope[0]?.path ?? ""} and ${scope.length - 1} more`,
    progress: { total, done, failed: c.failed, skipped: c.skipped, pending, rate, secondsLeft },
    error: p.error,
    canRetry: c.failed > 0 && p.state !== "terminated",
    canTerminate: state === "Scheduled" || state === "Running",
    throughputCap: state === "Running" && p.configId ? (caps.get(p.configId) ?? null) : null,
  };
}

async function userNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((i): i is string => !!i))];
  const users = await db.user.findMany({ where: { id: { in: list } }, select: { id: true, name: true, login: true } });
  return new Map(users.map((u) => [u.id, `${u.name} (${u.login})`]));
}

export async function listInstances(
  viewer: Viewer,
  opts: { page: number; pageSize: number },
  nowMs = Date.now(),
): Promise<InstanceList> {
  const where = visibleTo(viewer);
  const [pubs, total] = await Promise.all([
    db.publication.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
    }),
    db.publication.count({ where }),
  ]);
  const counts = await publicationCounts(
    pubs.map((p) => p.id),
    new Date(nowMs - RATE_WINDOW_MS),
  );
  const users = await userNames(pubs.map((p) => p.createdById));
  const caps = await throughputCaps(pubs);
  return {
    rows: pubs.map((p) => toRow(p, counts.get(p.id)!, users, caps, nowMs)),
    total,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}

export async function instanceDetail(
  id: string,
  viewer: Viewer,
  opts: { page: number; pageSize: number; state?: string },
  nowMs = Date.now(),
): Promise<InstanceDetail> {
  const p = await getVisiblePublication(id, viewer);
  const counts = await publicationCounts([p.id], new Date(nowMs - RATE_WINDOW_MS));
  const users = await userNames([p.createdById]);
  const items = await publicationJobs(p.id, {
    skip: (opts.page - 1) * opts.pageSize,
    take: opts.pageSize,
    state: opts.state,
  });
  const config = p.configId
    ? await db.brandPortalConfig.findUnique({
        where: { id: p.configId },
        select: { title: true, throughputPerMinute: true },
      })
    : null;
  const caps: Caps = new Map(p.configId && config ? [[p.configId, config.throughputPerMinute]] : []);
  const scope = JSON.parse(p.scope) as StoredScope;
  return {
    ...toRow(p, counts.get(p.id)!, users, caps, nowMs),
    configTitle: config?.title ?? null,
    scope,
    bytes: p.byteCount === null ? null : Number(p.byteCount),
    addedSince: p.startedAt && p.action === "publish" ? await assetsAddedSince(scope, p.startedAt) : 0,
    items: {
      rows: items.rows.map((j) => ({
        id: j.id,
        kind: j.kind,
        path: j.path,
        state: j.state,
        agent: j.agentName,
        attempts: j.attempts,
        error: j.lastError,
        result: j.result,
        completedAt: j.completedAt?.toISOString() ?? null,
      })),
      total: items.total,
      page: opts.page,
      pageSize: opts.pageSize,
    },
  };
}
