import "server-only";
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { ASSERTION_ALG } from "@/lib/cloud-services/key-pair";

// The JWT a configuration signs to prove itself to the gateway (RFC 7523 §3): iss = sub = the
// client ID, aud = the token endpoint, short-lived, with a single-use jti. `kid` (the key's RFC 7638
// thumbprint) is left out for gateways that know the key without an ID (registered from PEM).
export const ASSERTION_LIFETIME_S = 300;

export async function signAssertion(opts: {
  clientId: string;
  audience: string;
  kid: string | null;
  privateKey: CryptoKey;
  nowMs: number;
}): Promise<string> {
  const iat = Math.floor(opts.nowMs / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: ASSERTION_ALG, ...(opts.kid ? { kid: opts.kid } : {}), typ: "JWT" })
    .setIssuer(opts.clientId)
    .setSubject(opts.clientId)
    .setAudience(opts.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ASSERTION_LIFETIME_S)
    .setJti(randomUUID())
    .sign(opts.privateKey);
}
