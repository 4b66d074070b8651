import "server-only";
import { issuer } from "@/lib/gateway/issuer";
import { z } from "zod";
import { loadSigningKey } from "@/lib/cloud-services/key-pair";
import { signAssertion } from "@/lib/ims/assertion";
import { resolveTokenEndpoint } from "@/lib/ims/discovery";
import { networkTokenError, oauthError, TokenError } from "@/lib/ims/token-error";
import type { Clock } from "@/lib/clock";
import { jsonBody, type HttpResponse, type Transport } from "@/lib/http/transport";
import { NetworkError } from "@/lib/http/network-error";
import { safeParseInput } from "@/lib/parse-input";

// One token request, step by step: find the token endpoint, sign the assertion with the
// configuration's key, post it with the configuration's grant and scope, check the answer.

export type ImsConfig = { id: string; clientId: string; gatewayUrl: string; grantType: string; scope: string };
export type AccessToken = {
  token: string;
  expiresAt: number;
  scope: string;
  kid: string;
  endpoint: string;
  obtainedAt: number;
};
export type TokenDeps = {
  transport: Transport;
  clock: Clock;
  connectTimeoutMs: number;
  socketTimeoutMs: number;
  log?: (line: string) => void;
};

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === "bearer", "token_type is not Bearer"),
  expires_in: z.coerce.number().positive().optional(),
  scope: z.string().optional(),
});

export async function requestAccessToken(cfg: ImsConfig, deps: TokenDeps): Promise<AccessToken> {
  const log = deps.log ?? (() => {});
  if (!cfg.clientId.trim()) {
    throw new TokenError(
      "config",
      "no Client ID",
      "The configuration has no Client ID: paste the Application ID from the gateway application.",
    );
  }
  const gatewayUrl = cfg.gatewayUrl.trim() || issuer();
  if (!/^https?:\/\/[^/]/.test(gatewayUrl)) {
    throw new TokenError(
      "config",
      `OAuth gateway URL "${gatewayUrl}"`,
      "The OAuth gateway URL is not an http(s) URL: correct it in the configuration.",
    );
  }

  const key = await loadSigningKey(cfg.id).catch(() => {
    throw new TokenError(
      "config",
      "no key pair",
      "The configuration has no key pair: open it in Cloud Services to create one.",
    );
  });
  const endpoint = await resolveTokenEndpoint(gatewayUrl, { ...deps, log });

  const send = async (kid: string | null): Promise<HttpResponse> => {
    log(
      `Creating the JWT assertion for client ID ${cfg.clientId} (RS256, ${kid ? `key ID ${kid}` : `no key ID; key ${key.kid}`}, audience ${endpoint.url})`,
    );
    const assertion = await signAssertion({
      clientId: cfg.clientId,
      audience: endpoint.url,
      kid,
      privateKey: key.privateKey,
      nowMs: deps.clock.now(),
    });
    const form = new URLSearchParams(
      cfg.grantType === "client-credentials"
        ? {
            grant_type: "client_credentials",
            client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            client_assertion: assertion,
          }
        : { grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion },
    );
    if (cfg.scope.trim()) form.set("scope", cfg.scope.trim());
    log(
      `Requesting an access token from ${endpoint.url} (grant ${form.get("grant_type")}, scope "${cfg.scope.trim()}")`,
    );
    try {
      return await deps.transport.request({
        method: "POST",
        url: endpoint.url,
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: form.toString(),
        connectTimeoutMs: deps.connectTimeoutMs,
        socketTimeoutMs: deps.socketTimeoutMs,
      });
    } catch (e) {
      if (e instanceof NetworkError) throw networkTokenError(e);
      throw e;
    }
  };

  // The assertion names its key (kid) unless this gateway is known to hold the key without an ID.
  // A gateway that selects keys strictly by kid finds none when the key was registered from PEM,
  // and refuses; sent again without kid, it tries the client's keys and accepts. That is learned
  // once per gateway, client and key.
  const learnedKey = `${endpoint.url}\n${cfg.clientId}\n${key.kid}`;
  const kidSent = !knownWithoutKid.has(learnedKey);
  let res = await send(kidSent ? key.kid : null);
  let retriedWithoutKid = false;
  if (kidSent && refusedTheKey(res)) {
    log(
      `The gateway refused the assertion naming key ID ${key.kid}: sending it once more without a key ID (a key registered from PEM has none)`,
    );
    const again = await send(null);
    retriedWithoutKid = true;
    if (again.status === 200) {
      knownWithoutKid.add(learnedKey);
      log(
        "The gateway accepted the assertion without a key ID: it holds this key without one (registered from PEM). Assertions to it leave the key ID out from now on.",
      );
      res = again;
    }
  }

  const body = jsonBody(res);
  if (res.status !== 200) {
    const retryAfterMs = retryAfter(res.headers["retry-after"], deps.clock);
    const ctx = { ...cfg, retryAfterMs, kid: key.kid, kidSent, retriedWithoutKid };
    if (body && typeof body.error === "string") {
      throw oauthError(
        res.status,
        body.error,
        typeof body.error_description === "string" ? body.error_description : undefined,
        ctx,
      );
    }
    if (res.status === 429) throw oauthError(429, "rate_limited", undefined, ctx);
    const what =
      res.status === 404
        ? "there is no token endpoint at this URL"
        : res.status >= 300 && res.status < 400
          ? `it redirects to ${res.headers.location ?? "another page"}, so this is not a token endpoint`
          : res.status >= 500
            ? "the gateway failed"
            : "the answer is not an OAuth error";
    throw new TokenError(
      "http",
      `HTTP ${res.status} from ${endpoint.url}`,
      `The OAuth gateway answered HTTP ${res.status}: ${what}. Check the OAuth gateway URL.`,
      { status: res.status },
    );
  }
  const parsed = safeParseInput(tokenAnswer, body);
  if (!parsed.success) {
    throw new TokenError(
      "response",
      `HTTP 200 without a usable token (${parsed.error.issues[0]?.message ?? "not JSON"})`,
      "The gateway's answer is not an OAuth token response. Check the OAuth gateway URL.",
    );
  }
  const now = deps.clock.now();
  const lifetimeS = parsed.data.expires_in ?? 3600;
  // RFC 6749 §5.1: no scope in the answer means the requested scope was granted.
  return {
    token: parsed.data.access_token,
    expiresAt: now + lifetimeS * 1000,
    scope: parsed.data.scope ?? cfg.scope.trim(),
    kid: key.kid,
    endpoint: endpoint.url,
    obtainedAt: now,
  };
}

/** Gateways known to hold a configuration's key without a key ID: "<token endpoint>\n<client>\n<kid>". */
const knownWithoutKid = new Set<string>();

/** An answer that may mean "no key with that ID": the client was not authenticated. */
function refusedTheKey(res: HttpResponse): boolean {
  if (res.status === 200) return false;
  const body = jsonBody(res);
  const error = typeof body?.error === "string" ? body.error : "";
  const description = typeof body?.error_description === "string" ? body.error_description : "";
  if (error === "invalid_client") return true;
  return error === "invalid_grant" && /signature|key|verif/i.test(description);
}

/** Retry-After in milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfter(value: string | undefined, clock: Clock): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - clock.now());
}
