import "server-only";
import { observeTokenRequest } from "@/lib/metrics/record";
import { acceptedAudiences } from "@/lib/gateway/issuer";
import { issueAccessToken } from "@/lib/gateway/issue-token";
import { errorBody, OAuthError } from "@/lib/gateway/oauth-error";
import { tokenRequestLimit } from "@/lib/gateway/rate-limit";
import { readForm } from "@/lib/gateway/read-form";
import {
  CLIENT_ASSERTION_TYPE_JWT,
  GRANT_CLIENT_CREDENTIALS,
  GRANT_JWT_BEARER,
  parseScopes,
  SCOPES,
} from "@/lib/gateway/scopes";
import { recordTokenRequest, type TokenLogEntry } from "@/lib/gateway/token-log";
import { consumeJti, pruneUsedJtis } from "@/lib/gateway/used-jti";
import { inspectAssertion, verifyAssertion, type AssertionMode } from "@/lib/gateway/verify-assertion";

// POST /gateway/oauth/token: the RFC 7523 token endpoint. Two ways to present the same kind of
// assertion: as the grant itself (§2.1, jwt-bearer) or as client authentication for
// client_credentials (§2.2, private_key_jwt). Every request is recorded in the token log (of a burst
// refused with 429, only the first refusal).

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

export async function handleTokenRequest(req: Request): Promise<Response> {
  const entry: TokenLogEntry = { clientId: null, grantType: null, result: "error", ip: clientIp(req) };
  let record = true;
  try {
    const form = await readForm(req);
    const grantType = form.get("grant_type");
    entry.grantType = grantType;
    entry.scope = form.get("scope") || undefined; // what was asked; replaced by what was granted
    const { assertion, mode } = assertionOf(req, form, grantType);
    const inspected = inspectAssertion(assertion, mode);
    entry.clientId = inspected.clientId;
    if (mode === "client" && form.has("client_id") && form.get("client_id") !== inspected.clientId) {
      throw new OAuthError("invalid_client", "client_id does not match the iss of the client assertion");
    }
    limit(`client:${inspected.clientId}`);
    const verified = await verifyAssertion(inspected, mode, { audiences: acceptedAudiences(req) });
    const scopes = grantedScopes(form.get("scope") ?? verified.scope, verified.app);
    entry.scope = scopes.join(" ");
    await consumeJti(verified.app.clientId, verified.jti, verified.exp, mode);
    const token = await issueAccessToken({
      clientId: verified.app.clientId,
      orgTechId: verified.app.org.techId,
      scopes,
    });
    entry.result = "success";
    return Response.json(token, { headers: NO_STORE });
  } catch (caught) {
    let e = caught;
    // Requests that fail before naming a client are limited per address instead.
    if (e instanceof OAuthError && e.status !== 429 && !entry.clientId) {
      try {
        limit(`ip:${entry.ip ?? "unknown"}`);
      } catch (limited) {
        e = limited;
      }
    }
    if (!(e instanceof OAuthError)) {
      console.error("[gateway] token request failed", e);
      entry.error = "server_error";
      entry.reason = "internal error (see the server log)";
      return Response.json(
        { error: "server_error", error_description: "the gateway could not issue a token; try again later" },
        { status: 500, headers: NO_STORE },
      );
    }
    entry.error = e.code;
    entry.reason = e.description;
    // A flood must not become a flood of inserts: only the first refusal of a burst is recorded.
    if (e instanceof RateLimited && !e.first) record = false;
    return Response.json(errorBody(e), { status: e.status, headers: { ...NO_STORE, ...e.headers } });
  } finally {
    observeTokenRequest(entry.result, entry.error);
    if (record) await recordTokenRequest(entry);
    maybePrune();
  }
}

function assertionOf(
  req: Request,
  form: URLSearchParams,
  grantType: string | null,
): { assertion: string; mode: AssertionMode } {
  if (req.headers.get("authorization") || form.has("client_secret")) {
    throw new OAuthError(
      "invalid_client",
      "only private_key_jwt client authentication is supported: send a signed JWT, not a client secret",
      401,
      req.headers.get("authorization") ? { "WWW-Authenticate": 'Basic realm="gateway"' } : {},
    );
  }
  if (!grantType) throw new OAuthError("invalid_request", "grant_type is missing");
  if (grantType === GRANT_JWT_BEARER) {
    if (form.has("client_assertion"))
      throw new OAuthError(
        "invalid_request",
        "send the JWT either as assertion (jwt-bearer grant) or as client_assertion (client_credentials), not both",
      );
    const assertion = form.get("assertion");
    if (!assertion)
      throw new OAuthError(
        "invalid_request",
        "assertion is missing: the jwt-bearer grant needs assertion=<signed JWT>",
      );
    return { assertion, mode: "grant" };
  }
  if (grantType === GRANT_CLIENT_CREDENTIALS) {
    const type = form.get("client_assertion_type");
    const assertion = form.get("client_assertion");
    if (!type && !assertion)
      throw new OAuthError(
        "invalid_client",
        `client authentication is missing: send client_assertion_type=${CLIENT_ASSERTION_TYPE_JWT} and client_assertion=<signed JWT>`,
      );
    if (type !== CLIENT_ASSERTION_TYPE_JWT)
      throw new OAuthError("invalid_client", `client_assertion_type must be ${CLIENT_ASSERTION_TYPE_JWT}`);
    if (!assertion) throw new OAuthError("invalid_client", "client_assertion is missing");
    return { assertion, mode: "client" };
  }
  throw new OAuthError(
    "unsupported_grant_type",
    `grant_type ${grantType.slice(0, 80)} is not supported; use ${GRANT_JWT_BEARER} or ${GRANT_CLIENT_CREDENTIALS}`,
  );
}

/** Requested scopes (default: all the application's); every one must be granted to it. */
function grantedScopes(requested: string | undefined, app: { clientId: string; scopes: string }): string[] {
  const granted = parseScopes(app.scopes);
  const asked = (requested ?? "").split(/\s+/).filter(Boolean);
  if (!asked.length) return granted;
  const unknown = asked.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length)
    throw new OAuthError(
      "invalid_scope",
      `unknown scope ${unknown[0].slice(0, 40)}; this gateway knows ${SCOPES.join(" ")}`,
    );
  const missing = asked.filter((s) => !(granted as string[]).includes(s));
  if (missing.length)
    throw new OAuthError(
      "invalid_scope",
      `scope ${missing.join(" ")} is not granted to application ${app.clientId} (granted: ${granted.join(" ")})`,
    );
  return parseScopes(asked.join(" "));
}

class RateLimited extends OAuthError {
  constructor(
    retryAfterSeconds: number,
    readonly first: boolean,
  ) {
    super(
      "temporarily_unavailable",
      `too many token requests; retry after ${retryAfterSeconds} s (further refusals are not logged until the client slows down)`,
      429,
      {
        "Retry-After": String(retryAfterSeconds),
      },
    );
  }
}

function limit(key: string) {
  const r = tokenRequestLimit.take(key);
  if (!r.ok) throw new RateLimited(r.retryAfterSeconds, r.first);
}

/** The first X-Forwarded-For hop (set by Next's server or a proxy); for the log only, never trusted. */
function clientIp(req: Request): string | null {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || null;
}

// Expired jti rows are deleted at most every 10 minutes per node, from the request path, so
// pruning works even on nodes without background workers.
let lastPrune = 0;
function maybePrune() {
  const now = Date.now();
  if (now - lastPrune < 10 * 60_000) return;
  lastPrune = now;
  void pruneUsedJtis().catch((e) => console.error("[gateway] pruning used jtis failed", e));
}
