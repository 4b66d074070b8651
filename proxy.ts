import { NextResponse, type NextRequest } from "next/server";
import { notePublicHost } from "@/lib/runtime/public-url-check";
import { checkPagePost } from "@/lib/http/post-guard";

const SESSION_COOKIE = "outpost_session";
const OPEN = ["/login"];
// Paths with their own authentication (API, token, JWKS, the portal's receiving API): no login
// redirect, and their bodies stream untouched unless the request is a server action.
const OWN_AUTH =
  /^\/(?:api\/|_next\/|favicon\.ico$|icon\.svg$|gateway\/oauth\/|gateway\/\.well-known\/|\.well-known\/|portal\/[^/]+\/api\/)/;

/**
 * Refuses malformed or cross-site posts to pages (server actions) with a 4xx before Next.js reads
 * them (lib/http/post-guard.ts); redirects console page requests without a session cookie to the
 * login page and passes the request URL on for the data-access layer's own redirect. Never the
 * authorization check: lib/auth/dal is. Portal pages only get the request URL: lib/portal/viewer.ts
 * decides, with the tenant's session.
 */
export async function proxy(req: NextRequest) {
  notePublicHost(req.headers); // once: the name users reach the console at vs OUTPOST_PUBLIC_URL
  const { pathname, search } = req.nextUrl;
  if (!decodable(pathname)) return malformedAddress(pathname);
  const ownAuth = OWN_AUTH.test(pathname);
  if (req.method !== "GET" && req.method !== "HEAD" && (!ownAuth || req.headers.has("next-action"))) {
    const refusal = await checkPagePost(req);
    if (refusal) return refusal;
  }
  if (ownAuth) return NextResponse.next();
  if (!pathname.startsWith("/portal/") && !OPEN.includes(pathname) && !req.cookies.has(SESSION_COOKIE)) {
    const login = new URL("/login", req.url);
    login.searchParams.set("next", pathname + search);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(req.headers);
  headers.set("x-outpost-url", pathname + search);
  return NextResponse.next({ request: { headers } });
}

/** Next.js answers a path it cannot decode ("/assets/%ZZ") with a bare 500: a 400 that says why. */
function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function malformedAddress(pathname: string): NextResponse {
  const message = "This address has a malformed %-escape (a % must be followed by two hexadecimal digits).";
  return pathname.startsWith("/api/") || /^\/portal\/[^/]+\/api\//.test(pathname)
    ? NextResponse.json({ error: "invalid_request", message }, { status: 400 })
    : new NextResponse(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export const config = {
  matcher: [
    "/((?!api/|_next/|favicon.ico|icon.svg|gateway/oauth/|gateway/\\.well-known/|\\.well-known/|portal/[^/]+/api/).*)",
    // A malformed %-escape anywhere, for decodable(): the paths above leave the APIs out, whose
    // bodies must not pass through here (invalid UTF-8 such as %FF still reaches them).
    "/:path(.*%[^0-9A-Fa-f].*)",
    "/:path(.*%[0-9A-Fa-f][^0-9A-Fa-f].*)",
    "/:path(.*%[0-9A-Fa-f]?)",
    // A server action can be posted to any page.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
