import "server-only";
import { decodeJwt } from "jose";
import { notFound } from "@/lib/errors";
import { issuer } from "@/lib/gateway/issuer";
import { retryAfter, type TokenDeps } from "@/lib/ims/request-token";
import { getAccessToken } from "@/lib/ims/token-cache";
import { TokenError } from "@/lib/ims/token-error";
import { systemClock, type Clock } from "@/lib/clock";
import { appendLog, flushLogs } from "@/lib/replication/log/append-log";
import { createHttpTransport, jsonBody, type HttpResponse, type Transport } from "@/lib/http/transport";
import { NetworkError } from "@/lib/http/network-error";
import { loadAgentSettings } from "@/lib/replication/worker/agent-settings";

// Test Connection runs the real flow once, as the agent would, and writes down each step: the
// assertion, the token request, the token (or the gateway's exact refusal), a ping to the tenant,
// the tenant's answer, and a verdict with a cause a person can act on.

export type TestLine = { at: string; text: string };
export type TestResult = {
  ok: boolean;
  lines: TestLine[];
  verdict: "Replication test succeeded" | "Replication test failed";
  cause: string | null;
};

const REQUIRED_SCOPES = ["dam-read", "dam-write"];

export async function testConnection(
  agentId: string,
  deps: { clock?: Clock; transport?: Transport } = {},
): Promise<TestResult> {
  const clock = deps.clock ?? systemClock;
  const own = !deps.transport;
  const transport = deps.transport ?? createHttpTransport({ maxSockets: 2 });
  const lines: TestLine[] = [];
  const log = (text: string) => lines.push({ at: new Date(clock.now()).toISOString(), text });

  const s = await loadAgentSettings(agentId);
  if (!s) throw notFound("The replication agent");
  const finish = async (ok: boolean, cause: string | null): Promise<TestResult> => {
    if (own) transport.close();
    log("-".repeat(60));
    const verdict = ok ? "Replication test succeeded" : "Replication test failed";
    lines.push({ at: new Date(clock.now()).toISOString(), text: ok ? verdict : `${verdict}: ${cause}` });
    await appendLog(
      s.id,
      s.logLevel,
      {
        level: ok ? "info" : "error",
        message: ok
          ? "Test Connection: replication test succeeded"
          : `Test Connection: replication test failed: ${cause}`,
        result: ok ? "test-ok" : "test-failed",
      },
      new Date(clock.now()),
    );
    await flushLogs();
    return { ok, lines, verdict, cause };
  };

  const cfg = s.config;
  log(
    `Testing ${s.name} (${s.enabled ? "enabled" : "disabled"}${s.paused ? ", paused" : ""}) of the Brand Portal configuration "${cfg.title}"`,
  );
  if (!cfg.tenantUrl)
    return finish(false, "The configuration has no Tenant URL: set it in Cloud Services › Assets Brand Portal.");
  log(`OAuth gateway URL: ${cfg.gatewayUrl || `${issuer()} (this install's gateway)`}; tenant URL: ${cfg.tenantUrl}`);

  const tokenDeps: TokenDeps = {
    transport,
    clock,
    connectTimeoutMs: s.connectTimeoutMs,
    socketTimeoutMs: s.socketTimeoutMs,
    log,
  };
  let token;
  try {
    token = await getAccessToken(cfg, tokenDeps, { fresh: true });
  } catch (e) {
    if (!(e instanceof TokenError)) throw e;
    log(`Token request failed: ${e.detail}`);
    return finish(false, e.cause);
  }
  const expiresIn = Math.round((token.expiresAt - clock.now()) / 1000);
  log(
    `Token received: expires in ${expiresIn} s (${new Date(token.expiresAt).toISOString()}); granted scopes: ${token.scope || "(none)"}; ${describeToken(token.token)}`,
  );
  const granted = token.scope.split(" ");
  const missing = REQUIRED_SCOPES.filter((x) => !granted.includes(x));
  if (missing.length)
    return finish(
      false,
      `Scope missing: the token does not grant ${missing.join(" and ")}. Add ${missing.join(" and ")} to the gateway application and to the configuration's access-token scope.`,
    );

  const url = `${cfg.tenantUrl.replace(/\/+$/, "")}/api/v1/ping`;
  log(`Sending a test request: GET ${url}`);
  let res: HttpResponse;
  try {
    res = await transport.request({
      method: "GET",
      url,
      headers: { authorization: `Bearer ${token.token}`, accept: "application/json" },
      connectTimeoutMs: s.connectTimeoutMs,
      socketTimeoutMs: s.socketTimeoutMs,
    });
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    log(`No answer: ${e.message}`);
    return finish(
      false,
      `Cannot reach the tenant: ${e.message} ${e.kind === "tls" ? "Check the portal's certificate." : "Check the Tenant URL and that the portal is running."}`,
    );
  }
  const body = jsonBody(res);
  const message = typeof body?.message === "string" ? body.message : res.body.slice(0, 200).trim();
  const code = typeof body?.error === "string" ? body.error : "";
  if (res.status === 200 && body?.ok === true) {
    const t = body.tenant as { slug?: string; name?: string } | undefined;
    log(
      `Tenant answered HTTP 200: tenant "${t?.name ?? "?"}" (${t?.slug ?? "?"}), organization ${String(body.organization ?? "?")}, protocol ${String(body.protocol ?? "?")}`,
    );
    return finish(true, null);
  }
  log(`Tenant answered HTTP ${res.status}${code ? ` ${code}` : ""}${message ? `: ${message}` : ""}`);
  const wait = retryAfter(res.headers["retry-after"], clock);
  return finish(false, portalCause(res.status, code, message, cfg.tenantUrl, wait));
}

/** What the token says of itself (our own token, read without verifying), for comparison with the tenant's refusal. */
function describeToken(token: string): string {
  try {
    const c = decodeJwt(token);
    const aud = Array.isArray(c.aud) ? c.aud.join(", ") : (c.aud ?? "(none)");
    return `JWT issued by ${c.iss ?? "(none)"} for audience ${aud}`;
  } catch {
    return "an opaque token (not a JWT)";
  }
}

function portalCause(status: number, code: string, message: string, tenantUrl: string, retryAfterMs?: number): string {
  // The portal's messages are sentences ("… was truncated."): one full stop, not two.
  const said = message.replace(/\.+$/, "") || "no details";
  if (status === 404 && code === "tenant_not_found") return `Tenant not found: ${message}`;
  if (status === 404)
    return `There is no Brand Portal receiving API at ${tenantUrl}: check the Tenant URL (it looks like https://host/portal/<tenant>).`;
  if (status === 401) return `The portal refused the token: ${message} Check that the tenant trusts this gateway.`;
  if (status === 403 && code === "insufficient_scope") return `Scope missing: ${message}`;
  if (status === 403) return `The portal refused the token: ${message}`;
  if (status >= 500) {
    const when =
      retryAfterMs === undefined ? "later" : `in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s, as it asks`;
    return `The portal failed (HTTP ${status}): ${said}. Try again ${when}.`;
  }
  return `The portal answered HTTP ${status}${code ? ` ${code}` : ""}: ${said}.`;
}
