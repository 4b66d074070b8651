import { NextResponse, type NextRequest } from "next/server";
import { notePublicHost } from "@/lib/runtime/public-url-check";

const SESSION_COOKIE = "outpost_session";
const OPEN = ["/login"];

/**
 * Early redirect to the login page for page requests without a session cookie, and the request URL
 * for the data-access layer's own redirect. Never the authorization check: lib/auth/dal is.
 * API, token, JWKS and portal-receiving routes are not matched, so their bodies stream untouched.
 * Portal pages only get the request URL: lib/portal/viewer.ts decides, with the tenant's session.
 */
export function proxy(req: NextRequest) {
  notePublicHost(req.headers); // once: the name users reach the console at vs OUTPOST_PUBLIC_URL
  const { pathname, search } = req.nextUrl;
  if (!pathname.startsWith("/portal/") && !OPEN.includes(pathname) && !req.cookies.has(SESSION_COOKIE)) {
    const login = new URL("/login", req.url);
    login.searchParams.set("next", pathname + search);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(req.headers);
  headers.set("x-outpost-url", pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: [
    "/((?!api/|_next/|favicon.ico|icon.svg|gateway/oauth/|gateway/\\.well-known/|\\.well-known/|portal/[^/]+/api/).*)",
  ],
};
