import "server-only";
import { db } from "@/lib/db";
import { requestAccessToken, type AccessToken, type ImsConfig, type TokenDeps } from "@/lib/ims/request-token";
import { TokenError } from "@/lib/ims/token-error";

// One access token per configuration (and key), shared by its four agents and reused until
// shortly before it expires. Concurrent callers wait for the same request. A token the portal
// refused is replaced once; callers that saw the same refusal share that one replacement.

type Entry = { token: AccessToken; fingerprint: string };
const cache = new Map<string, Entry>();
const inflight = new Map<string, Promise<AccessToken>>();

const fingerprintOf = (cfg: ImsConfig, kid: string) =>
  [cfg.clientId, cfg.gatewayUrl, cfg.grantType, cfg.scope, kid].join("\n");

/** Renew this long before expiry: a minute, or a quarter of a short lifetime. */
const margin = (t: AccessToken) => Math.min(60_000, (t.expiresAt - t.obtainedAt) / 4);

export async function getAccessToken(
  cfg: ImsConfig & { kid: string },
  deps: TokenDeps,
  opts: { rejected?: string; fresh?: boolean } = {},
): Promise<AccessToken> {
  const fingerprint = fingerprintOf(cfg, cfg.kid);
  const hit = cache.get(cfg.id);
  const usable =
    hit &&
    !opts.fresh &&
    hit.fingerprint === fingerprint &&
    hit.token.token !== opts.rejected &&
    deps.clock.now() < hit.token.expiresAt - margin(hit.token);
  if (usable) return hit.token;

  const key = `${cfg.id}\n${fingerprint}`;
  const running = inflight.get(key);
  if (running && !opts.fresh) return running;
  const p = fetchAndRecord(cfg, fingerprint, deps).finally(() => inflight.delete(key));
  inflight.set(key, p);
  return p;
}

async function fetchAndRecord(cfg: ImsConfig, fingerprint: string, deps: TokenDeps): Promise<AccessToken> {
  const at = new Date(deps.clock.now());
  try {
    const token = await requestAccessToken(cfg, deps);
    cache.set(cfg.id, { token, fingerprint });
    await db.brandPortalConfig.updateMany({
      where: { id: cfg.id },
      data: { lastTokenAt: at, lastTokenOk: true, lastTokenError: null, tokenExpiresAt: new Date(token.expiresAt) },
    });
    return token;
  } catch (e) {
    cache.delete(cfg.id);
    const message = e instanceof TokenError ? e.cause : "The token request failed unexpectedly; see the server log.";
    await db.brandPortalConfig.updateMany({
      where: { id: cfg.id },
      data: { lastTokenAt: at, lastTokenOk: false, lastTokenError: message.slice(0, 1000), tokenExpiresAt: null },
    });
    throw e;
  }
}
