import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { failure, fieldErrors } from "@/lib/actions/action";
import type { ActionResult } from "@/lib/actions/result";
import type { PortalRole } from "@/lib/portal/roles";
import { sameOrigin } from "@/lib/http/same-origin";
import { tenantSlug } from "@/lib/portal/schemas";
import type { PortalSessionUser } from "@/lib/portal/sessions";
import { getPortalSession } from "@/lib/portal/viewer";
import { safeParseInput } from "@/lib/parse-input";

const withTenant = z.object({ tenant: tenantSlug });

/**
 * A server action of the portal, as `action()` is for the console: same-origin check, the portal
 * session of the tenant the input names (a session of another tenant is no session), the role, then
 * the zod input. Identity comes from the session; the slug only says which tenant's session to use.
 */
export function portalAction<S extends z.ZodType<{ tenant: string }>, R>(
  opts: { role: PortalRole; input: S },
  run: (input: z.output<S>, viewer: PortalSessionUser) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (raw) => {
    try {
      if (!sameOrigin(await headers()))
        return { ok: false, error: "This request did not come from a portal page. Reload the page and try again." };
      const slug = safeParseInput(withTenant, raw);
      const viewer = slug.success ? await getPortalSession(slug.data.tenant) : null;
      if (!viewer) return { ok: false, error: "Your session has ended. Sign in again." };
      if (opts.role === "admin" && viewer.role !== "admin")
        return { ok: false, error: "Only Portal administrators can do this." };
      const parsed = safeParseInput(opts.input, raw);
      if (!parsed.success)
        return { ok: false, error: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
      return { ok: true, data: await run(parsed.data, viewer) };
    } catch (e) {
      return failure(e);
    }
  };
}
