import "server-only";
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from "jose";
import { insufficientScope, PortalError, tokenRejected } from "@/lib/portal/portal-error";

// The portal is an OAuth resource server: it trusts one gateway issuer per tenant and checks each
// bearer token against that issuer's published keys (no shared secrets), then the audience,
// expiry, scope and the organization that owns the tenant.

export const PORTAL_AUDIENCE = "brand-portal";
const ALGORITHMS = ["RS256", "PS256", "ES256"];

const jwksByIssuer = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function jwksOf(issuer: string) {
  let set = jwksByIssuer.get(issuer);
  if (!set) {
    // jose refetches when a token names an unknown kid (key rotation), at most every 30 s.
    set = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`), {
      timeoutDuration: 5_000,
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
    });
    jwksByIssuer.set(issuer, set);
  }
  return set;
}

/** The portal's clock for token expiry (tests move it to let tokens expire). */
export const portalClock = { now: (): number => Date.now() };

export type PortalCaller = { clientId: string; org: string; scopes: string[]; claims: JWTPayload };

export async function verifyBearer(
  authorization: string | null,
  tenant: { issuer: string; orgTechId: string; slug: string },
  scope: "dam-read" | "dam-write",
): Promise<PortalCaller> {
  const m = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(authorization ?? "");
  if (!authorization)
    throw tokenRejected(null, "Send an access token from the gateway: Authorization: Bearer <token>.");
  if (!m) throw tokenRejected("invalid_request", "The Authorization header must be 'Bearer <token>'.");

  const { payload, typ } = await verified(m[1], tenant.issuer);
  // RFC 9068: an access token says so, which keeps ID tokens or assertions from passing as one.
  if ((typ ?? "").toLowerCase().replace(/^application\//, "") !== "at+jwt") {
    throw tokenRejected("invalid_token", "The token is not an access token (its typ is not at+jwt).");
  }
  const scopes =
    typeof payload.scope === "string"
      ? payload.scope.split(" ").filter(Boolean)
      : Array.isArray(payload.scp)
        ? payload.scp.map(String)
        : [];
  if (!scopes.includes(scope))
    throw insufficientScope(
      scope,
      `The token does not grant ${scope} (it grants ${scopes.join(" ") || "nothing"}): add ${scope} to the gateway application's scopes.`,
    );
  const org = typeof payload.org === "string" ? payload.org : "";
  if (org !== tenant.orgTechId) {
    throw new PortalError(
      403,
      "wrong_organization",
      `The token belongs to organization ${org || "(none)"}, but tenant ${tenant.slug} belongs to ${tenant.orgTechId}: use an application of that organization.`,
    );
  }
  const clientId = typeof payload.client_id === "string" ? payload.client_id : String(payload.sub ?? "");
  return { clientId, org, scopes, claims: payload };
}

// Tokens whose signature and claims were checked, by issuer and token string, until they expire:
// an agent sends the same token with every request for its lifetime, and checking an RS256
// signature is most of the cost of authenticating a request. The expiry (and not-before) is
// checked again on every use against the portal's clock; only successes are kept.
type Verified = { payload: JWTPayload; typ: string | undefined };
const verifiedTokens = new Map<string, Verified>();
const MAX_VERIFIED = 10_000;

async function verified(token: string, issuer: string): Promise<Verified> {
  const key = `${issuer} ${token}`;
  const now = portalClock.now();
  const hit = verifiedTokens.get(key);
  if (hit) {
    const { exp, nbf } = hit.payload;
    // jose's default clock tolerance is 0: the same test as jwtVerify's, without the signature.
    if (
      typeof exp === "number" &&
      exp > Math.floor(now / 1000) &&
      (typeof nbf !== "number" || nbf <= Math.floor(now / 1000))
    )
      return hit;
    verifiedTokens.delete(key); // expired: jwtVerify below says so in its own words
  }
  let res: Verified;
  try {
    const r = await jwtVerify(token, jwksOf(issuer), {
      issuer,
      audience: PORTAL_AUDIENCE,
      algorithms: ALGORITHMS,
      requiredClaims: ["exp"],
      currentDate: new Date(now),
    });
    res = { payload: r.payload, typ: r.protectedHeader.typ };
  } catch (e) {
    throw explain(e, issuer);
  }
  if (verifiedTokens.size >= MAX_VERIFIED) {
    for (const [k, v] of verifiedTokens)
      if (!(typeof v.payload.exp === "number" && v.payload.exp > Math.floor(now / 1000))) verifiedTokens.delete(k);
    if (verifiedTokens.size >= MAX_VERIFIED) verifiedTokens.clear();
  }
  verifiedTokens.set(key, res);
  return res;
}

function explain(e: unknown, issuer: string): PortalError {
  if (e instanceof errors.JWTExpired) return tokenRejected("invalid_token", "The access token has expired.");
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === "iss")
      return tokenRejected("invalid_token", `The token was not issued by ${issuer}, the gateway this tenant trusts.`);
    if (e.claim === "aud")
      return tokenRejected(
        "invalid_token",
        `The token is not meant for the portal (audience must be ${PORTAL_AUDIENCE}).`,
      );
    if (e.claim === "nbf") return tokenRejected("invalid_token", "The token is not valid yet.");
    return tokenRejected("invalid_token", `The token's ${e.claim} claim is not acceptable: ${e.reason}.`);
  }
  if (e instanceof errors.JOSEAlgNotAllowed)
    return tokenRejected("invalid_token", `The token's algorithm is not allowed (${ALGORITHMS.join(", ")}).`);
  if (e instanceof errors.JWKSNoMatchingKey)
    return tokenRejected("invalid_token", `The token is signed with a key that ${issuer} does not publish.`);
  if (e instanceof errors.JWSSignatureVerificationFailed)
    return tokenRejected("invalid_token", "The token's signature is not valid.");
  if (e instanceof errors.JWTInvalid || e instanceof errors.JWSInvalid || e instanceof errors.JOSENotSupported)
    return tokenRejected("invalid_token", "The token is not a valid JWT.");
  const jwksDown =
    e instanceof errors.JWKSTimeout ||
    e instanceof errors.JWKSInvalid ||
    e instanceof TypeError ||
    (e instanceof errors.JOSEError && /JSON Web Key Set/.test(e.message));
  if (jwksDown) {
    return new PortalError(
      503,
      "issuer_unavailable",
      `The portal cannot read the keys of ${issuer} (${(e as Error).message}): try again later, or check the tenant's trusted issuer.`,
      { "Retry-After": "30" },
    );
  }
  if (e instanceof errors.JOSEError) return tokenRejected("invalid_token", `The token was refused: ${e.message}.`);
  throw e;
}
