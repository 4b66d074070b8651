import "server-only";
import { issuer, jwksUri, tokenEndpoint } from "@/lib/gateway/issuer";
import { notePublicHost } from "@/lib/runtime/public-url-check";
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
    // REQUIRED by RFC 8414 §2 and must not be empty. This server has no authorization endpoint (its
    // grants are jwt-bearer and client_credentials), so "code" and "token" would promise flows it
    // does not have; "none" (OAuth 2.0 Multiple Response Type Encoding Practices §4, in IANA's
    // registry) is the registered value that promises no credentials from an authorization endpoint.
    response_types_supported: ["none"],
  };
}

export const discoveryResponse = (req?: Request) => {
  if (req) notePublicHost(req.headers);
  return Response.json(discoveryDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
};
