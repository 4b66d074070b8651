import "server-only";
import { issuer, jwksUri, tokenEndpoint } from "@/lib/gateway/issuer";
import { ASSERTION_ALGS, GRANT_CLIENT_CREDENTIALS, GRANT_JWT_BEARER, SCOPES } from "@/lib/gateway/scopes";

/** RFC 8414 authorization server metadata. */
export function discoveryDocument() {
  return {
    issuer: issuer(),
    token_endpoint: tokenEndpoint(),
    jwks_uri: jwksUri(),
    grant_types_supported: [GRANT_JWT_BEARER, GRANT_CLIENT_CREDENTIALS],
    token_endpoint_auth_methods_supported: ["private_key_jwt"],
    token_endpoint_auth_signing_alg_values_supported: [...ASSERTION_ALGS.rsa, ...ASSERTION_ALGS.ec],
    scopes_supported: [...SCOPES],
    response_types_supported: [],
  };
}

export const discoveryResponse = () =>
  Response.json(discoveryDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
