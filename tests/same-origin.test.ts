import { describe, it, expect, vi, beforeEach } from "vitest";
import { NextRequest } from "next/server";
import { z } from "zod";

// The request headers next/headers would give a server action; each test sets them.
const incoming = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => incoming.headers, cookies: async () => new Map() }));

import { sameOrigin } from "@/lib/http/same-origin";
import { checkPagePost } from "@/lib/http/post-guard";
import { action } from "@/lib/actions/action";
import { portalAction } from "@/lib/portal/portal-action";
import { consoleRoute } from "@/lib/api/route";
import { createUser } from "@/lib/auth/users";
import { createSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE } from "@/lib/auth/session-token";

// One rule for every request that acts with a cookie (page posts, server actions, console and portal
// route handlers): an Origin naming the host the request was sent to. A missing Origin is refused
// too, even without Sec-Fetch-Site: browsers always send Origin on a POST, so a cookie without it
// is not one of our pages.

const HOST = "outpost.test";
const REFUSED: Record<string, string>[] = [
  { host: HOST },
  { host: HOST, origin: "null" },
  { host: HOST, origin: "https://evil.example" },
  { host: HOST, origin: "http://outpost.test:8080" },
  { host: HOST, origin: "not a url" },
  { origin: "http://outpost.test" },
];

describe("sameOrigin", () => {
  it("accepts an Origin naming the host, or the host a reverse proxy forwarded", () => {
    expect(sameOrigin(new Headers({ host: HOST, origin: "http://outpost.test" }))).toBe(true);
    expect(sameOrigin(new Headers({ host: HOST, origin: "https://outpost.test" }))).toBe(true);
    expect(
      sameOrigin(new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": HOST, origin: "https://outpost.test" })),
    ).toBe(true);
  });

  it("refuses a missing, null, foreign or malformed Origin, and a request without a host", () => {
    for (const h of REFUSED) expect(sameOrigin(new Headers(h)), JSON.stringify(h)).toBe(false);
  });
});

describe("every check that acts with a cookie uses it", () => {
  const run = vi.fn(async () => "ran");
  beforeEach(() => run.mockClear());

  it("page posts (the proxy)", async () => {
    for (const h of REFUSED) {
      const res = await checkPagePost(new Request(`http://${HOST}/`, { method: "POST", body: "[]", headers: h }));
      expect(res?.status, JSON.stringify(h)).toBe(403);
    }
  });

  it("server actions, console and portal", async () => {
    const consoleAction = action({ role: "author", input: z.object({}) }, run);
    const portal = portalAction({ role: "user", input: z.object({ tenant: z.string() }) }, run);
    for (const h of REFUSED) {
      incoming.headers = new Headers(h);
      expect(await consoleAction({})).toMatchObject({ ok: false, error: /did not come from an Outpost page/ });
      expect(await portal({ tenant: "acme" })).toMatchObject({ ok: false, error: /did not come from a portal page/ });
    }
    expect(run).not.toHaveBeenCalled();
  });

  it("console route handlers, for a signed-in user", async () => {
    const user = await createUser({ login: "origin-check", name: "Origin", role: "author", password: "origin-pass-1" });
    const cookie = `${SESSION_COOKIE}=${(await createSession(user.id)).token}`;
    const handler = consoleRoute("author", run);
    const call = (h: Record<string, string>) =>
      handler(new NextRequest(`http://${HOST}/api/x`, { method: "POST", headers: { ...h, cookie } }), {
        params: Promise.resolve({}),
      });
    for (const h of REFUSED) expect((await call(h)).status, JSON.stringify(h)).toBe(403);
    expect(run).not.toHaveBeenCalled();
    expect((await call({ host: HOST, origin: `http://${HOST}` })).status).toBe(200);
    expect(run).toHaveBeenCalledOnce();
  });
});
