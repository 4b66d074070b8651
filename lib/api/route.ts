import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { resolveSession, type SessionUser } from "@/lib/auth/sessions";
import { hasRole, type Role } from "@/lib/auth/roles";
import { UserError } from "@/lib/errors";
import { fieldErrors } from "@/lib/actions/action";
import { sameOrigin } from "@/lib/http/same-origin";
import { parseInput } from "@/lib/parse-input";

type Ctx<P> = { req: NextRequest; user: SessionUser; params: P };

/**
 * A console API route handler: answers 401/403 JSON (never a redirect) before `run` is called,
 * 400 for input that fails its zod schema, the status of a UserError, and 500 with a generic
 * message for anything else (logged).
 */
export function consoleRoute<P = Record<string, string>>(
  role: Role,
  run: (ctx: Ctx<P>) => Promise<Response | unknown>,
) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await resolveSession(req.cookies.get(SESSION_COOKIE)?.value);
      if (!user) return json(401, { error: "unauthenticated", message: "Sign in to use this API." });
      if (!hasRole(user.role, role))
        return json(403, { error: "forbidden", message: "You don't have access to this." });
      if (req.method !== "GET" && req.method !== "HEAD" && !sameOrigin(req.headers)) {
        return json(403, { error: "forbidden", message: "Cross-site request refused." });
      }
      const out = await run({ req, user, params: await context.params });
      return out instanceof Response ? out : NextResponse.json(out, { headers: { "Cache-Control": "no-store" } });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export function errorResponse(e: unknown): Response {
  if (e instanceof z.ZodError)
    return json(400, { error: "invalid_request", message: "Check the input.", fieldErrors: fieldErrors(e) });
  if (e instanceof UserError)
    return json(e.status, {
      error: e.code ?? "invalid_request",
      message: e.message,
      ...(e.field ? { field: e.field } : {}),
    });
  console.error("[api] unexpected error", e);
  return json(500, { error: "server_error", message: "Something went wrong on the server." });
}

export const json = (status: number, body: unknown, headers?: Record<string, string>) =>
  NextResponse.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

/** Parses search params with a zod schema (400 on failure). */
export function parseQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.output<S> {
  return parseInput(schema, Object.fromEntries(req.nextUrl.searchParams));
}

/** Every method of an API path nothing serves: JSON 404, as API clients expect (never the HTML page). */
export function unknownApiPath(req: NextRequest): Response {
  return json(404, {
    error: "not_found",
    message: `There is no API at ${req.nextUrl.pathname}. Check the path and the method.`,
  });
}
