import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/lib/auth/users";
import { signIn } from "@/lib/auth/sign-in";
import { resolveSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { LOCKOUT_SECONDS, MAX_FAILURES } from "@/lib/auth/sign-in-throttle";
import { createTenant } from "@/lib/portal/tenants";
import {
  changeOwnPortalPassword,
  changePortalUserRole,
  createPortalUser,
  listPortalUsers,
  resetPortalUserPassword,
  setPortalUserDisabled,
} from "@/lib/portal/users";
import {
  PORTAL_SESSION_COOKIE,
  createPortalSession,
  endPortalSession,
  resolvePortalSession,
} from "@/lib/portal/sessions";
import { portalSignIn } from "@/lib/portal/sign-in";
import { portalRoute, safePortalNext, type PortalViewer } from "@/lib/portal/viewer";
import { serveRoutes, type Routes } from "./support/route-server";

type Handler = NonNullable<Routes[string]["GET"]>;

// Portal users and sessions: per-tenant users, the console's sign-in rules, and separation of
// console and portal sessions and of one tenant's sessions from another's, down to a real HTTP
// route built with portalRoute().

const pw = "portal-password-1";
type Tenant = { id: string; slug: string; name: string };
let acme: Tenant;
let globex: Tenant;
let server: { url: string; close: () => Promise<void> };

const me = portalRoute<{ tenant: string }>(async (_req, viewer) => Response.json(viewer));
const adminOnly = portalRoute<{ tenant: string }>(async (_req, viewer) => Response.json({ ok: viewer.login }), {
  role: "admin",
});
const echo = portalRoute<{ tenant: string; id: string }>(async (req, viewer, params) =>
  Response.json({ id: params.id, method: req.method, tenant: viewer.slug }),
);

beforeAll(async () => {
  acme = await createTenant({ name: "Acme", slug: "acme", orgTechId: "A1B2C3D4E5@OutpostOrg" });
  globex = await createTenant({ name: "Globex", slug: "globex", orgTechId: "B1B2C3D4E5@OutpostOrg" });
  // portalRoute's handlers declare their params; the test server hands them over as a string record
  const h = (f: unknown) => f as Handler;
  server = await serveRoutes({
    "/portal/:tenant/me": { GET: h(me) },
    "/portal/:tenant/admin": { GET: h(adminOnly) },
    "/portal/:tenant/echo/:id": { GET: h(echo), POST: h(echo) },
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  await db.portalUser.deleteMany();
  await db.loginAttempt.deleteMany();
});

const get = (path: string, token?: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { ...(token ? { cookie: `${PORTAL_SESSION_COOKIE}=${token}` } : {}), ...init.headers },
  });

describe("portal users", () => {
  it("are per tenant: the same login in two tenants are two users, each with its own password", async () => {
    const a = await createPortalUser({
      tenantId: acme.id,
      login: "ann",
      displayName: "Ann",
      password: pw,
      role: "admin",
    });
    const b = await createPortalUser({
      tenantId: globex.id,
      login: "ann",
      displayName: "Ann G",
      password: "another-password-2",
      role: "user",
    });
    expect(a.id).not.toBe(b.id);
    expect(a).not.toHaveProperty("passwordHash");
    await expect(portalSignIn("acme", "ann", pw)).resolves.toHaveProperty("token");
    await expect(portalSignIn("globex", "ann", pw)).rejects.toThrow("Invalid user name or password");
    await expect(
      createPortalUser({ tenantId: acme.id, login: "ann", displayName: "Ann 2", password: pw, role: "user" }),
    ).rejects.toThrow(/already exists/);
    const stored = await db.portalUser.findUnique({ where: { id: a.id }, omit: { passwordHash: false } });
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await listPortalUsers(acme.id)).rows.map((u) => u.displayName)).toEqual(["Ann"]);
  });

  it("a tenant is created with its first Portal administrator, who can sign in at once", async () => {
    const t = await createTenant({
      name: "Initech",
      slug: "initech",
      orgTechId: "C1B2C3D4E5@OutpostOrg",
      admin: { login: "boss", password: pw },
    });
    const { rows } = await listPortalUsers(t.id);
    expect(rows).toMatchObject([{ login: "boss", displayName: "boss", role: "admin", disabled: false }]);
    const { token } = await portalSignIn("initech", "boss", pw);
    expect(await resolvePortalSession(token, t)).toMatchObject({ login: "boss", role: "admin", slug: "initech" });
  });

  it("keep at least one enabled Portal administrator, and nobody removes their own access", async () => {
    const admin = await createPortalUser({
      tenantId: acme.id,
      login: "root",
      displayName: "R",
      password: pw,
      role: "admin",
    });
    const user = await createPortalUser({
      tenantId: acme.id,
      login: "bob",
      displayName: "B",
      password: pw,
      role: "user",
    });
    await expect(changePortalUserRole(acme.id, null, admin.id, "user")).rejects.toThrow(/at least one enabled/);
    await expect(setPortalUserDisabled(acme.id, null, admin.id, true)).rejects.toThrow(/at least one enabled/);
    await expect(changePortalUserRole(acme.id, admin.id, admin.id, "user")).rejects.toThrow(/your own/);
    await expect(setPortalUserDisabled(acme.id, admin.id, admin.id, true)).rejects.toThrow(/your own/);
    await changePortalUserRole(acme.id, admin.id, user.id, "admin");
    await changePortalUserRole(acme.id, user.id, admin.id, "user"); // another admin remains
    expect((await listPortalUsers(acme.id)).rows.map((u) => [u.login, u.role])).toEqual([
      ["bob", "admin"],
      ["root", "user"],
    ]);
  });

  it("another tenant's user id finds nothing", async () => {
    const g = await createPortalUser({
      tenantId: globex.id,
      login: "gus",
      displayName: "G",
      password: pw,
      role: "user",
    });
    await expect(resetPortalUserPassword(acme.id, g.id, "hijacked-password")).rejects.toThrow(/was not found/);
    await expect(setPortalUserDisabled(acme.id, null, g.id, true)).rejects.toThrow(/was not found/);
    await expect(changePortalUserRole(acme.id, null, g.id, "admin")).rejects.toThrow(/was not found/);
    await expect(portalSignIn("globex", "gus", pw)).resolves.toHaveProperty("token");
  });
});

describe("portal sign-in", () => {
  it("answers the same for unknown users and wrong passwords, and refuses console users", async () => {
    await createPortalUser({ tenantId: acme.id, login: "ann", displayName: "Ann", password: pw, role: "user" });
    await createUser({ login: "consoleadmin", name: "Console", role: "administrator", password: pw });
    await expect(portalSignIn("acme", "ann", "wrong-password")).rejects.toThrow("Invalid user name or password");
    await expect(portalSignIn("acme", "nobody", pw)).rejects.toThrow("Invalid user name or password");
    await expect(portalSignIn("acme", "consoleadmin", pw)).rejects.toThrow("Invalid user name or password");
    await expect(portalSignIn("nowhere", "ann", pw)).rejects.toThrow(/no such portal/);
  });

  it(`locks a login of a tenant for ${LOCKOUT_SECONDS}s after ${MAX_FAILURES} failures, like the console`, async () => {
    await createPortalUser({ tenantId: acme.id, login: "ann", displayName: "Ann", password: pw, role: "user" });
    await createPortalUser({ tenantId: globex.id, login: "ann", displayName: "Ann", password: pw, role: "user" });
    await createUser({ login: "ann", name: "Console Ann", role: "author", password: pw });
    for (let i = 0; i < MAX_FAILURES; i++)
      await expect(portalSignIn("acme", "ann", "nope-nope")).rejects.toThrow("Invalid");
    await expect(portalSignIn("acme", "ann", pw)).rejects.toThrow(/Too many failed sign-ins.*Try again in \d+ seconds/);
    // the lock is per tenant and separate from the console's
    const { device: globexDevice } = await portalSignIn("globex", "ann", pw);
    const { device: consoleDevice } = await signIn("ann", pw);
    // a browser that signed in to this tenant as ann before is not locked out; another tenant's or the console's is
    await expect(portalSignIn("acme", "ann", pw, globexDevice)).rejects.toThrow(/Too many failed/);
    await expect(portalSignIn("acme", "ann", pw, consoleDevice)).rejects.toThrow(/Too many failed/);
    // unknown names lock the same way
    for (let i = 0; i < MAX_FAILURES; i++)
      await expect(portalSignIn("acme", "ghost", "nope-nope")).rejects.toThrow("Invalid");
    await expect(portalSignIn("acme", "ghost", pw)).rejects.toThrow(/Too many failed/);
    await db.loginAttempt.update({
      where: { login: `portal:${acme.id}:ann` },
      data: { lockedUntil: new Date(Date.now() - 1) },
    });
    const { device } = await portalSignIn("acme", "ann", pw);
    for (let i = 0; i < MAX_FAILURES; i++)
      await expect(portalSignIn("acme", "ann", "nope-nope")).rejects.toThrow("Invalid");
    await expect(portalSignIn("acme", "ann", pw, device)).resolves.toHaveProperty("token"); // hers
  });

  it("refuses disabled users and ends their sessions; a reset password ends sessions too", async () => {
    const admin = await createPortalUser({
      tenantId: acme.id,
      login: "root",
      displayName: "R",
      password: pw,
      role: "admin",
    });
    const u = await createPortalUser({
      tenantId: acme.id,
      login: "ann",
      displayName: "Ann",
      password: pw,
      role: "user",
    });
    const { token } = await portalSignIn("acme", "ann", pw);
    expect(await resolvePortalSession(token, acme)).not.toBeNull();
    await setPortalUserDisabled(acme.id, admin.id, u.id, true);
    expect(await resolvePortalSession(token, acme)).toBeNull();
    await expect(portalSignIn("acme", "ann", pw)).rejects.toThrow(/disabled/);
    await setPortalUserDisabled(acme.id, admin.id, u.id, false);
    const again = await portalSignIn("acme", "ann", pw);
    await resetPortalUserPassword(acme.id, u.id, "new-password-123");
    expect(await resolvePortalSession(again.token, acme)).toBeNull();
    await expect(portalSignIn("acme", "ann", pw)).rejects.toThrow("Invalid");
    await expect(portalSignIn("acme", "ann", "new-password-123")).resolves.toHaveProperty("token");
  });

  it("changing one's own password keeps this session and ends the others", async () => {
    const u = await createPortalUser({
      tenantId: acme.id,
      login: "ann",
      displayName: "Ann",
      password: pw,
      role: "user",
    });
    const a = await portalSignIn("acme", "ann", pw);
    const b = await portalSignIn("acme", "ann", pw);
    const sa = (await resolvePortalSession(a.token, acme))!;
    await expect(changeOwnPortalPassword(u.id, sa.sessionId, "not-it-at-all", "next-password-1")).rejects.toThrow(
      "The current password is not correct.",
    );
    await changeOwnPortalPassword(u.id, sa.sessionId, pw, "next-password-1");
    expect(await resolvePortalSession(a.token, acme)).not.toBeNull();
    expect(await resolvePortalSession(b.token, acme)).toBeNull();
    await expect(portalSignIn("acme", "ann", "next-password-1")).resolves.toHaveProperty("token");
  });

  it("sessions last 8 hours and end on sign-out", async () => {
    const u = await createPortalUser({
      tenantId: acme.id,
      login: "ann",
      displayName: "Ann",
      password: pw,
      role: "user",
    });
    const { token, expiresAt } = await createPortalSession(u.id);
    expect((expiresAt.getTime() - Date.now()) / 3_600_000).toBeCloseTo(8, 1);
    const s = (await resolvePortalSession(token, acme))!;
    await db.portalSession.update({ where: { id: s.sessionId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await resolvePortalSession(token, acme)).toBeNull();
    const other = await createPortalSession(u.id);
    const s2 = (await resolvePortalSession(other.token, acme))!;
    await endPortalSession(s2.sessionId);
    expect(await resolvePortalSession(other.token, acme)).toBeNull();
  });
});

describe("session separation", () => {
  it("a console session gives no portal access, and a portal session no console access", async () => {
    const console = await createUser({ login: "root", name: "Root", role: "administrator", password: pw });
    const consoleToken = (await signIn("root", pw)).token;
    expect(await resolveSession(consoleToken)).toMatchObject({ id: console.id });
    expect(await resolvePortalSession(consoleToken, acme)).toBeNull();
    expect((await get("/portal/acme/me", consoleToken)).status).toBe(404);
    // the console cookie itself, sent to a portal route, is not a portal session
    expect(
      (await get("/portal/acme/me", undefined, { headers: { cookie: `${SESSION_COOKIE}=${consoleToken}` } })).status,
    ).toBe(404);

    const u = await createPortalUser({
      tenantId: acme.id,
      login: "root",
      displayName: "R",
      password: pw,
      role: "admin",
    });
    const portalToken = (await createPortalSession(u.id)).token;
    expect(await resolveSession(portalToken)).toBeNull();
  });

  it("one tenant's session gives nothing in another", async () => {
    const a = await createPortalUser({
      tenantId: acme.id,
      login: "ann",
      displayName: "Ann",
      password: pw,
      role: "admin",
    });
    await createPortalUser({ tenantId: globex.id, login: "ann", displayName: "Ann", password: pw, role: "admin" });
    const { token } = await createPortalSession(a.id);
    expect(await resolvePortalSession(token, acme)).toMatchObject({ userId: a.id });
    expect(await resolvePortalSession(token, globex)).toBeNull();
    const here = await get("/portal/acme/me", token);
    expect(here.status).toBe(200);
    expect((await here.json()) as PortalViewer).toEqual({
      tenantId: acme.id,
      slug: "acme",
      tenantName: "Acme",
      userId: a.id,
      login: "ann",
      displayName: "Ann",
      role: "admin",
    });
    expect((await get("/portal/globex/me", token)).status).toBe(404);
    expect((await get("/portal/globex/admin", token)).status).toBe(404);
  });
});

describe("portalRoute", () => {
  it("answers 404 JSON without a session, for an unknown tenant, and for a role the viewer lacks", async () => {
    const u = await createPortalUser({
      tenantId: acme.id,
      login: "bob",
      displayName: "Bob",
      password: pw,
      role: "user",
    });
    const { token } = await createPortalSession(u.id);
    for (const [path, t] of [
      ["/portal/acme/me", undefined],
      ["/portal/acme/me", "not-a-jwt"],
      ["/portal/nowhere/me", token],
      ["/portal/acme/admin", token],
    ] as const) {
      const res = await get(path, t);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toEqual({ error: "not_found", message: "Not found." });
    }
    expect((await get("/portal/acme/me", token)).status).toBe(200);
  });

  it("passes the route's params and refuses cross-site POSTs", async () => {
    const u = await createPortalUser({
      tenantId: acme.id,
      login: "bob",
      displayName: "Bob",
      password: pw,
      role: "user",
    });
    const { token } = await createPortalSession(u.id);
    expect(await (await get("/portal/acme/echo/a1", token)).json()).toEqual({
      id: "a1",
      method: "GET",
      tenant: "acme",
    });
    const cross = await get("/portal/acme/echo/a1", token, {
      method: "POST",
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(cross.status).toBe(403);
    const same = await get("/portal/acme/echo/a1", token, {
      method: "POST",
      headers: { origin: server.url },
    });
    expect(await same.json()).toMatchObject({ method: "POST" });
  });
});

describe("next= after sign-in", () => {
  it("stays inside the tenant", () => {
    expect(safePortalNext("acme", "/portal/acme/search?q=logo")).toBe("/portal/acme/search?q=logo");
    expect(safePortalNext("acme", "/portal/acme")).toBe("/portal/acme");
    for (const bad of [
      "https://evil.example/portal/acme",
      "//evil.example/portal/acme",
      "/portal/globex/users",
      "/portal/acme-2",
      "/portal/acme/../globex",
      "/portal/acme/%2e%2e/globex",
      "/\\evil.example",
      "/portal/acme\\..\\globex",
      undefined,
    ])
      expect(safePortalNext("acme", bad), String(bad)).toBe("/portal/acme");
  });
});
