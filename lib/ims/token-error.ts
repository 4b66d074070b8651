import { NetworkError } from "@/lib/http/network-error";

// Why a token request failed: `detail` is the exact failure (what the gateway or the network said),
// `cause` what a person should do about it. Test Connection prints both; the queue records `cause`.
export type TokenErrorCode =
  | "config" // the configuration is incomplete (no client ID, no key pair, bad URL)
  | "network" // no HTTP answer at all
  | "http" // an answer that is not an OAuth answer (404 HTML, 500, …)
  | "response" // a 200 that is not a usable token response
  | "rate_limited"
  | "invalid_client"
  | "invalid_grant"
  | "invalid_scope"
  | "invalid_request"
  | "unsupported_grant_type"
  | "unauthorized_client"
  | "oauth"; // another RFC 6749 error code

export class TokenError extends Error {
  constructor(
    readonly code: TokenErrorCode,
    readonly detail: string,
    readonly cause: string,
    readonly opts: { status?: number; retryAfterMs?: number; network?: NetworkError } = {},
  ) {
    super(`${cause} (${detail})`);
    this.name = "TokenError";
  }

  /** Worth retrying unchanged later: the network, rate limits, a gateway that is down. */
  get transient(): boolean {
    return (
      this.code === "network" ||
      this.code === "rate_limited" ||
      (this.code === "http" && (this.opts.status ?? 0) >= 500)
    );
  }
}

/** Turns a gateway's RFC 6749 §5.2 error into a TokenError with a cause a person can act on. */
export function oauthError(
  status: number,
  error: string,
  description: string | undefined,
  ctx: { clientId: string; scope: string; grantType: string; retryAfterMs?: number },
): TokenError {
  const detail = `HTTP ${status} ${error}${description ? `: ${description}` : ""}`;
  const d = (description ?? "").toLowerCase();
  // A signature failure is invalid_grant for the JWT bearer grant, invalid_client for a client assertion.
  if ((error === "invalid_grant" || error === "invalid_client") && /signature/.test(d)) {
    return new TokenError(
      error,
      detail,
      "The public key in the gateway application does not match this configuration: paste the current public key (Display Public Key) into the application.",
      { status },
    );
  }
  switch (error) {
    case "invalid_client":
      if (/no public key|public key is not|no key|without a key/.test(d)) {
        return new TokenError(
          "invalid_client",
          detail,
          "The gateway application has no public key for this client: paste the configuration's public key into the application and save it.",
          { status },
        );
      }
      if (/unknown|not known|no application|not found/.test(d) || !d) {
        return new TokenError(
          "invalid_client",
          detail,
          `The Client ID ${ctx.clientId} is not known to the gateway: copy the Application ID (not the secret) from the gateway application into the configuration.`,
          { status },
        );
      }
      return new TokenError(
        "invalid_client",
        detail,
        "The gateway did not accept this client; see the gateway's message.",
        { status },
      );
    case "invalid_grant":
      if (/expired|clock|iat|nbf|not yet valid|future/.test(d)) {
        return new TokenError(
          "invalid_grant",
          detail,
          "The gateway refused the assertion's time claims: check that this server's clock is right.",
          { status },
        );
      }
      return new TokenError("invalid_grant", detail, "The gateway refused the assertion; see the gateway's message.", {
        status,
      });
    case "invalid_scope":
      return new TokenError(
        "invalid_scope",
        detail,
        `Scope missing: the gateway application does not grant all of the requested scopes (${ctx.scope}). Add them to the application, or change the configuration's access-token scope.`,
        { status },
      );
    case "unsupported_grant_type":
      return new TokenError(
        "unsupported_grant_type",
        detail,
        `The gateway does not support the ${ctx.grantType === "client-credentials" ? "client credentials" : "JWT bearer"} grant: change the token request form in the configuration.`,
        { status },
      );
    case "unauthorized_client":
      return new TokenError(
        "unauthorized_client",
        detail,
        "The gateway does not allow this client to use this grant: check the application in the gateway.",
        { status },
      );
    case "invalid_request":
      return new TokenError(
        "invalid_request",
        detail,
        "The gateway refused the token request as malformed: check the OAuth gateway URL and the token request form.",
        { status },
      );
    case "temporarily_unavailable":
      return new TokenError("http", detail, "The gateway is temporarily unavailable: the agents try again later.", {
        status: 503,
        retryAfterMs: ctx.retryAfterMs,
      });
    default:
      if (status === 429) {
        const wait = ctx.retryAfterMs ? ` Try again in ${Math.ceil(ctx.retryAfterMs / 1000)} s.` : "";
        return new TokenError("rate_limited", detail, `The gateway is limiting requests from this client.${wait}`, {
          status,
          retryAfterMs: ctx.retryAfterMs,
        });
      }
      return new TokenError("oauth", detail, "The gateway refused the token request; see the gateway's message.", {
        status,
      });
  }
}

export function networkTokenError(e: NetworkError): TokenError {
  const hint =
    e.kind === "tls"
      ? "Check the gateway's certificate (and the https URL)."
      : e.kind === "dns"
        ? "Check the OAuth gateway URL."
        : "Check the OAuth gateway URL and that the gateway is running.";
  return new TokenError("network", e.message, `Cannot reach the OAuth gateway: ${e.message} ${hint}`, { network: e });
}
