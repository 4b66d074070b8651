import "server-only";
import { acceptedAudiences } from "@/lib/gateway/issuer";
import { issueAccessToken } from "@/lib/gateway/issue-token";
import { errorBody, OAuthError } from "@/lib/gateway/oauth-error";
import { pruneRateLimits } from "@/lib/gateway/rate-limit";
import { readForm } from "@/lib/gateway/read-form";
import { notePublicHost } from "@/lib/runtime/public-url-check";
import {
  CLIENT_ASSERTION_TYPE_JWT,
  GRANT_CLIENT_CREDENTIALS,
  GRANT_JWT_BEARER,
  parseScopes,
  SCOPES,
} from "@/lib/gateway/scopes";
import {
  admit,
  chargeClient,
  chargeFailure,
  KNOWN_SOURCE_MS,
  RateLimited,
  rememberSource,
  type Admission,
} from "@/lib/gateway/token-admission";
import { recordTokenRequest, type TokenLogEntry } from "@/lib/gateway/token-log";
import { consumeJti, pruneUsedJtis } from "@/lib/gateway/used-jti";
import { inspectAssertion, verifyAssertion, type AssertionMode } from "@/lib/gateway/verify-assertion";

// POST /gateway/oauth/token: the RFC 7523 token endpoint. Two ways to present the same kind of
// assertion: as the grant itself (§2.1, jwt-bearer) or as client authentication for
// client_credentials (§2.2, private_key_jwt). Who is heard how often: lib/gateway/token-admission.ts.
// Every request is recorded in the token log, except repeats of a refused burst.

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

export async function handleTokenRequest(req: Request): Promise<Response> {
  notePublicHost(req.headers);
  const source = sourceAddress(req);
  const entry: TokenLogEntry = { clientId: null, grantType: null, result: "error", ip: source };
  let record = true;
  let admitted: Admission | null = null;
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
    admitted = await admit(source, inspected.clientId);
    const verified = await verifyAssertion(inspected, mode, { audiences: acceptedAudiences(req) });
    await chargeClient(verified.app.clientId); // only now: forgeries in its name cost it nothing
    const scopes = grantedScopes(form.get("scope") ?? verified.scope, verified.app);
    entry.scope = scopes.join(" ");
    await consumeJti(verified.app.clientId, verified.jti, verified.exp, mode);
    const token = await issueAccessToken({
      clientId: verified.app.clientId,
      orgTechId: verified.app.org.techId,
      scopes,
    });
    await rememberSource(admitted, verified.app.clientId);
    entry.result = "success";
    return Response.json(token, { headers: NO_STORE });
  } catch (caught) {
    let e = caught;
    if (e instanceof RateLimited) {
      // A flood must not become a flood of inserts: only the first refusal of a burst is recorded.
      record = e.first;
    } else if (e instanceof OAuthError) {
      // Requests that failed before being heard (malformed, or refused unheard) are charged too.
      const charged = await chargeFailure(source);
      if (!charged.log) record = false;
      // Past its source's budget and not a known client's address: say so rather than the detail.
      if (!charged.log && !admitted?.knownSince) e = new RateLimited(charged.retryAfterSeconds, false);
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
    entry.reason = e.logReason ?? e.description;
    return Response.json(errorBody(e), { status: e.status, headers: { ...NO_STORE, ...e.headers } });
  } finally {
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

/**
 * The address failures are counted against: the last X-Forwarded-For hop. Next's server sets the
 * header to the peer's address when it is absent, and a reverse proxy appends the address it saw,
 * so the last hop is the peer of the last proxy. A client talking to Next directly can write its
 * own header; that only moves its failures to another bucket (the global budget still counts them),
 * and it cannot lock out a client whose tokens came from that address (see token-admission.ts).
 */
function sourceAddress(req: Request): string {
  const hops = req.headers.get("x-forwarded-for")?.split(",") ?? [];
  const last = hops[hops.length - 1]?.trim() || req.headers.get("x-real-ip")?.trim();
  return (last || "unknown").slice(0, 64);
}

// Expired jti rows and idle rate-limit rows are deleted at most every 10 minutes per node, from the
// request path, so pruning works even on nodes without background workers.
let lastPrune = 0;
function maybePrune() {
  const now = Date.now();
  if (now - lastPrune < 10 * 60_000) return;
  lastPrune = now;
  void pruneUsedJtis().catch((e) => console.error("[gateway] pruning used jtis failed", e));
  void pruneRateLimits(KNOWN_SOURCE_MS).catch((e) => console.error("[gateway] pruning rate limits failed", e));
}
