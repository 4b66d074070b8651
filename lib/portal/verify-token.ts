import "server-only";
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import { DiscoveryError, issuerKeys } from "@/lib/portal/issuer-keys";
import { insufficientScope, PortalError, tokenRejected } from "@/lib/portal/portal-error";

// The portal is an OAuth resource server: each tenant trusts one issuer (Outpost's gateway or any
// standard OAuth/OIDC server) and checks every bearer token against that issuer's published keys
// (found through its discovery document; no shared secrets), then the audience the tenant expects,
// expiry, scope, and, when the tenant names one, the claim that says which organization publishes.
// A refusal says what the tenant expected and what the token carried.

const ALGORITHMS = ["RS256", "PS256", "ES256"];

/** The portal's clock for token expiry (tests move it to let tokens expire). */
export const portalClock = { now: (): number => Date.now() };

export type PortalCaller = { clientId: string; org: string; scopes: string[]; claims: JWTPayload };
export type TrustingTenant = {
  issuer: string;
  orgTechId: string;
  slug: string;
  audience: string;
  /** "" when the tenant does not check which organization publishes. */
  orgClaim: string;
};

export async function verifyBearer(
  authorization: string | null,
  tenant: TrustingTenant,
  scope: "dam-read" | "dam-write",
): Promise<PortalCaller> {
  const m = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(authorization ?? "");
  if (!authorization)
    throw tokenRejected(null, "Send an access token from the gateway: Authorization: Bearer <token>.");
  if (!m) throw tokenRejected("invalid_request", "The Authorization header must be 'Bearer <token>'.");

  const { payload, typ } = await verified(m[1], tenant);
  // RFC 9068: an access token says so, which keeps ID tokens or assertions from passing as one.
  if ((typ ?? "").toLowerCase().replace(/^application\//, "") !== "at+jwt") {
    throw tokenRejected(
      "invalid_token",
      `The token is not an access token: its typ is ${typ ?? "(none)"}, and tenant ${tenant.slug} expects at+jwt (RFC 9068).`,
    );
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
  let org = tenant.orgTechId;
  if (tenant.orgClaim) {
    const claimed = payload[tenant.orgClaim];
    if (claimed === undefined)
      throw tokenRejected(
        "invalid_token",
        `The token has no ${tenant.orgClaim} claim, but tenant ${tenant.slug} expects ${tenant.orgClaim} = ${tenant.orgTechId} to name the publishing organization (claims it carries: ${Object.keys(payload).sort().join(", ")}). Have the issuer add the claim, or change the tenant's organization claim.`,
      );
    org = typeof claimed === "string" ? claimed : JSON.stringify(claimed);
    if (org !== tenant.orgTechId) {
      throw new PortalError(
        403,
        "wrong_organization",
        `The token belongs to organization ${org || "(none)"} (claim ${tenant.orgClaim}), but tenant ${tenant.slug} belongs to ${tenant.orgTechId}: use an application of that organization.`,
      );
    }
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

async function verified(token: string, tenant: TrustingTenant): Promise<Verified> {
  const { issuer, audience } = tenant;
  const key = `${issuer} ${audience} ${token}`;
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
  const opaque = opaqueReason(token);
  if (opaque)
    throw tokenRejected(
      "invalid_token",
      `The token is opaque (${opaque}): tenant ${tenant.slug} verifies JWT access tokens (RFC 9068) signed by ${issuer}. Configure the issuer to issue JWT access tokens for audience ${audience}.`,
    );
  let res: Verified;
  try {
    res = await check(token, tenant, now, false);
  } catch (e) {
    if (!(e instanceof errors.JWKSNoMatchingKey)) throw explain(e, token, tenant);
    // Even the refetched key set lacks the kid: the issuer may have moved its jwks_uri.
    try {
      res = await check(token, tenant, now, true);
    } catch (again) {
      throw explain(again, token, tenant);
    }
  }
  if (verifiedTokens.size >= MAX_VERIFIED) {
    for (const [k, v] of verifiedTokens)
      if (!(typeof v.payload.exp === "number" && v.payload.exp > Math.floor(now / 1000))) verifiedTokens.delete(k);
    if (verifiedTokens.size >= MAX_VERIFIED) verifiedTokens.clear();
  }
  verifiedTokens.set(key, res);
  return res;
}

async function check(token: string, tenant: TrustingTenant, now: number, fresh: boolean): Promise<Verified> {
  const keys = await issuerKeys(tenant.issuer, { fresh });
  const r = await jwtVerify(token, keys.jwks, {
    issuer: tenant.issuer,
    audience: tenant.audience,
    algorithms: ALGORITHMS,
    requiredClaims: ["exp"],
    currentDate: new Date(now),
  });
  return { payload: r.payload, typ: r.protectedHeader.typ };
}

/** Why a token is not a JWS at all (an opaque reference token, a JWE), or null. */
function opaqueReason(token: string): string | null {
  const parts = token.split(".");
  if (parts.length === 5) return "an encrypted JWT (JWE), which the portal cannot read";
  if (parts.length !== 3) return "not a JWT: a reference token only its issuer can read";
  try {
    decodeProtectedHeader(token);
    decodeJwt(token);
    return null;
  } catch {
    return "not a JWT: its parts are not base64url-encoded JSON";
  }
}

/** What the token says about a claim, unverified: only ever used to explain a refusal. */
function carried(token: string, claim: string): string {
  try {
    const v = decodeJwt(token)[claim];
    return v === undefined ? "(none)" : Array.isArray(v) ? v.join(", ") : String(v);
  } catch {
    return "(unreadable)";
  }
}

function explain(e: unknown, token: string, tenant: TrustingTenant): PortalError {
  const { issuer } = tenant;
  if (e instanceof errors.JWTExpired) return tokenRejected("invalid_token", "The access token has expired.");
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === "iss")
      return tokenRejected(
        "invalid_token",
        `The token was issued by ${carried(token, "iss")}, but tenant ${tenant.slug} trusts ${issuer}.`,
      );
    if (e.claim === "aud")
      return tokenRejected(
        "invalid_token",
        `The token's audience is ${carried(token, "aud")}, but tenant ${tenant.slug} expects ${tenant.audience}. Have the issuer issue tokens for ${tenant.audience} (for an OAuth server: the resource or audience it gives this client), or change the tenant's expected audience.`,
      );
    if (e.claim === "nbf") return tokenRejected("invalid_token", "The token is not valid yet.");
    return tokenRejected("invalid_token", `The token's ${e.claim} claim is not acceptable: ${e.reason}.`);
  }
  if (e instanceof errors.JOSEAlgNotAllowed)
    return tokenRejected("invalid_token", `The token's algorithm is not allowed (${ALGORITHMS.join(", ")}).`);
  if (e instanceof errors.JWKSNoMatchingKey)
    return tokenRejected(
      "invalid_token",
      `The token is signed with a key that ${issuer} does not publish (kid ${kidOf(token)}; the tenant trusts tokens from ${issuer} only).`,
    );
  if (e instanceof DiscoveryError) {
    return new PortalError(
      503,
      "issuer_unavailable",
      `The portal cannot find the keys of ${issuer}, the issuer tenant ${tenant.slug} trusts: ${e.message}. Check the tenant's trusted issuer (it must be the issuer URL its discovery document names).`,
      { "Retry-After": "30" },
    );
  }
  if (e instanceof errors.JWSSignatureVerificationFailed)
    return tokenRejected("invalid_token", "The token's signature is not valid.");
  if (e instanceof errors.JWTInvalid || e instanceof errors.JWSInvalid || e instanceof errors.JOSENotSupported)
    return tokenRejected("invalid_token", `The token is not a valid JWT (${(e as Error).message}).`);
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

function kidOf(token: string): string {
  try {
    return String(decodeProtectedHeader(token).kid ?? "(none)");
  } catch {
    return "(unreadable)";
  }
}
