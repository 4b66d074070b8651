// The one cross-site check for requests that act with a cookie: page posts and server actions
// (proxy.ts, action(), portalAction()) and the console's and portal's route handlers (consoleRoute,
// portalRoute). Web APIs only: proxy.ts runs it before Next reads the request.

/**
 * A state-changing request from this install's own pages. Browsers send Origin on every request that
 * is not GET or HEAD (with this app's `Referrer-Policy: same-origin`, the page's real origin), so a
 * missing Origin is not one of our pages; `null` (sandboxed frames, file pages) and other hosts are
 * refused. Clients that are not browsers use the APIs with their own authentication (gateway, portal
 * receiving API), never a session cookie.
 */
export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || origin === "null" || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
