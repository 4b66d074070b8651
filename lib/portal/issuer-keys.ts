import "server-only";
import { createRemoteJWKSet } from "jose";

// The signing keys of an issuer a tenant trusts, found the standard way: the issuer's RFC 8414
// metadata (well-known segment inserted before the issuer's path, RFC 8414 §3.1) or its OpenID
// Connect discovery document, whose jwks_uri names the key set. Outpost's gateway publishes both.
// Metadata is kept for ten minutes; the key set is refetched when a token names an unknown kid
// (jose, at most every 30 s), and the metadata too when even the refetched set lacks the kid.

export type IssuerKeys = {
  jwks: ReturnType<typeof createRemoteJWKSet>;
  jwksUri: string;
  metadataUrl: string;
  foundAt: number;
};

export class DiscoveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DiscoveryError";
  }
}

const METADATA_TTL_MS = 10 * 60_000;
const cache = new Map<string, IssuerKeys>();
const inflight = new Map<string, Promise<IssuerKeys>>();

/** Where an issuer's metadata may be, in the order tried. */
export function discoveryUrls(issuer: string): string[] {
  const u = new URL(issuer);
  const path = u.pathname.replace(/\/+$/, "");
  const list = [
    `${u.origin}/.well-known/oauth-authorization-server${path}`,
    `${u.origin}${path}/.well-known/openid-configuration`,
    `${u.origin}/.well-known/openid-configuration${path}`, // the RFC 8414 §5 form of OIDC discovery
    `${u.origin}${path}/.well-known/oauth-authorization-server`,
  ];
  return [...new Set(list)];
}

export async function issuerKeys(issuer: string, opts: { fresh?: boolean; now?: number } = {}): Promise<IssuerKeys> {
  const now = opts.now ?? Date.now();
  const hit = cache.get(issuer);
  if (hit && !opts.fresh && now - hit.foundAt < METADATA_TTL_MS) return hit;
  let p = inflight.get(issuer);
  if (!p) {
    p = discover(issuer, now).finally(() => inflight.delete(issuer));
    inflight.set(issuer, p);
  }
  const found = await p;
  cache.set(issuer, found);
  return found;
}

async function discover(issuer: string, now: number): Promise<IssuerKeys> {
  const tried: string[] = [];
  for (const url of discoveryUrls(issuer)) {
    let res: Response;
    try {
      res = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(5_000) });
    } catch (e) {
      throw new DiscoveryError(`cannot reach ${url} (${(e as Error).message})`);
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      tried.push(`${url} (HTTP ${res.status})`);
      continue;
    }
    const meta = (await res.json().catch(() => null)) as { issuer?: unknown; jwks_uri?: unknown } | null;
    if (!meta || typeof meta !== "object") {
      tried.push(`${url} (not JSON)`);
      continue;
    }
    // RFC 8414 §3.3 / OIDC Discovery §4.3: the document must name the issuer it was fetched for.
    if (meta.issuer !== issuer)
      throw new DiscoveryError(`${url} describes issuer ${String(meta.issuer ?? "(none)")}, not ${issuer}`);
    if (typeof meta.jwks_uri !== "string" || !/^https?:\/\//.test(meta.jwks_uri))
      throw new DiscoveryError(`${url} names no jwks_uri (an http(s) URL of the issuer's signing keys)`);
    return {
      jwks: createRemoteJWKSet(new URL(meta.jwks_uri), {
        timeoutDuration: 5_000,
        cooldownDuration: 30_000,
        cacheMaxAge: 10 * 60_000,
      }),
      jwksUri: meta.jwks_uri,
      metadataUrl: url,
      foundAt: now,
    };
  }
  throw new DiscoveryError(`no discovery document: tried ${tried.join(", ")}`);
}
