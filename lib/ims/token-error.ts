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
  ctx: {
    clientId: string;
    scope: string;
    grantType: string;
    retryAfterMs?: number;
    kid?: string;
    kidSent?: boolean;
    retriedWithoutKid?: boolean;
  },
): TokenError {
  const sent = ctx.retriedWithoutKid
    ? `sent with key ID ${ctx.kid}, and again without a key ID`
    : ctx.kidSent === false
      ? `sent without a key ID, as this gateway holds the key without one; the key's ID is ${ctx.kid}`
      : ctx.kid
        ? `sent with key ID ${ctx.kid}`
        : "";
  const detail = `HTTP ${status} ${error}${description ? `: ${description}` : ""}${sent ? ` (assertion ${sent})` : ""}`;
  const d = (description ?? "").toLowerCase();
  // What the gateway may hold instead, in words an administrator can check on the application.
  const keyAdvice = ctx.kid
    ? ` The assertion was ${sent}. The application may hold another key, or this key under another key ID: paste the JWK from Display Public Key (it carries key ID ${ctx.kid}) into the application, or the PEM if the gateway takes only PEM.`
    : " Paste the current public key (Display Public Key) into the application.";
  // A signature failure is invalid_grant for the JWT bearer grant, invalid_client for a client
  // assertion; strict servers say "no applicable key" when no key has the assertion's kid.
  if (
    (error === "invalid_grant" || error === "invalid_client") &&
    /signature|applicable key|matching key|no key|kid|key id/.test(d)
  ) {
    return new TokenError(
      error,
      detail,
      `The gateway did not verify the assertion with the public key it holds for client ID ${ctx.clientId}: the key in the gateway application does not match this configuration, or the Client ID is not the application's.${keyAdvice}`,
      { status },
    );
  }
  switch (error) {
    case "invalid_client":
      if (/no public key|public key is not|without a key/.test(d)) {
        return new TokenError(
          "invalid_client",
          detail,
          "The gateway application has no public key for this client: paste the configuration's public key into the application and save it.",
          { status },
        );
      }
      if (/unknown|not known|no application|not found/.test(d)) {
        return new TokenError(
          "invalid_client",
          detail,
          `The Client ID ${ctx.clientId} is not known to the gateway: copy the Application ID (not the secret) from the gateway application into the configuration.`,
          { status },
        );
      }
      // "client authentication failed" and the like: the gateway does not say which part failed.
      return new TokenError(
        "invalid_client",
        detail,
        `The gateway did not authenticate client ID ${ctx.clientId}: check that it is the application's ID (not its secret) and that the application holds this configuration's public key.${keyAdvice}`,
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
