import { NextResponse, type NextRequest } from "next/server";
import { checkPagePost } from "@/lib/http/post-guard";

const SESSION_COOKIE = "outpost_session";
const OPEN = ["/login"];
// Paths with their own authentication (API, token, JWKS, the portal's receiving API): no login
// redirect, and their bodies stream untouched unless the request is a server action.
const OWN_AUTH =
  /^\/(?:api\/|_next\/|favicon\.ico$|icon\.svg$|gateway\/oauth\/|gateway\/\.well-known\/|\.well-known\/|portal\/)/;

/**
 * Refuses malformed or cross-site posts to pages (server actions) with a 4xx before Next.js reads
 * them (lib/http/post-guard.ts); redirects page requests without a session cookie to the login page
 * and passes the request URL on for the data-access layer's own redirect. Never the authorization
 * check: lib/auth/dal is.
 */
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const ownAuth = OWN_AUTH.test(pathname);
  if (req.method !== "GET" && req.method !== "HEAD" && (!ownAuth || req.headers.has("next-action"))) {
    const refusal = await checkPagePost(req);
    if (refusal) return refusal;
  }
  if (ownAuth) return NextResponse.next();
  if (!OPEN.includes(pathname) && !req.cookies.has(SESSION_COOKIE)) {
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
    "/((?!api/|_next/|favicon.ico|icon.svg|gateway/oauth/|gateway/\\.well-known/|\\.well-known/|portal/).*)",
    // A server action can be posted to any page, portal pages included.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
