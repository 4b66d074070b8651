import "server-only";
import { createPublicKey } from "node:crypto";
import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from "jose";
import { db } from "@/lib/db";
import { OAuthError, TOKEN_ERRORS, type OAuthErrorCode } from "@/lib/gateway/oauth-error";
import { allowedAlgorithms } from "@/lib/gateway/public-key";
import { clientIdSchema } from "@/lib/gateway/schemas";
import { safeParseInput } from "@/lib/parse-input";
import { CONTROL } from "@/lib/text-rules";

// Checks a JWT assertion as RFC 7523 §3 and RFC 8725 ask. `mode` decides the error code: an
// authorization grant that fails is invalid_grant (§3.1), a client assertion invalid_client (§3.2).
// Split in two so the endpoint can decide whether to hear the request before any lookup or crypto:
// inspectAssertion() only parses; verifyAssertion() looks up the client and verifies.

export type AssertionMode = "grant" | "client";

export const CLOCK_SKEW_SECONDS = 60;
export const MAX_ASSERTION_LIFETIME_SECONDS = 3600;
const MAX_ASSERTION_BYTES = 8192;
const SUPPORTED = ["RS256", "PS256", "ES256"];

export type InspectedAssertion = {
  jwt: string;
  header: ProtectedHeaderParameters;
  claims: JWTPayload;
  clientId: string;
};

const fail = (mode: AssertionMode, description: string) =>
  new OAuthError((mode === "grant" ? "invalid_grant" : "invalid_client") as OAuthErrorCode, description);

/** The uniform answer of an assertion that cannot be verified; `reason` goes to the token log only. */
const unverified = (mode: AssertionMode, reason: string) =>
  new OAuthError(
    mode === "grant" ? "invalid_grant" : "invalid_client",
    TOKEN_ERRORS.signature,
    undefined,
    {},
    reason === TOKEN_ERRORS.signature ? undefined : reason,
  );

/** Parses without trusting: shape, algorithm, iss = sub. Returns the claimed client ID. */
export function inspectAssertion(jwt: string, mode: AssertionMode): InspectedAssertion {
  const parts = jwt.split(".");
  if (parts.length === 5)
    throw fail(mode, "malformed assertion: encrypted assertions (JWE) are not supported; send a signed JWT");
  if (parts.length !== 3 || jwt.length > MAX_ASSERTION_BYTES) {
    throw fail(mode, "malformed assertion: not a signed JWT (expected three base64url parts separated by dots)");
  }
  let header: ProtectedHeaderParameters;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    throw fail(mode, "malformed assertion: the JWT header is not base64url-encoded JSON");
  }
  try {
    claims = decodeJwt(jwt);
  } catch {
    throw fail(
      mode,
      "malformed assertion: the JWT payload is not a base64url-encoded JSON object with numeric exp, iat and nbf",
    );
  }
  const alg = typeof header.alg === "string" ? header.alg : "";
  if (!alg) throw fail(mode, "malformed assertion: the JWT header has no alg");
  if (alg.toLowerCase() === "none")
    throw fail(mode, "alg none is not allowed: assertions must be signed (RS256, PS256 or ES256)");
  if (/^HS/i.test(alg))
    throw fail(
      mode,
      `alg ${alg} is not allowed: symmetric algorithms are refused; sign with the private key of the registered public key (RS256, PS256 or ES256)`,
    );
  if (!SUPPORTED.includes(alg)) throw fail(mode, `alg ${clip(alg)} is not allowed: use RS256, PS256 or ES256`);
  if (typeof header.typ === "string" && /at\+jwt/i.test(header.typ))
    throw fail(mode, "an access token is not an assertion: sign a new assertion");

  const { iss, sub } = claims;
  if (typeof iss !== "string" || !iss)
    throw fail(mode, "assertion has no iss claim: set iss and sub to the application ID");
  if (typeof sub !== "string" || !sub)
    throw fail(mode, "assertion has no sub claim: set iss and sub to the application ID");
  if (iss !== sub)
    throw fail(mode, `iss and sub must both be the application ID (iss is ${clip(iss)}, sub is ${clip(sub)})`);
  // Before the ID is looked up anywhere (PostgreSQL refuses a NUL in text: that was a 500).
  if (!safeParseInput(clientIdSchema, iss).success)
    throw fail(mode, "iss and sub must be an application ID: letters, digits, '.', '_' and '-', at most 64");
  return { jwt, header, claims, clientId: iss };
}

export type VerifiedAssertion = {
  app: { clientId: string; scopes: string; org: { techId: string } };
  jti: string;
  exp: number;
  scope: string | undefined;
};

/** Finds the client, verifies the signature with its registered key, then every claim. */
export async function verifyAssertion(
  a: InspectedAssertion,
  mode: AssertionMode,
  opts: { audiences: string[]; now?: number },
): Promise<VerifiedAssertion> {
  const app = await db.gatewayApplication.findUnique({
    where: { clientId: a.clientId },
    select: { clientId: true, scopes: true, publicKeyPem: true, publicKeyAlg: true, org: { select: { techId: true } } },
  });
  if (!app) throw unverified(mode, TOKEN_ERRORS.unknownClient(clip(a.clientId)));
  if (!app.publicKeyPem || !app.publicKeyAlg) throw unverified(mode, TOKEN_ERRORS.noPublicKey(app.clientId));

  const algorithms = allowedAlgorithms(app.publicKeyAlg);
  if (!algorithms.includes(a.header.alg as string))
    throw unverified(mode, TOKEN_ERRORS.algMismatch(String(a.header.alg), app.publicKeyAlg, algorithms));
  try {
    await compactVerify(a.jwt, createPublicKey(app.publicKeyPem), { algorithms });
  } catch {
    throw unverified(mode, TOKEN_ERRORS.signature);
  }

  const now = Math.floor((opts.now ?? Date.now()) / 1000);
  const { exp, nbf, iat, aud, jti, scope } = a.claims;
  if (exp === undefined) throw fail(mode, "assertion has no exp claim: set exp to at most 1 hour ahead");
  if (typeof exp !== "number" || !Number.isFinite(exp))
    throw fail(mode, "assertion exp must be a number: seconds since 1970 (a NumericDate)");
  if (exp + CLOCK_SKEW_SECONDS <= now) throw fail(mode, TOKEN_ERRORS.expired);
  if (exp - now > MAX_ASSERTION_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS)
    throw fail(mode, "assertion exp is more than 1 hour ahead: make assertions short-lived");
  if (typeof nbf === "number" && nbf - CLOCK_SKEW_SECONDS > now)
    throw fail(mode, "assertion is not valid yet (nbf is in the future): check the console's clock");
  if (typeof iat === "number" && iat - CLOCK_SKEW_SECONDS > now)
    throw fail(mode, "assertion iat is in the future: check the console's clock");
  const auds = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
  if (!auds.length) throw fail(mode, `assertion has no aud claim; set it to ${opts.audiences[0]}`);
  if (!auds.some((v) => opts.audiences.includes(v))) throw fail(mode, TOKEN_ERRORS.audience(opts.audiences));
  if (typeof jti !== "string" || !jti)
    throw fail(mode, "assertion has no jti claim: give every assertion a unique jti");
  if (jti.length > 256) throw fail(mode, "assertion jti is longer than 256 characters");
  if (CONTROL.test(jti)) throw fail(mode, "assertion jti contains control characters");
  return {
    app: { clientId: app.clientId, scopes: app.scopes, org: app.org },
    jti,
    exp,
    scope: typeof scope === "string" ? scope : undefined,
  };
}

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
