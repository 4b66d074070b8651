// RFC 6749 §5.2 errors of the token endpoint. `description` is for the client's operator: it says
// what was wrong and never contains a secret or the assertion. The console's Test Connection maps
// the stable prefixes in TOKEN_ERRORS to its own advice.

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "invalid_scope"
  | "unsupported_grant_type"
  | "temporarily_unavailable";

export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly status = code === "invalid_client" ? 401 : 400,
    readonly headers: Record<string, string> = {},
    /** The precise reason, for the gateway's token log only, when the answer is kept vague on purpose. */
    readonly logReason?: string,
  ) {
    super(description);
    this.name = "OAuthError";
  }
}

/** Error descriptions other parts of Outpost recognise (by equality or prefix). */
export const TOKEN_ERRORS = {
  // One answer for an unknown client ID, an application without a key, a key of another type and a
  // bad signature, as mature servers give: any difference would tell a stranger which IDs exist.
  // The precise reason goes to the token log (logReason) for the administrator.
  signature:
    "signature verification failed: the assertion was not signed with the public key registered for this client ID (or no application has this ID); check the client ID and the application's public key",
  noPublicKey: (clientId: string) =>
    `no public key is registered for application ${clientId}: paste the console's public key on the application's page in the gateway`,
  unknownClient: (clientId: string) => `unknown client: no application has the ID ${clientId}`,
  algMismatch: (alg: string, keyAlg: string, algorithms: string[]) =>
    `alg ${alg} does not match the registered ${keyAlg} key: use ${algorithms.join(" or ")}`,
  expired: "assertion expired (exp is in the past)",
  replay: "assertion replayed: this jti has already been used; sign a new assertion with a new jti for every request",
  audience: (accepted: string[]) => `assertion audience (aud) does not name this server; use ${accepted.join(" or ")}`,
} as const;

export function errorBody(e: OAuthError) {
  return { error: e.code, error_description: e.description };
}
