import "server-only";
import { publicUrl } from "@/lib/env";

// The gateway's URLs. The issuer is fixed by configuration (OUTPOST_PUBLIC_URL): tokens and the
// discovery document always name it, whatever host a request came in on.

export const issuer = () => `${publicUrl}/gateway`;
export const tokenEndpoint = () => `${issuer()}/oauth/token`;
export const jwksUri = () => `${issuer()}/.well-known/jwks.json`;

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The `aud` values an assertion may carry: it must name this server (RFC 7523 §3, item 3).
 * The configured issuer and token endpoint always do. A console on the same machine may reach us
 * as localhost or 127.0.0.1 whatever OUTPOST_PUBLIC_URL says, so the issuer and token endpoint
 * under the request's own Host name this server too, but only for loopback names: accepting any
 * Host would let a server that received an assertion meant for itself replay it here by sending
 * its own name as Host. Loopback assertions never leave the machine they were made on.
 */
export function acceptedAudiences(req: { headers: Headers; url: string }): string[] {
  const configured = [issuer(), tokenEndpoint()];
  const host = req.headers.get("host");
  if (!host) return configured;
  let url: URL;
  try {
    const proto =
      req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(req.url).protocol.replace(":", "");
    url = new URL(`${proto}://${host}`);
  } catch {
    return configured;
  }
  if (!LOOPBACK.test(url.hostname) || (url.protocol !== "http:" && url.protocol !== "https:")) return configured;
  const local = `${url.origin}/gateway`;
  return [...new Set([...configured, local, `${local}/oauth/token`])];
}
