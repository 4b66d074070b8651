import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { errorResponse, json } from "@/lib/api/route";
import { sameOrigin } from "@/lib/http/same-origin";
import type { PortalRole } from "@/lib/portal/roles";
import { PORTAL_SESSION_COOKIE, resolvePortalSession, type PortalSessionUser } from "@/lib/portal/sessions";
import { findTenant } from "@/lib/portal/tenants";
import { safeNextPath } from "@/lib/http/safe-next";

// The portal's data-access layer for identity: every portal page, server action and route handler
// goes through one of these. The proxy only passes the request URL along (for ?next=); it is never
// the check. Tests get a session with createPortalSession (lib/portal/sessions.ts) and send it as
// `Cookie: outpost_portal_session=<token>`.

export type { PortalRole } from "@/lib/portal/roles";
export type PortalViewer = {
  tenantId: string;
  slug: string;
  tenantName: string;
  userId: string;
  login: string;
  displayName: string;
  role: PortalRole;
};

const tenantOf = cache(findTenant);

/** The viewer with its session id (sign-out, server actions); once per request. */
export const getPortalSession = cache(async (slug: string): Promise<PortalSessionUser | null> => {
  const tenant = await tenantOf(slug);
  if (!tenant) return null;
  return resolvePortalSession((await cookies()).get(PORTAL_SESSION_COOKIE)?.value, tenant);
});

/** The signed-in portal user of this tenant, or null (no session, expired, disabled, or a session of another tenant). */
export async function getPortalViewer(slug: string): Promise<PortalViewer | null> {
  const s = await getPortalSession(slug);
  return s && viewerOf(s);
}

/** For pages: the viewer, or redirect to /portal/<slug>/login?next=… ; unknown tenant → notFound(). */
export async function requirePortalViewer(slug: string, opts?: { role?: PortalRole }): Promise<PortalViewer> {
  if (!(await tenantOf(slug))) notFound();
  const viewer = await getPortalViewer(slug);
  if (!viewer) redirect(portalLoginUrl(slug, (await headers()).get("x-outpost-url")));
  // A page for administrators does not exist for portal users (as their hidden assets don't).
  if (opts?.role === "admin" && viewer.role !== "admin") notFound();
  return viewer;
}

/** For portal route handlers (downloads, ZIP, JSON): the viewer or a 404 JSON Response (no existence leak). */
export function portalRoute<P>(
  fn: (req: Request, viewer: PortalViewer, params: P) => Promise<Response>,
  opts?: { role?: PortalRole },
): (req: Request, ctx: { params: Promise<P & { tenant: string }> }) => Promise<Response> {
  return async (req, ctx) => {
    try {
      const params = await ctx.params;
      const tenant = await findTenant(params.tenant);
      const session = tenant && (await resolvePortalSession(cookieValue(req, PORTAL_SESSION_COOKIE), tenant));
      if (!session || (opts?.role === "admin" && session.role !== "admin"))
        return json(404, { error: "not_found", message: "Not found." });
      if (req.method !== "GET" && req.method !== "HEAD" && !sameOrigin(req.headers))
        return json(403, { error: "forbidden", message: "Cross-site request refused." });
      return await fn(req, viewerOf(session), params);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** The tenant's login page, coming back to `here` when it is a page of the same tenant. */
export function portalLoginUrl(slug: string, here: string | null): string {
  const base = `/portal/${slug}`;
  return `${base}/login?next=${encodeURIComponent(safePortalNext(slug, here))}`;
}

/** Only pages of this tenant: never an open redirect, never into another tenant (dot segments resolved). */
export function safePortalNext(slug: string, next: string | null | undefined): string {
  const base = `/portal/${slug}`;
  const path = safeNextPath(next, base);
  const pathname = path.split("?")[0];
  return pathname === base || pathname.startsWith(`${base}/`) ? path : base;
}

function viewerOf(s: PortalSessionUser): PortalViewer {
  return {
    tenantId: s.tenantId,
    slug: s.slug,
    tenantName: s.tenantName,
    userId: s.userId,
    login: s.login,
    displayName: s.displayName,
    role: s.role,
  };
}

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
