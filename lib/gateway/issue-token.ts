import "server-only";
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { issuer } from "@/lib/gateway/issuer";
import { RESOURCE_AUDIENCE } from "@/lib/gateway/scopes";
import { ACCESS_TOKEN_TTL_SECONDS, currentSigningKey, TOKEN_ALG } from "@/lib/gateway/signing-keys";

// The access token a resource server (the Brand Portal) verifies with the JWKS: RFC 9068 shape.

export type AccessTokenResponse = { access_token: string; token_type: "Bearer"; expires_in: number; scope: string };

export async function issueAccessToken(opts: {
  clientId: string;
  orgTechId: string;
  scopes: string[];
  now?: number;
}): Promise<AccessTokenResponse> {
  const { kid, privateKey } = await currentSigningKey();
  const iat = Math.floor((opts.now ?? Date.now()) / 1000);
  const scope = opts.scopes.join(" ");
  const token = await new SignJWT({ client_id: opts.clientId, scope, org: opts.orgTechId })
    .setProtectedHeader({ alg: TOKEN_ALG, kid, typ: "at+jwt" })
    .setIssuer(issuer())
    .setSubject(opts.clientId)
    .setAudience(RESOURCE_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
    .setJti(randomUUID())
    .sign(privateKey);
  return { access_token: token, token_type: "Bearer", expires_in: ACCESS_TOKEN_TTL_SECONDS, scope };
}
