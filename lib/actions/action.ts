import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { currentUser } from "@/lib/auth/dal";
import { hasRole, type Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/sessions";
import { UserError } from "@/lib/errors";
import type { ActionResult } from "@/lib/actions/result";
import { sameOrigin } from "@/lib/http/same-origin";
import { safeParseInput } from "@/lib/parse-input";

/**
 * Defines a server action: checks that the request comes from our own pages, that the caller is
 * signed in with the role, validates the input with zod, and turns expected errors into messages.
 * Identity comes from the session, never from the input.
 */
export function action<S extends z.ZodType, R>(
  opts: { role: Role; input: S },
  run: (input: z.output<S>, user: SessionUser) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (raw) => {
    try {
      if (!sameOrigin(await headers()))
        return { ok: false, error: "This request did not come from an Outpost page. Reload the page and try again." };
      const user = await currentUser();
      if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
      if (!hasRole(user.role, opts.role)) return { ok: false, error: "You don't have access to do this." };
      const parsed = safeParseInput(opts.input, raw);
      if (!parsed.success)
        return { ok: false, error: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
      return { ok: true, data: await run(parsed.data, user) };
    } catch (e) {
      return failure(e);
    }
  };
}

export function failure(e: unknown): { ok: false; error: string; fieldErrors?: Record<string, string> } {
  if (e instanceof UserError)
    return { ok: false, error: e.message, ...(e.field ? { fieldErrors: { [e.field]: e.message } } : {}) };
  // Next's redirect()/notFound() signal by throwing: let them through.
  if (
    e &&
    typeof e === "object" &&
    "digest" in e &&
    typeof (e as { digest: unknown }).digest === "string" &&
    (e as { digest: string }).digest.startsWith("NEXT_")
  )
    throw e;
  console.error("[action] unexpected error", e);
  return {
    ok: false,
    error: "Something went wrong on the server. Try again; if it keeps failing, see the server log.",
  };
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}
