import "server-only";
import { env, publicUrl } from "@/lib/env";
import { issuer } from "@/lib/gateway/issuer";

// The gateway's issuer, the OAuth gateway URL a new configuration gets and the Tenant URLs the
// console shows are all built from OUTPOST_PUBLIC_URL, never from the Host of a request (a Host
// header is whatever the client wrote). When it is not set it is http://localhost:$PORT, which is
// wrong for every other machine: say so at start, and once more, with the name to use, when the
// first request arrives under another name.

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
let warned = false;

/** One line at start: the name this install gives itself, and how to change it. */
export function announcePublicUrl(log: (line: string) => void = console.log): void {
  log(
    env.OUTPOST_PUBLIC_URL
      ? `[outpost] public URL ${publicUrl} (gateway issuer ${issuer()})`
      : `[outpost] OUTPOST_PUBLIC_URL is not set: this install names itself ${publicUrl} (gateway issuer ${issuer()}). Set OUTPOST_PUBLIC_URL to the URL users and other installs reach it at.`,
  );
}

/**
 * Warns once per process when a request names another host than OUTPOST_PUBLIC_URL (loopback
 * names count as one: a request to 127.0.0.1 reaches localhost). Reads X-Forwarded-Host first, as
 * a reverse proxy sets it.
 */
export function notePublicHost(headers: Headers, warn: (line: string) => void = console.warn): void {
  if (warned) return;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host")?.trim();
  if (!host) return;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(publicUrl).protocol.slice(0, -1);
  let seen: URL;
  try {
    seen = new URL(`${proto}://${host}`);
  } catch {
    return;
  }
  const configured = new URL(publicUrl);
  if (sameHost(seen, configured)) return;
  warned = true;
  warn(
    `[outpost] requests arrive for ${seen.origin}, but OUTPOST_PUBLIC_URL is ${publicUrl}${env.OUTPOST_PUBLIC_URL ? "" : " (not set)"}: ` +
      `the gateway names its issuer ${issuer()} in its metadata and tokens, and the console shows Tenant and gateway URLs under ${publicUrl}. ` +
      `Other installs that reach this one at ${seen.origin} will refuse those. If ${seen.origin} is the name users and other installs use, set OUTPOST_PUBLIC_URL=${seen.origin} and restart. (Shown once.)`,
  );
}

function sameHost(a: URL, b: URL): boolean {
  if (a.port !== b.port) return false;
  if (a.hostname.toLowerCase() === b.hostname.toLowerCase()) return true;
  return LOOPBACK.test(a.hostname) && LOOPBACK.test(b.hostname);
}

/** Lets a test see the warning again. */
export function resetPublicHostWarning(): void {
  warned = false;
}
