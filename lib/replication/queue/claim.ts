import "server-only";
import { randomUUID } from "node:crypto";
import { direct } from "@/lib/db";
import { dbProvider } from "@/lib/env";
import { liveSince } from "@/lib/cluster/registry";
import { signalPeers } from "@/lib/cluster/peer-signals";
import { raw, sql, type Sql } from "@/lib/assets/sql";
import type { FinishParts } from "@/lib/replication/queue/finish";

// Claims the agent's next job in one statement, with a lease. In this order: the oldest due job of
// its own queue; failing that, one of its own whose lease expired (its worker died: the order is
// already settled); failing that, it helps: the oldest due job of another agent of the same
// configuration moves to it (agents do not finish their shares at the same moment, and a disabled
// or paused agent's jobs are left to the others). This is the only place work moves between
// agents; enqueue.ts spreads new jobs evenly to begin with.
//
// Every claim also respects, in the database (so across processes and nodes):
// - per-path order: no job while an older job for the same path is waiting or running, in any
//   agent of the configuration;
// - one delivery per agent at a time: not while another node runs a job of this agent;
// - the configuration's throughput cap: at most throughputPerMinute claims in the last minute.
// SQLite serialises writers, so one UPDATE … WHERE id = (SELECT … LIMIT 1) RETURNING is atomic.
// PostgreSQL adds FOR UPDATE SKIP LOCKED, and a lock, so that two nodes cannot both find the agent
// free or the cap not reached (claimOnPostgres). Per-path order needs no lock: an older job for
// the path is queued or running in every snapshot until it is done.

export type ClaimedJob = {
  id: number;
  configId: string;
  agentId: string;
  publicationId: string | null;
  action: "publish" | "unpublish";
  kind: "asset" | "folder" | "collection";
  path: string;
  refId: string | null;
  version: number | null;
  requestedBy: string | null;
  attempts: number;
  leaseToken: string;
  /** Taken back from a worker whose lease on it expired (its previous attempt's result is unknown). */
  reclaimed?: true;
  /** A publish of an asset: the asset's row, read in the claim (null: gone). */
  asset?: ClaimedAsset | null;
};

export type ClaimedAsset = {
  path: string;
  sha256: string;
  size: bigint | number;
  mimeType: string;
  version: bigint | number;
  title: string;
  description: string;
  tags: string;
  creator: string;
  width: bigint | number | null;
  height: bigint | number | null;
};

export type ClaimOptions = {
  /** This node's runtime: its own jobs being recorded do not count as deliveries in progress. */
  owner: string;
  nowMs: number;
  leaseMs: number;
  /** Take other agents' jobs when idle (default true). */
  help?: boolean;
  /** PostgreSQL: the agent's last success, written in the same statement as the claim. */
  finish?: ParkedFinish;
};

/**
 * A success's write (finish.ts) that the worker hands to its next claim: one statement for both,
 * one round trip fewer per job. Settled when that statement returns: whether the lease was still
 * held, or the statement's error.
 */
export type ParkedFinish = FinishParts & { resolve(held: boolean): void; reject(e: unknown): void };

export const CAP_WINDOW_MS = 60_000;

export async function claimJob(agentId: string, opts: ClaimOptions): Promise<ClaimedJob | null> {
  const token = randomUUID(); // the lease's, and the agent's while it delivers (PostgreSQL)
  let marked = false;
  for (const which of opts.help === false ? OWN_ONLY : ALL) {
    const r = await claim(agentId, opts, which, token);
    if (r.job) return r.job;
    marked ||= r.marked === true;
    // Another node delivers for the agent, or this node has its share: no other kind of job would
    // be given either, so a busy cluster does not pay three refused claims per look.
    if (r.marked === false) {
      // Over its share with the agent free (it took one too many when every worker woke at once,
      // and gives it back now): the node under its share would otherwise find it at its next poll,
      // the agent idle until then (1 s gaps in its deliveries with 2 worker processes).
      if (r.handOverTo) signalPeers("jobs", r.handOverTo);
      break;
    }
  }
  if (marked)
    await freeAgent(agentId, token); // taken by a claim that found nothing
  // The success written with the claim left its mark if the claim did not take the agent again.
  else if (opts.finish) await freeAgent(agentId, opts.finish.leaseToken);
  return null;
}

type Which = "own" | "expired" | "help";
const ALL: Which[] = ["own", "expired", "help"];
const OWN_ONLY: Which[] = ["own", "expired"];

/** What one claim statement did. */
type ClaimResult = {
  job: ClaimedJob | null;
  /**
   * PostgreSQL: whether it took the agent's mark, which it does only when no other node holds it
   * and this node is within its share (if not, no other kind of claim would succeed either).
   * SQLite has no marks: null.
   */
  marked: boolean | null;
  /** Refused by this node's share while no node holds the agent: the configuration whose other nodes should take it. */
  handOverTo: string | null;
};

const configLockKey = (agentId: string) => sql`CAST(${"outpost-claim:"} AS TEXT) || ${configOf(agentId)}`;

const capOf = (agentId: string) =>
  sql`(SELECT "throughputPerMinute" FROM "BrandPortalConfig" WHERE "id" = ${configOf(agentId)})`;

const configOf = (agentId: string) => sql`(SELECT "configId" FROM "ReplicationAgent" WHERE "id" = ${agentId})`;

/** The id of the job to take, as a subquery. */
function pick(agentId: string, opts: ClaimOptions, which: Which, slot?: Sql): Sql {
  const now = new Date(opts.nowMs);
  const skipLocked = dbProvider === "postgresql" ? raw("FOR UPDATE OF j SKIP LOCKED") : raw("");
  const inOrder = sql`NOT EXISTS (SELECT 1 FROM "ReplicationJob" o WHERE o."configId" = j."configId" AND o."path" = j."path"
    AND o."id" < j."id" AND o."state" IN ('queued', 'running'))`;
  // Uncorrelated: evaluated once per claim, not once per row walked.
  const config = configOf(agentId);
  const agentFree = sql`NOT EXISTS (SELECT 1 FROM "ReplicationJob" r WHERE r."agentId" = ${agentId} AND r."state" = 'running'
    AND r."leaseExpiresAt" >= ${now} AND r."leaseOwner" <> ${opts.owner})`;
  // Counted only when the configuration has a cap (OR evaluates its operands in order, and each
  // subquery when first needed): without one, a busy queue would count a minute of claims per claim.
  const cap = capOf(agentId);
  const capOk = sql`(${cap} IS NULL OR ${cap} > (SELECT COUNT(*) FROM "ReplicationJob" w
    WHERE w."configId" = ${config} AND w."claimedAt" > ${new Date(opts.nowMs - CAP_WINDOW_MS)}))`;
  const allowed = sql`${slot ?? sql`TRUE`} AND ${agentFree} AND ${capOk}`;
  if (which === "own") {
    const queued = inIndexOrder(raw(`j."agentId"`), agentId);
    return sql`SELECT j."id" FROM "ReplicationJob" j
      WHERE ${queued.where} AND j."nextAttemptAt" <= ${now} AND ${inOrder} AND ${allowed}
      ORDER BY ${queued.orderBy} LIMIT 1 ${skipLocked}`;
  }
  if (which === "expired") {
    return sql`SELECT j."id" FROM "ReplicationJob" j
      WHERE j."agentId" = ${agentId} AND j."state" = 'running' AND j."leaseExpiresAt" < ${now} AND ${allowed}
      ORDER BY j."id" LIMIT 1 ${skipLocked}`;
  }
  const queued = inIndexOrder(
    raw(`j."configId"`),
    sql`(SELECT "configId" FROM "ReplicationAgent" WHERE "id" = ${agentId} AND "enabled" = TRUE AND "paused" = FALSE)`,
  );
  return sql`SELECT j."id" FROM "ReplicationJob" j
    WHERE ${queued.where} AND j."agentId" <> ${agentId} AND j."nextAttemptAt" <= ${now} AND ${inOrder} AND ${allowed}
    ORDER BY ${queued.orderBy} LIMIT 1 ${skipLocked}`;
}

const MAX_ID = 2_147_483_647; // the id column is a 32-bit integer

/**
 * The queued jobs whose `lead` (agentId or configId) is `value`, in id order. On PostgreSQL as a
 * range of the index on (lead, state, id), not as equalities: with equalities the planner may take
 * the rows in id order from the primary key instead, filtering as it goes, whenever its statistics
 * say many rows match (as they do when the table was analysed while a big enqueue waited). Then
 * every claim walked the queue's whole history: 2–6 ms per claim at a few thousand jobs, growing
 * with the table. As a range, only that index gives the order. SQLite plans the equalities well.
 */
function inIndexOrder(lead: Sql, value: unknown): { where: Sql; orderBy: Sql } {
  if (dbProvider !== "postgresql")
    return { where: sql`${lead} = ${value} AND j."state" = 'queued'`, orderBy: sql`j."id"` };
  return {
    where: sql`(${lead}, j."state", j."id") BETWEEN (${value}, 'queued', 0) AND (${value}, 'queued', ${MAX_ID})`,
    orderBy: sql`${lead}, j."state", j."id"`,
  };
}

const JOB_COLUMNS = raw(
  `"id", "configId", "agentId", "publicationId", "action", "kind", "path", "refId", "version", "requestedBy", "attempts"`,
);
const ASSET_COLUMNS = [
  "path",
  "sha256",
  "size",
  "mimeType",
  "version",
  "title",
  "description",
  "tags",
  "creator",
  "width",
  "height",
] as const;

async function claim(agentId: string, opts: ClaimOptions, which: Which, token: string): Promise<ClaimResult> {
  const now = new Date(opts.nowMs);
  const until = new Date(opts.nowMs + opts.leaseMs);
  const set = sql`"state" = 'running', "agentId" = ${agentId}, "attempts" = "attempts" + 1, "leaseOwner" = ${opts.owner},
    "leaseToken" = ${token}, "leaseExpiresAt" = ${until}, "claimedAt" = ${now}, "updatedAt" = ${now}`;
  // With the asset's row for a publish (what build-request.ts would read next): one round trip.
  if (dbProvider === "postgresql") {
    const r = await claimOnPostgres(agentId, opts, which, set, token);
    return {
      job: r.id === null ? null : toJob(r, which, token),
      marked: r.marked,
      handOverTo: !r.inShare && r.unmarked ? r.agentConfigId : null,
    };
  }
  // SQLite: one writer, so no marks and no shares. It has no UPDATE in WITH, but RETURNING may hold
  // a subquery: the asset's row as JSON.
  const rows =
    await direct.query<Row>(sql`UPDATE "ReplicationJob" SET ${set} WHERE "id" = (${pick(agentId, opts, which)})
    RETURNING ${JOB_COLUMNS}, ("kind" = 'asset' AND "action" = 'publish') AS "a_read",
      (SELECT json_object(${raw(ASSET_COLUMNS.map((c) => `'${c}', a."${c}"`).join(", "))})
        FROM "Asset" a WHERE "ReplicationJob"."kind" = 'asset' AND "ReplicationJob"."action" = 'publish'
          AND (("ReplicationJob"."refId" IS NOT NULL AND a."id" = "ReplicationJob"."refId") OR ("ReplicationJob"."refId" IS NULL AND a."path" = "ReplicationJob"."path"))) AS "a_json"`);
  return { job: rows.length ? toJob(rows[0], which, token) : null, marked: null, handOverTo: null };
}

function toJob(r: Row, which: Which, token: string): ClaimedJob {
  const job: ClaimedJob = {
    id: Number(r.id),
    configId: r.configId,
    agentId: r.agentId,
    publicationId: r.publicationId,
    action: r.action,
    kind: r.kind,
    path: r.path,
    refId: r.refId,
    version: r.version === null ? null : Number(r.version),
    requestedBy: r.requestedBy,
    attempts: Number(r.attempts),
    leaseToken: token,
    ...(which === "expired" ? { reclaimed: true as const } : {}),
  };
  if (!(r.a_read === true || Number(r.a_read) === 1)) return job;
  if (r.a_json !== undefined) {
    job.asset = r.a_json === null ? null : (JSON.parse(r.a_json) as ClaimedAsset);
  } else {
    job.asset =
      r.a_path === null || r.a_path === undefined
        ? null
        : {
            path: r.a_path,
            sha256: r.a_sha256!,
            size: r.a_size!,
            mimeType: r.a_mimeType!,
            version: r.a_version!,
            title: r.a_title!,
            description: r.a_description!,
            tags: r.a_tags!,
            creator: r.a_creator!,
            width: r.a_width ?? null,
            height: r.a_height ?? null,
          };
  }
  return job;
}

/**
 * The agent's row is where its nodes take turns: the claim marks it busy (owner, lease token, until
 * the lease's end) in the same statement, unless another node has it busy until later. Two claims
 * at once both update the row: the second waits for the first to commit and then checks the row
 * again as the first left it, so only one finds the agent free. The mark is renewed with the
 * job's lease (extendLease), cleared with the job's completion (finish.ts) or by a claim that
 * found nothing (freeAgent), and passed on by a claim that carries the last success
 * (ParkedFinish); a node that dies leaves it to expire with its lease. A configuration with a
 * throughput cap claims under a lock on the configuration, whose agents share the count.
 */
async function claimOnPostgres(agentId: string, opts: ClaimOptions, which: Which, set: Sql, token: string) {
  const now = new Date(opts.nowMs);
  const until = new Date(opts.nowMs + opts.leaseMs);
  // Its share: a node keeps at most its part of the configuration's agents busy (nodes running
  // agents, by the registry), so that every worker node gets work; an idle node's poll takes the rest.
  // Counted: the agents it delivers for (a running job under the mark's token). A mark alone is a
  // claim looking for work: when a job is enqueued, every worker of every node wakes and marks its
  // agent at once, and counting those marks refused the job to all of them until the next poll.
  const config = configOf(agentId);
  const share = sql`"share" AS (SELECT (SELECT COUNT(*) FROM "ReplicationAgent" o WHERE o."configId" = ${config} AND o."id" <> ${agentId}
      AND o."busyOwner" = ${opts.owner} AND o."busyUntil" >= ${now}
      AND EXISTS (SELECT 1 FROM "ReplicationJob" r WHERE r."agentId" = o."id" AND r."state" = 'running'
        AND r."leaseToken" = o."busyToken"))
    < CEIL(CAST((SELECT COUNT(*) FROM "ReplicationAgent" e WHERE e."configId" = ${config} AND e."enabled" = TRUE) AS NUMERIC)
      / GREATEST(1, (SELECT COUNT(*) FROM "ClusterNode" n WHERE n."role" <> 'web' AND n."stoppedAt" IS NULL
        AND n."lastHeartbeatAt" >= ${liveSince(opts.nowMs)}))) AS "ok")`;
  // Marked only within the share: a node over it that looked would hold the agent for a moment,
  // and the node delivering for it, claiming its next job in that moment, would be refused and
  // wait for its next poll (seen as 1 s gaps in an agent's deliveries with 2 worker processes).
  const busy = sql`"busy" AS (UPDATE "ReplicationAgent" SET "busyOwner" = ${opts.owner}, "busyToken" = ${token}, "busyUntil" = ${until}
    WHERE "id" = ${agentId} AND ("busyOwner" IS NULL OR "busyOwner" = ${opts.owner} OR "busyUntil" < ${now})
      AND (SELECT "ok" FROM "share") RETURNING "id")`;
  const marked = sql`EXISTS (SELECT 1 FROM "busy")`;
  // The success written with the claim (the own claim, the first statement) frees the agent, too.
  const fin = which === "own" ? opts.finish : undefined;
  const freed = fin ? sql` OR "busyToken" = ${fin.leaseToken}` : sql``;
  const unmarked = sql`(SELECT "busyOwner" IS NULL OR "busyUntil" < ${now}${freed} FROM "ReplicationAgent" WHERE "id" = ${agentId})`;
  // Its item's status as a CTE of its own; the agent's row is the busy CTE's (a row is updated once).
  const finished = fin
    ? sql`, "fin" AS (${fin.update} RETURNING "id")${fin.item ? sql`, "finitem" AS (${fin.item})` : sql``}`
    : sql``;
  const claimed = (slot: Sql) => sql`"c" AS (UPDATE "ReplicationJob" SET ${set}
    WHERE "id" = (${pick(agentId, opts, which, slot)}) RETURNING ${JOB_COLUMNS})`;
  const capped = sql`${capOf(agentId)} IS NOT NULL`;
  // One row always: whether the configuration is capped, whether the agent was marked for this
  // node (if not: whether the node is within its share, and whether any node holds the agent),
  // and the job if one was claimed.
  const statement = (
    slot: Sql,
    withFinish: boolean,
  ) => sql`WITH ${share}, ${busy}${withFinish ? finished : sql``}, ${claimed(slot)}
    SELECT k.*, "c".*, ("c"."kind" = 'asset' AND "c"."action" = 'publish') AS "a_read",
      ${raw(ASSET_COLUMNS.map((c) => `a."${c}" AS "a_${c}"`).join(", "))}
    FROM (SELECT ${capped} AS "capped", ${marked} AS "marked", (SELECT "ok" FROM "share") AS "inShare",
      ${unmarked} AS "unmarked", ${config} AS "agentConfigId"${withFinish ? sql`, (SELECT COUNT(*) FROM "fin") AS "finished"` : sql``}) k
      LEFT JOIN "c" ON TRUE
      LEFT JOIN "Asset" a ON "c"."kind" = 'asset' AND "c"."action" = 'publish'
        AND (("c"."refId" IS NOT NULL AND a."id" = "c"."refId") OR ("c"."refId" IS NULL AND a."path" = "c"."path"))`;
  type Result = Row & {
    capped: boolean;
    marked: boolean;
    inShare: boolean;
    unmarked: boolean;
    agentConfigId: string | null;
    finished?: number | bigint | string;
  };
  let r: Result;
  try {
    [r] = await direct.query<Result>(statement(sql`${marked} AND NOT ${capped}`, fin !== undefined));
  } catch (e) {
    fin?.reject(e);
    throw e;
  }
  fin?.resolve(Number(r.finished) === 1);
  if (r.capped) [r] = await direct.queryLocked<Result>(configLockKey(agentId), statement(marked, false));
  return r;
}

/** Clears the agent's busy mark taken with `token`, if it is still that one. */
export async function freeAgent(agentId: string, token: string): Promise<void> {
  await direct.execute(sql`UPDATE "ReplicationAgent" SET "busyOwner" = NULL, "busyToken" = NULL, "busyUntil" = NULL
    WHERE "id" = ${agentId} AND "busyToken" = ${token}`);
}

type Prefixed<T> = { [K in keyof T as `a_${K & string}`]?: T[K] | null };
type Row = Omit<ClaimedJob, "leaseToken" | "asset"> &
  Prefixed<ClaimedAsset> & { a_read?: boolean | number | bigint; a_json?: string | null };
