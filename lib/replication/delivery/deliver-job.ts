import "server-only";
import { getAccessToken } from "@/lib/ims/token-cache";
import { assetBlobs } from "@/lib/storage/stores";
import { TokenError } from "@/lib/ims/token-error";
import { retryAfter, type ImsConfig, type TokenDeps } from "@/lib/ims/request-token";
import { buildDelivery } from "@/lib/replication/delivery/build-request";
import type { ClaimedJob } from "@/lib/replication/queue/claim";
import { jsonBody, type HttpResponse } from "@/lib/http/transport";
import { NetworkError } from "@/lib/http/network-error";

// One delivery attempt: build the request, get the configuration's token (cached), send, and
// say what the answer means for the job. A 401 gets one fresh token and one more try.

export type ReplicationConfig = ImsConfig & { kid: string; tenantUrl: string; publicFolderPublish: boolean };

export type Outcome =
  | { type: "done"; status: number; result: string; bytes: number; version: number | null }
  | { type: "skipped"; reason: string }
  /** worth trying again later (network, 5xx, 408, 429, damaged transfer) */
  | { type: "retry"; error: string; status?: number; retryAfterMs?: number; bytes: number }
  /** will not get better by repeating (4xx) */
  | { type: "failed"; error: string; status?: number; bytes: number }
  /** no token: the configuration or the gateway is at fault, not the job */
  | { type: "blocked"; error: string; retryAfterMs?: number }
  /** our lease ended while sending: another worker owns the job now */
  | { type: "lost" };

export async function deliverJob(
  job: ClaimedJob,
  ctx: { config: ReplicationConfig; tokenDeps: TokenDeps; signal: AbortSignal },
): Promise<Outcome> {
  const { config } = ctx;
  if (!config.tenantUrl)
    return { type: "blocked", error: "The Brand Portal configuration has no Tenant URL: set it in Cloud Services." };
  const delivery = await buildDelivery(job, config.tenantUrl, config.publicFolderPublish);
  if (delivery.type === "skip") return { type: "skipped", reason: delivery.reason };

  let token: string;
  try {
    token = (await getAccessToken(config, ctx.tokenDeps)).token;
  } catch (e) {
    if (e instanceof TokenError)
      return { type: "blocked", error: `No access token: ${e.cause}`, retryAfterMs: e.opts.retryAfterMs };
    throw e;
  }

  const send = (bearer: string) =>
    ctx.tokenDeps.transport.request({
      method: delivery.method,
      url: delivery.url,
      headers: { ...delivery.headers, authorization: `Bearer ${bearer}`, accept: "application/json" },
      body: delivery.body?.(),
      connectTimeoutMs: ctx.tokenDeps.connectTimeoutMs,
      socketTimeoutMs: ctx.tokenDeps.socketTimeoutMs,
      signal: ctx.signal,
    });

  let res: HttpResponse;
  try {
    res = await send(token);
    if (res.status === 401) {
      // The token expired early or was revoked: one fresh token, shared with the other agents.
      try {
        token = (await getAccessToken(config, ctx.tokenDeps, { rejected: token })).token;
      } catch (e) {
        if (e instanceof TokenError)
          return { type: "blocked", error: `No access token: ${e.cause}`, retryAfterMs: e.opts.retryAfterMs };
        throw e;
      }
      res = await send(token);
      if (res.status === 401) {
        return {
          type: "failed",
          status: 401,
          bytes: res.bytesSent,
          error: `Auth error: the portal refused a fresh access token: ${message(res).replace(/\.$/, "")}. Check that the tenant trusts this gateway and organization.`,
        };
      }
    }
  } catch (e) {
    if (ctx.signal.aborted) return { type: "lost" };
    // Reading the binary failed rather than the network? Checked only now, off the hot path.
    if (delivery.sha256 && !(await assetBlobs.has(delivery.sha256))) {
      return {
        type: "failed",
        error: `The binary of ${job.path} is missing from the asset store (SHA-256 ${delivery.sha256.slice(0, 12)}…).`,
        bytes: 0,
      };
    }
    if (e instanceof NetworkError) return { type: "retry", error: e.message, bytes: 0 };
    throw e;
  }
  return classify(res, delivery.version, ctx.tokenDeps.clock);
}

function message(res: HttpResponse): string {
  const body = jsonBody(res);
  const text =
    typeof body?.message === "string"
      ? body.message
      : typeof body?.error_description === "string"
        ? body.error_description
        : res.body.slice(0, 200).trim();
  return text || `HTTP ${res.status}`;
}

function classify(res: HttpResponse, version: number | null, clock: { now(): number }): Outcome {
  const body = jsonBody(res);
  const code = typeof body?.error === "string" ? body.error : "";
  const bytes = res.bytesSent;
  if (res.status >= 200 && res.status < 300)
    return {
      type: "done",
      status: res.status,
      result: typeof body?.result === "string" ? body.result : "ok",
      bytes,
      version,
    };
  const error = `HTTP ${res.status}${code ? ` ${code}` : ""}: ${message(res)}`;
  if (res.status === 408 || res.status === 429 || res.status >= 500) {
    return {
      type: "retry",
      status: res.status,
      error,
      bytes,
      retryAfterMs: retryAfter(res.headers["retry-after"], clock),
    };
  }
  // The bytes were damaged or cut on the way (the portal stored nothing): sending again helps.
  if (
    (res.status === 400 && (code === "truncated" || code === "interrupted")) ||
    (res.status === 422 && code === "sha256_mismatch")
  ) {
    return { type: "retry", status: res.status, error, bytes };
  }
  return { type: "failed", status: res.status, error, bytes };
}
