import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { resolveSession, type SessionUser } from "@/lib/auth/sessions";
import { hasRole, type Role } from "@/lib/auth/roles";

// The data-access layer's identity checks. Every page, server action and route handler goes
// through one of these; proxy.ts only redirects early and is never the check.

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  return resolveSession(jar.get(SESSION_COOKIE)?.value);
});

/** For pages: the signed-in user, or a redirect to the login page that comes back here. */
export async function requireUser(role: Role = "author"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    const here = (await headers()).get("x-outpost-url") ?? "/";
    redirect(`/login?next=${encodeURIComponent(here)}`);
  }
  if (!hasRole(user.role, role)) forbidden();
  return user;
}

export const requireAdmin = () => requireUser("administrator");
