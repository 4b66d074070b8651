import "server-only";
import type { Clock } from "@/lib/clock";
import { jsonBody, type Transport } from "@/lib/http/transport";
import { NetworkError } from "@/lib/http/network-error";
import { networkTokenError, TokenError } from "@/lib/ims/token-error";

// Finds the token endpoint behind a configuration's OAuth gateway URL, which may be an issuer
// (RFC 8414 metadata, path-inserted or appended, or OpenID Connect discovery) or the token
// endpoint itself. Found endpoints are kept for ten minutes.

export type TokenEndpoint = {
  url: string;
  issuer: string | null;
  via: "oauth-authorization-server" | "openid-configuration" | "direct";
  metadataUrl?: string;
};

const TTL_MS = 10 * 60_000;
const cache = new Map<string, { endpoint: TokenEndpoint; until: number }>();

export function metadataCandidates(gatewayUrl: string): { url: string; via: TokenEndpoint["via"] }[] {
  const u = new URL(gatewayUrl);
  const path = u.pathname.replace(/\/+$/, "");
  const base = `${u.origin}${path}`;
  const list = [
    // RFC 8414 §3.1: the well-known segment goes between the host and the issuer's path …
    { url: `${u.origin}/.well-known/oauth-authorization-server${path}`, via: "oauth-authorization-server" as const },
    // … while many servers (ours too) publish it under the issuer, as OpenID Connect does.
    { url: `${base}/.well-known/oauth-authorization-server`, via: "oauth-authorization-server" as const },
    { url: `${base}/.well-known/openid-configuration`, via: "openid-configuration" as const },
  ];
  return list.filter((c, i) => list.findIndex((o) => o.url === c.url) === i);
}

export async function resolveTokenEndpoint(
  gatewayUrl: string,
  deps: {
    transport: Transport;
    clock: Clock;
    connectTimeoutMs: number;
    socketTimeoutMs: number;
    log?: (line: string) => void;
    fresh?: boolean;
  },
): Promise<TokenEndpoint> {
  const hit = cache.get(gatewayUrl);
  if (hit && !deps.fresh && hit.until > deps.clock.now()) return hit.endpoint;
  const issuer = gatewayUrl.replace(/\/+$/, "");
  let endpoint: TokenEndpoint | null = null;
  for (const c of metadataCandidates(gatewayUrl)) {
    let res;
    try {
      res = await deps.transport.request({
        method: "GET",
        url: c.url,
        headers: { accept: "application/json" },
        connectTimeoutMs: deps.connectTimeoutMs,
        socketTimeoutMs: deps.socketTimeoutMs,
      });
    } catch (e) {
      if (e instanceof NetworkError) throw networkTokenError(e);
      throw e;
    }
    const meta = res.status === 200 ? jsonBody(res) : null;
    if (!meta || typeof meta.token_endpoint !== "string") continue; // not published here: try the next form
    const named = typeof meta.issuer === "string" ? meta.issuer.replace(/\/+$/, "") : null;
    if (named !== issuer) {
      // RFC 8414 §3.3: metadata for another issuer must not be used.
      throw new TokenError(
        "config",
        `${c.url} describes issuer ${named ?? "(none)"}`,
        `The OAuth gateway URL does not match the issuer the gateway names (${named ?? "none"}): set the OAuth gateway URL to exactly that issuer.`,
      );
    }
    if (!/^https?:\/\//.test(meta.token_endpoint)) {
      throw new TokenError(
        "response",
        `${c.url} names token endpoint ${meta.token_endpoint}`,
        "The gateway's metadata names a token endpoint that is not an http(s) URL.",
      );
    }
    endpoint = { url: meta.token_endpoint, issuer: named, via: c.via, metadataUrl: c.url };
    break;
  }
  endpoint ??= { url: gatewayUrl, issuer: null, via: "direct" };
  deps.log?.(
    endpoint.via === "direct"
      ? `No discovery document at ${gatewayUrl}: using it as the token endpoint`
      : `Discovered token endpoint ${endpoint.url} (${endpoint.metadataUrl})`,
  );
  cache.set(gatewayUrl, { endpoint, until: deps.clock.now() + TTL_MS });
  return endpoint;
}
