import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { test, expect } from "./support/test";
import { builtActions, builtRoutes, sampleUrl, type BuiltAction, type BuiltRoute } from "./support/built-routes";
import { createUser, signInAs, unique } from "./support/helpers";
import { E2E } from "./support/env";

// The security matrix: every page, route handler and server action of the production build (read
// from Next's manifests, so a new one cannot be forgotten) called without a session, as an author
// where an administrator is needed, with a foreign or missing Origin and with the
// x-middleware-subrequest header of CVE-2025-29927. A route or action that is neither classified
// below nor listed as public with its reason fails the test: classify it when you add it.

/** Routes anyone may call, each with the reason. */
const PUBLIC: Record<string, string> = {
  "/login": "the sign-in page",
  "/portal/[tenant]/login": "the portal's sign-in page",
  "/api/health": "liveness and readiness for load balancers; no details beyond status and version",
  "/api/[...path]": "JSON 404 for API paths nothing serves",
  "/api/metrics": "Prometheus scrapes with the OUTPOST_METRICS_TOKEN bearer token; 404 when no token is configured",
  "/gateway/oauth/token": "RFC 7523 token endpoint: clients authenticate with a signed assertion",
  "/gateway/.well-known/jwks.json": "the gateway's public signing keys (RFC 7517)",
  "/gateway/.well-known/oauth-authorization-server": "discovery (RFC 8414)",
  "/.well-known/oauth-authorization-server/gateway": "discovery at the RFC 8414 path-inserted location",
  "/_not-found": "the framework's not-found page",
  "/_global-error": "the framework's error page",
  "/icon.svg": "the site icon",
  "/favicon.ico": "the site icon",
};
/** The portal's receiving API authenticates machine callers with a bearer token from the gateway. */
const PORTAL_API = /^\/portal\/\[tenant\]\/api\//;
/**
 * Portal pages (another branch adds them, with portal sessions of their own): without a portal
 * session they answer 404 or redirect to the portal's login page, never content.
 */
const PORTAL_PAGE = /^\/portal\/\[tenant\](\/|$)/;
/** Portal downloads, renditions and ZIPs: on the portal viewer's session, never open without one. */
const PORTAL_VIEWER_ROUTE = /^\/portal\/\[tenant\]\/(download|renditions|zip)(\/|$)/;
/** Console areas only administrators may enter; every other console page and API is for authors. */
const ADMIN_ONLY = [
  /^\/gateway(\/|$)/,
  /^\/tools\/(cloud-services|replication|security|nodes)(\/|$)/,
  /^\/api\/(users|replication|cloud-services|cluster)(\/|$)/,
];
const AUTHOR = [
  /^\/$/,
  /^\/(assets|collections|account|tools|publication)(\/|$)/,
  /^\/api\/(assets|me|publication)(\/|$)/,
];

/** Server actions by file; a file not listed fails the test. */
const ACTION_FILES: Record<string, "author" | "administrator" | "portal"> = {
  "lib/assets/actions.ts": "author",
  "lib/publication/actions.ts": "author",
  // Portal users' actions (portalAction, lib/portal/portal-action.ts): the portal's own sessions.
  "lib/portal/auth-actions.ts": "portal",
  "lib/portal/user-actions.ts": "portal",
  "lib/auth/actions.ts": "administrator",
  "lib/gateway/actions.ts": "administrator",
  "lib/cloud-services/actions.ts": "administrator",
  "lib/replication/actions.ts": "administrator",
  "lib/portal/actions.ts": "administrator",
};
const ACTION_EXCEPTIONS: Record<string, "author" | string> = {
  signInAction: "public: the sign-in form (throttled per user name, see below)",
  signOutAction: "public: ends the caller's own session and nothing else",
  changeOwnPasswordAction: "author",
};

type Expect =
  { kind: "public"; reason: string } | { kind: "role"; role: "author" | "administrator" } | { kind: "portal" };

function policyOf(
  r: BuiltRoute,
): Expect | { kind: "portal-api" } | { kind: "portal-page" } | { kind: "portal-viewer" } | null {
  if (PUBLIC[r.pattern]) return { kind: "public", reason: PUBLIC[r.pattern] };
  if (PORTAL_API.test(r.pattern)) return { kind: "portal-api" };
  if (r.kind === "route" && PORTAL_VIEWER_ROUTE.test(r.pattern)) return { kind: "portal-viewer" };
  if (PORTAL_PAGE.test(r.pattern)) return { kind: "portal-page" };
  if (ADMIN_ONLY.some((re) => re.test(r.pattern))) return { kind: "role", role: "administrator" };
  if (AUTHOR.some((re) => re.test(r.pattern))) return { kind: "role", role: "author" };
  return null;
}

function actionPolicy(a: BuiltAction): Expect | null {
  const exception = ACTION_EXCEPTIONS[a.name];
  if (exception === "author") return { kind: "role", role: "author" };
  if (exception) return { kind: "public", reason: exception };
  const role = ACTION_FILES[a.file];
  if (role === "portal") return { kind: "portal" };
  return role ? { kind: "role", role } : null;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const SUBREQUEST = [
  "middleware",
  "proxy",
  "middleware:middleware:middleware:middleware:middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
];

const routes = builtRoutes();
const actions = builtActions();
/** Every body the matrix received, scanned for secrets at the end. */
const seen: string[] = [];
const author = { login: unique("matrix-author"), password: "matrix-author-pass-1" };

let anon: APIRequestContext;
let asAuthor: APIRequestContext;
let asAdmin: APIRequestContext;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  const admin = await browser.newPage({ storageState: E2E.adminState });
  await createUser(admin, { login: author.login, name: "Matrix Author", role: "Author", password: author.password });
  await admin.close();
  const authorPage = await signInAs(browser, author.login, author.password);
  asAuthor = await playwrightRequest.newContext({
    baseURL: E2E.baseURL,
    storageState: await authorPage.context().storageState(),
  });
  await authorPage.context().close();
  asAdmin = await playwrightRequest.newContext({ baseURL: E2E.baseURL, storageState: E2E.adminState });
  // The config gives new contexts the admin session unless told otherwise.
  anon = await playwrightRequest.newContext({ baseURL: E2E.baseURL, storageState: { cookies: [], origins: [] } });
});

test.afterAll(async () => {
  await Promise.all([anon?.dispose(), asAuthor?.dispose(), asAdmin?.dispose()]);
});

async function call(ctx: APIRequestContext, method: string, url: string, headers: Record<string, string> = {}) {
  const res = await ctx.fetch(url, { method, headers, maxRedirects: 0, failOnStatusCode: false });
  const body = await res.text();
  seen.push(`${method} ${url} ${res.status()}\n${JSON.stringify(res.headers())}\n${body}`);
  return { status: res.status(), body, location: res.headers()["location"] ?? "" };
}

test("every route and server action of the build is classified", () => {
  expect(routes.length).toBeGreaterThan(30);
  expect(actions.length).toBeGreaterThan(20);
  const unclassified = routes.filter((r) => !policyOf(r)).map((r) => `${r.pattern} (${r.file})`);
  expect(unclassified, "classify these routes in e2e/security-matrix.spec.ts").toEqual([]);
  const loose = actions.filter((a) => !actionPolicy(a)).map((a) => `${a.name} (${a.file})`);
  expect(loose, "classify these server actions in e2e/security-matrix.spec.ts").toEqual([]);
  // Every action of a classified file is built with action(), which checks origin, session and role.
  for (const file of new Set(actions.map((a) => a.file))) {
    const source = readFileSync(file, "utf8");
    for (const a of actions.filter((x) => x.file === file && actionPolicy(x)?.kind === "role"))
      expect(source, `${a.name} is built with action({ role, input })`).toMatch(
        new RegExp(`export const ${a.name} = action\\(\\s*\\{\\s*role: "(author|administrator)"`),
      );
  }
});

/** A page shown (or not found, for sample parameters), or a redirect within the console, not to the login. */
const served = (r: { status: number; location: string }) =>
  r.status === 200 || r.status === 404 || (r.status >= 300 && r.status < 400 && !/\/login\b/.test(r.location));

test("pages: no session redirects to the login page, an author is refused administrator pages", async () => {
  for (const r of routes.filter((x) => x.kind === "page")) {
    const policy = policyOf(r)!;
    const url = sampleUrl(r.pattern);
    if (policy.kind === "public") continue;
    if (policy.kind === "portal-page") {
      const res = await call(anon, "GET", url.replace("nothing-here", "default"));
      expect(
        res.status === 404 || (res.status >= 300 && res.status < 400 && /\/portal\/[^/]+\/login/.test(res.location)),
        `${url} without a portal session: ${res.status} ${res.location}`,
      ).toBe(true);
      continue;
    }
    if (policy.kind !== "role") continue;
    for (const subrequest of [undefined, ...SUBREQUEST]) {
      const res = await call(anon, "GET", url, subrequest ? { "x-middleware-subrequest": subrequest } : {});
      expect(res.status, `${url} without a session (x-middleware-subrequest: ${subrequest})`).toBe(307);
      expect(res.location).toMatch(/^(http:\/\/[^/]+)?\/login\?next=/);
    }
    const forged = await call(anon, "GET", url, { cookie: "outpost_session=forged.token.value" });
    expect(forged.status, `${url} with a forged session cookie`).toBe(307);
    const asA = await call(asAuthor, "GET", url);
    if (policy.role === "administrator") expect(asA.status, `${url} as an author`).toBe(403);
    else expect(served(asA), `${url} as an author: ${asA.status} ${asA.location}`).toBe(true);
    const admin = await call(asAdmin, "GET", url);
    expect(served(admin), `${url} as an administrator: ${admin.status} ${admin.location}`).toBe(true);
  }
});

test("route handlers: 401 JSON without a session, 403 for an author where an administrator is needed", async () => {
  for (const r of routes.filter((x) => x.kind === "route")) {
    const policy = policyOf(r)!;
    const url = sampleUrl(r.pattern);
    if (policy.kind === "public") {
      const res = await call(anon, "GET", url);
      expect(res.status, `${url} (public: ${policy.reason})`).toBeLessThan(500);
      continue;
    }
    if (policy.kind === "portal-api") {
      for (const tenant of ["default", "nothing-here"]) {
        for (const method of METHODS) {
          const res = await call(anon, method, sampleUrl(r.pattern, { tenant }));
          expect([401, 404, 405], `${method} ${r.pattern} for tenant ${tenant} without a bearer token`).toContain(
            res.status,
          );
        }
      }
      continue;
    }
    if (policy.kind === "portal-viewer") {
      for (const tenant of ["default", "nothing-here"]) {
        const res = await call(anon, "GET", sampleUrl(r.pattern, { tenant }));
        expect(
          [401, 403, 404, 405].includes(res.status) || (res.status >= 300 && res.status < 400),
          `${r.pattern} for tenant ${tenant} without a portal session: ${res.status}`,
        ).toBe(true);
      }
      continue;
    }
    if (policy.kind !== "role") continue;
    const statuses: number[] = [];
    for (const method of METHODS) {
      for (const subrequest of [undefined, ...SUBREQUEST.slice(0, 3)]) {
        const res = await call(anon, method, url, subrequest ? { "x-middleware-subrequest": subrequest } : {});
        expect([401, 405], `${method} ${url} without a session`).toContain(res.status);
        if (res.status === 401) expect(JSON.parse(res.body)).toMatchObject({ error: "unauthenticated" });
        statuses.push(res.status);
      }
      const asA = await call(asAuthor, method, url, { origin: E2E.baseURL });
      if (policy.role === "administrator") expect([403, 405], `${method} ${url} as an author`).toContain(asA.status);
      else expect(asA.status, `${method} ${url} as an author`).not.toBe(401);
      expect(asA.status, `${method} ${url} as an author`).toBeLessThan(500);
    }
    expect(statuses, `${url} answers at least one method`).toContain(401);
    const cross = await call(asAdmin, "POST", url, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect([403, 405], `POST ${url} from another site`).toContain(cross.status);
  }
});

/** Posts a server action the way React does: its id in Next-Action, its arguments as JSON. */
async function postAction(
  ctx: APIRequestContext,
  a: BuiltAction,
  opts: { body?: string | Buffer; headers?: Record<string, string> } = {},
) {
  return call(ctx, "POST", "/login", {
    "next-action": a.id,
    "content-type": "text/plain;charset=UTF-8",
    accept: "text/x-component",
    origin: E2E.baseURL,
    ...opts.headers,
  }).then(async (r) => r);
}

async function postActionBody(ctx: APIRequestContext, a: BuiltAction, body: string | Buffer, h = {}) {
  const res = await ctx.fetch("/login", {
    method: "POST",
    data: body,
    headers: {
      "next-action": a.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: E2E.baseURL,
      ...h,
    },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const text = await res.text();
  seen.push(text);
  return { status: res.status(), body: text };
}

test("server actions: refused without a session, to an author where an administrator is needed, across sites", async () => {
  for (const a of actions) {
    const policy = actionPolicy(a)!;
    // Foreign, null and missing Origin: a 403 from the proxy before Next or the action reads anything.
    for (const origin of ["https://evil.example", "null", ""]) {
      const res = await postActionBody(asAdmin, a, "[{}]", { origin });
      expect(res.status, `${a.name} with Origin "${origin}"`).toBe(403);
      expect(JSON.parse(res.body).message).toMatch(/did not come from an Outpost page/);
    }
    if (policy.kind === "public") continue;
    if (policy.kind === "portal") {
      const res = await postActionBody(anon, a, JSON.stringify([{ tenant: "default" }]));
      expect(res.status, `${a.name} without a portal session`).toBeLessThan(500);
      expect(res.body, `${a.name} without a portal session`).not.toContain('"ok":true');
      continue;
    }
    const forged = await postActionBody(anon, a, "[{}]", { cookie: "outpost_session=forged.token.value" });
    expect(forged.status, `${a.name} with a forged session`).toBeLessThan(500);
    expect(forged.body, `${a.name} with a forged session`).toContain("Your session has ended");
    const none = await postAction(anon, a);
    expect(none.status, `${a.name} without a cookie`).toBeLessThan(500);
    expect(none.body).not.toContain('"ok":true');
    const asA = await postActionBody(asAuthor, a, "[{}]");
    expect(asA.status).toBe(200);
    if (policy.role === "administrator") expect(asA.body, `${a.name} as an author`).toContain("You don't have access");
    else expect(asA.body, `${a.name} as an author`).not.toContain("You don't have access");
  }
});

test("malformed server action posts get a 4xx with a message, never the framework's 500", async () => {
  const a = actions.find((x) => x.name === "createOrganizationAction") ?? actions[0];
  const cases: [string, string | Buffer, number, RegExp][] = [
    ["a 2 MB body", "x".repeat(2 * 1024 * 1024), 413, /larger than 1 MB/],
    ["truncated JSON", '[{"name":"Ac', 400, /not valid JSON/],
    ["5,000-deep nesting", "[".repeat(5000) + "]".repeat(5000), 400, /nested more than/],
    ["invalid UTF-8", Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d]), 400, /not valid JSON/],
  ];
  for (const [what, body, status, message] of cases) {
    const res = await postActionBody(asAdmin, a, body);
    expect(res.status, what).toBe(status);
    expect(JSON.parse(res.body).message, what).toMatch(message);
  }
  const unknownApi = await call(anon, "GET", "/api/no/such/thing");
  expect(unknownApi.status).toBe(404);
  expect(JSON.parse(unknownApi.body)).toMatchObject({ error: "not_found" });
});

test("the session cookie is HttpOnly, SameSite=Lax, Path=/, and Secure behind https", async ({ browser }) => {
  const page = await signInAs(browser, author.login, author.password);
  const cookie = (await page.context().cookies()).find((c) => c.name === "outpost_session")!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });
  await page.context().close();
  const signIn = actions.find((a) => a.name === "signInAction")!;
  const res = await anon.fetch("/login", {
    method: "POST",
    data: JSON.stringify([{ login: author.login, password: author.password }]),
    headers: {
      "next-action": signIn.id,
      "content-type": "text/plain;charset=UTF-8",
      origin: E2E.baseURL,
      "x-forwarded-proto": "https",
    },
    maxRedirects: 0,
  });
  const setCookie = res.headers()["set-cookie"] ?? "";
  expect(setCookie).toMatch(/outpost_session=/);
  expect(setCookie).toMatch(/;\s*Secure/i);
  expect(setCookie).toMatch(/;\s*HttpOnly/i);
  expect(setCookie).toMatch(/;\s*SameSite=lax/i);
});

test("sign-in is throttled: five failures lock the user name", async () => {
  const signIn = actions.find((a) => a.name === "signInAction")!;
  const login = unique("throttled");
  const answers: string[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await postActionBody(anon, signIn, JSON.stringify([{ login, password: `wrong-${i}` }]));
    expect(res.status).toBe(200);
    answers.push(res.body);
  }
  expect(answers[0]).toContain("Invalid user name or password");
  expect(answers[5]).toContain("Too many failed sign-ins");
});

test("no response, page or log line holds a private key, a key file or a password", async () => {
  // Pages a secret could be rendered on, as the administrator sees them.
  for (const r of routes.filter((x) => x.kind === "page" && policyOf(x)?.kind === "role"))
    await call(asAdmin, "GET", sampleUrl(r.pattern));
  const secrets = [E2E.adminPassword, author.password];
  for (const file of ["secret.key", "session.key"]) {
    const p = path.join(E2E.dataDir, file);
    if (existsSync(p)) secrets.push(readFileSync(p, "utf8").trim());
  }
  const log = existsSync(E2E.logFile) ? readFileSync(E2E.logFile, "utf8") : "";
  expect(log.length, "the server log is captured").toBeGreaterThan(0);
  for (const [where, text] of [...seen.map((t) => ["response", t] as const), ["server log", log] as const]) {
    expect(text, where).not.toMatch(/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/);
    expect(text, where).not.toMatch(/"d"\s*:\s*"[A-Za-z0-9_-]{20,}"/); // a private JWK
    expect(text, where).not.toMatch(/\bops_[A-Za-z0-9_-]{40}/); // a gateway client secret
    for (const s of secrets) expect(text.includes(s), `${where} contains a secret`).toBe(false);
  }
});
