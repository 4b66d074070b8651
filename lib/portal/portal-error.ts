import { NextResponse } from "next/server";

// The receiving API's error answers: JSON { error, message } with a status a client can act on,
// and RFC 6750 WWW-Authenticate for token problems.
export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "PortalError";
  }
}

const quote = (s: string) => s.replace(/["\\\r\n]/g, " ");

/** 401 with the RFC 6750 challenge; `error` omitted when no token was sent at all. */
export function tokenRejected(error: "invalid_token" | "invalid_request" | null, message: string): PortalError {
  const challenge = error
    ? `Bearer realm="outpost-portal", error="${error}", error_description="${quote(message)}"`
    : `Bearer realm="outpost-portal"`;
  return new PortalError(401, error ?? "unauthorized", message, { "WWW-Authenticate": challenge });
}

export function insufficientScope(scope: string, message: string): PortalError {
  return new PortalError(403, "insufficient_scope", message, {
    "WWW-Authenticate": `Bearer realm="outpost-portal", error="insufficient_scope", scope="${scope}", error_description="${quote(message)}"`,
  });
}

export const portalJson = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  NextResponse.json(body, { status, headers: { "Cache-Control": "no-store", "X-Outpost-Protocol": "1", ...headers } });

export function portalErrorResponse(e: PortalError): Response {
  return portalJson(e.status, { error: e.error, message: e.message }, e.headers);
}
