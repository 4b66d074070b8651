import "server-only";
import { randomUUID } from "node:crypto";
import { direct } from "@/lib/db";
import { dbProvider } from "@/lib/env";
import { raw, sql, type Sql } from "@/lib/assets/sql";

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
// PostgreSQL adds FOR UPDATE SKIP LOCKED, and runs the claim under a lock on the configuration so
// that two nodes cannot both find the agent free or the cap not yet reached.

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
};

export const CAP_WINDOW_MS = 60_000;

export async function claimJob(agentId: string, opts: ClaimOptions): Promise<ClaimedJob | null> {
  return (
    (await claim(agentId, opts, "own")) ??
    (await claim(agentId, opts, "expired")) ??
    (opts.help === false ? null : await claim(agentId, opts, "help"))
  );
}

type Which = "own" | "expired" | "help";

const configOf = (agentId: string) => sql`(SELECT "configId" FROM "ReplicationAgent" WHERE "id" = ${agentId})`;

/** The id of the job to take, as a subquery. */
function pick(agentId: string, opts: ClaimOptions, which: Which): Sql {
  const now = new Date(opts.nowMs);
  const skipLocked = dbProvider === "postgresql" ? raw("FOR UPDATE OF j SKIP LOCKED") : raw("");
  const inOrder = sql`NOT EXISTS (SELECT 1 FROM "ReplicationJob" o WHERE o."configId" = j."configId" AND o."path" = j."path"
    AND o."id" < j."id" AND o."state" IN ('queued', 'running'))`;
  // Uncorrelated: evaluated once per claim, not once per row walked.
  const config = configOf(agentId);
  const agentFree = sql`NOT EXISTS (SELECT 1 FROM "ReplicationJob" r WHERE r."agentId" = ${agentId} AND r."state" = 'running'
    AND r."leaseExpiresAt" >= ${now} AND r."leaseOwner" <> ${opts.owner})`;
  const capOk = sql`COALESCE((SELECT "throughputPerMinute" FROM "BrandPortalConfig" WHERE "id" = ${config})
    > (SELECT COUNT(*) FROM "ReplicationJob" w WHERE w."configId" = ${config} AND w."claimedAt" > ${new Date(opts.nowMs - CAP_WINDOW_MS)}), TRUE)`;
  const allowed = sql`${agentFree} AND ${capOk}`;
  if (which === "own") {
    return sql`SELECT j."id" FROM "ReplicationJob" j
      WHERE j."agentId" = ${agentId} AND j."state" = 'queued' AND j."nextAttemptAt" <= ${now} AND ${inOrder} AND ${allowed}
      ORDER BY j."id" LIMIT 1 ${skipLocked}`;
  }
  if (which === "expired") {
    return sql`SELECT j."id" FROM "ReplicationJob" j
      WHERE j."agentId" = ${agentId} AND j."state" = 'running' AND j."leaseExpiresAt" < ${now} AND ${allowed}
      ORDER BY j."id" LIMIT 1 ${skipLocked}`;
  }
  return sql`SELECT j."id" FROM "ReplicationJob" j
    WHERE j."configId" = (SELECT "configId" FROM "ReplicationAgent" WHERE "id" = ${agentId} AND "enabled" = TRUE AND "paused" = FALSE)
      AND j."agentId" <> ${agentId} AND j."state" = 'queued' AND j."nextAttemptAt" <= ${now} AND ${inOrder} AND ${allowed}
    ORDER BY j."id" LIMIT 1 ${skipLocked}`;
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

async function claim(agentId: string, opts: ClaimOptions, which: Which): Promise<ClaimedJob | null> {
  const token = randomUUID();
  const now = new Date(opts.nowMs);
  const until = new Date(opts.nowMs + opts.leaseMs);
  const set = sql`"state" = 'running', "agentId" = ${agentId}, "attempts" = "attempts" + 1, "leaseOwner" = ${opts.owner},
    "leaseToken" = ${token}, "leaseExpiresAt" = ${until}, "claimedAt" = ${now}, "updatedAt" = ${now}`;
  const target = pick(agentId, opts, which);
  // With the asset's row for a publish (what build-request.ts would read next): one round trip.
  const rows =
    dbProvider === "postgresql"
      ? await direct.queryLocked<Row>(
          sql`CAST(${"outpost-claim:"} AS TEXT) || ${configOf(agentId)}`,
          sql`WITH "c" AS (UPDATE "ReplicationJob" SET ${set} WHERE "id" = (${target}) RETURNING ${JOB_COLUMNS})
          SELECT "c".*, ("c"."kind" = 'asset' AND "c"."action" = 'publish') AS "a_read", ${raw(ASSET_COLUMNS.map((c) => `a."${c}" AS "a_${c}"`).join(", "))}
          FROM "c" LEFT JOIN "Asset" a ON "c"."kind" = 'asset' AND "c"."action" = 'publish'
            AND (("c"."refId" IS NOT NULL AND a."id" = "c"."refId") OR ("c"."refId" IS NULL AND a."path" = "c"."path"))`,
        )
      : // SQLite has no UPDATE in WITH, but RETURNING may hold a subquery: the asset's row as JSON.
        await direct.query<Row>(sql`UPDATE "ReplicationJob" SET ${set} WHERE "id" = (${target})
          RETURNING ${JOB_COLUMNS}, ("kind" = 'asset' AND "action" = 'publish') AS "a_read",
            (SELECT json_object(${raw(ASSET_COLUMNS.map((c) => `'${c}', a."${c}"`).join(", "))})
              FROM "Asset" a WHERE "ReplicationJob"."kind" = 'asset' AND "ReplicationJob"."action" = 'publish'
                AND (("ReplicationJob"."refId" IS NOT NULL AND a."id" = "ReplicationJob"."refId") OR ("ReplicationJob"."refId" IS NULL AND a."path" = "ReplicationJob"."path"))) AS "a_json"`);
  if (!rows.length) return null;
  const r = rows[0];
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

type Prefixed<T> = { [K in keyof T as `a_${K & string}`]?: T[K] | null };
type Row = Omit<ClaimedJob, "leaseToken" | "asset"> &
  Prefixed<ClaimedAsset> & { a_read?: boolean | number | bigint; a_json?: string | null };
