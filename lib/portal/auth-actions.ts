"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { failure, fieldErrors } from "@/lib/actions/action";
import type { ActionResult } from "@/lib/actions/result";
import { publicUrl } from "@/lib/env";
import { PORTAL_SESSION_COOKIE, endPortalSession, portalCookiePath } from "@/lib/portal/sessions";
import { portalSignIn } from "@/lib/portal/sign-in";
import { portalSignInInput } from "@/lib/portal/user-schemas";
import { getPortalSession, safePortalNext } from "@/lib/portal/viewer";
import { tenantSlug } from "@/lib/portal/schemas";
import { parseInput, safeParseInput } from "@/lib/parse-input";
import { PORTAL_DEVICE_COOKIE } from "@/lib/auth/sign-in";
import { DEVICE_TTL_SECONDS } from "@/lib/auth/session-token";

// Signing in to and out of one portal tenant. The cookie's path is the tenant's URL, so the browser
// sends it to this tenant's pages only; a user can be signed in to two tenants side by side.

export async function portalSignInAction(raw: {
  tenant: string;
  login: string;
  password: string;
  next?: string;
}): Promise<ActionResult<{ next: string }>> {
  const parsed = safeParseInput(portalSignInInput, raw);
  if (!parsed.success)
    return { ok: false, error: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
  const { tenant: slug, login, password, next } = parsed.data;
  try {
    const jar = await cookies();
    const path = portalCookiePath(slug);
    const { token, expiresAt, device } = await portalSignIn(
      slug,
      login,
      password,
      jar.get(PORTAL_DEVICE_COOKIE)?.value,
    );
    const h = await headers();
    const secure = h.get("x-forwarded-proto") === "https" || publicUrl.startsWith("https:");
    jar.set(PORTAL_SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path, expires: expiresAt });
    jar.set(PORTAL_DEVICE_COOKIE, device, {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path,
      maxAge: DEVICE_TTL_SECONDS,
    });
    return { ok: true, data: { next: safePortalNext(slug, next) } };
  } catch (e) {
    return failure(e);
  }
}

export async function portalSignOutAction(raw: { tenant: string }): Promise<void> {
  const slug = parseInput(tenantSlug, raw.tenant);
  const session = await getPortalSession(slug);
  if (session) await endPortalSession(session.sessionId);
  (await cookies()).delete({ name: PORTAL_SESSION_COOKIE, path: portalCookiePath(slug) });
  redirect(`/portal/${slug}/login`);
}
