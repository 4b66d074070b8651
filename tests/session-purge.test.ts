import { describe, it, expect, vi, afterEach } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/lib/auth/users";
import { createSession, purgeExpiredSessions, resolveSession } from "@/lib/auth/sessions";
import { createTenant } from "@/lib/portal/tenants";
import { createPortalUser } from "@/lib/portal/users";
import { createPortalSession, purgeExpiredPortalSessions } from "@/lib/portal/sessions";
import { startHousekeeping } from "@/lib/runtime/housekeeping";

// Session rows outlive their cookies: an expired one opens nothing (resolveSession checks
// expiresAt) but would stay in the table for ever. The hourly housekeeping deletes them.

afterEach(() => vi.useRealTimers());

describe("expired sessions are purged", () => {
  it("console and portal: the expired rows go, the live ones stay and still sign in", async () => {
    const user = await createUser({ login: "purge", name: "Purge", role: "author", password: "purge-pass-1" });
    const live = await createSession(user.id);
    await createSession(user.id);
    const tenant = await createTenant({ name: "Purge", slug: "purge", orgTechId: "P1B2C3D4E5@OutpostOrg" });
    const portalUser = await createPortalUser({
      tenantId: tenant.id,
      login: "viewer",
      displayName: "Viewer",
      password: "viewer-pass-1",
      role: "user",
    });
    await createPortalSession(portalUser.id);
    await createPortalSession(portalUser.id);
    const past = new Date(Date.now() - 1000);
    const [, oldConsole] = await db.session.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    await db.session.update({ where: { id: oldConsole.id }, data: { expiresAt: past } });
    const [oldPortal] = await db.portalSession.findMany({ where: { userId: portalUser.id } });
    await db.portalSession.update({ where: { id: oldPortal.id }, data: { expiresAt: past } });

    expect(await purgeExpiredSessions()).toBe(1);
    expect(await purgeExpiredPortalSessions()).toBe(1);
    expect(await db.session.findUnique({ where: { id: oldConsole.id } })).toBeNull();
    expect(await db.portalSession.findUnique({ where: { id: oldPortal.id } })).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.portalSession.count({ where: { userId: portalUser.id } })).toBe(1);
    expect(await resolveSession(live.token)).toMatchObject({ id: user.id });
    // Nothing left to purge: a second node running the same sweep deletes nothing more.
    expect(await purgeExpiredSessions()).toBe(0);
  });
});

describe("housekeeping", () => {
  it("runs every job at start and then every period; a failing job does not stop the others", async () => {
    vi.useFakeTimers();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const ran: string[] = [];
    const stop = await startHousekeeping("test", [
      async () => void ran.push("a"),
      async () => {
        throw new Error("disk full");
      },
      async () => void ran.push("c"),
    ]);
    expect(ran).toEqual(["a", "c"]);
    expect(log).toHaveBeenCalledWith("[test] housekeeping failed", expect.any(Error));
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(ran).toEqual(["a", "c", "a", "c"]);
    await stop();
    await vi.advanceTimersByTimeAsync(2 * 60 * 60_000);
    expect(ran).toHaveLength(4);
    log.mockRestore();
  });
});
