import "server-only";
import { db } from "@/lib/db";
import { sql } from "@/lib/assets/sql";
import { newSessionRow, signSessionToken, verifySessionToken, type SessionRealm } from "@/lib/auth/session-token";
import type { PortalRole } from "@/lib/portal/roles";
import type { PortalViewer } from "@/lib/portal/viewer";

// Portal sessions follow the console's rules (lib/auth/session-token.ts: signed cookie naming a row,
// 8 hours, ended by sign-out, password reset or disabling) with their own table, cookie and realm.
// The cookie's path is the tenant's URL, and the token's audience is the tenant: a session opens
// one tenant and nothing else, and console and portal tokens never verify in each other's realm.

export const PORTAL_SESSION_COOKIE = "outpost_portal_session";
export const portalCookiePath = (slug: string) => `/portal/${slug}`;
const realm = (tenantId: string): SessionRealm => ({ issuer: "outpost-portal", audience: tenantId });

type Tenant = { id: string; slug: string; name: string };
type SessionRow = {
  expiresAt: Date | string | number;
  id: string;
  tenantId: string;
  login: string;
  displayName: string;
  role: string;
  disabled: boolean | number;
};
export type PortalSessionUser = PortalViewer & { sessionId: string };

/** Opens a session for a portal user; `token` is the value of the PORTAL_SESSION_COOKIE cookie. */
export async function createPortalSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const user = await db.portalUser.findUniqueOrThrow({ where: { id: userId }, select: { tenantId: true } });
  const { id, expiresAt } = newSessionRow();
  await db.portalSession.create({ data: { id, userId, expiresAt } });
  return { token: await signSessionToken(id, userId, expiresAt, realm(user.tenantId)), expiresAt };
}

/** The portal user behind a cookie for this tenant, or null (bad token, other tenant, ended, disabled). */
export async function resolvePortalSession(
  token: string | undefined,
  tenant: Tenant,
): Promise<PortalSessionUser | null> {
  if (!token) return null;
  const claims = await verifySessionToken(token, realm(tenant.id));
  if (!claims) return null;
  // Plain SQL: every portal page and route asks, and Prisma's query builder compiles each query
  // anew (that cost more than the read). Dates and booleans come as the database stores them.
  const [user] = await db.$queryRaw<SessionRow[]>(sql`SELECT "s"."expiresAt" AS "expiresAt", "u"."id" AS "id",
      "u"."tenantId" AS "tenantId", "u"."login" AS "login", "u"."displayName" AS "displayName", "u"."role" AS "role",
      "u"."disabled" AS "disabled"
    FROM "PortalSession" AS "s" JOIN "PortalUser" AS "u" ON "u"."id" = "s"."userId" WHERE "s"."id" = ${claims.sid}`);
  if (!user || user.id !== claims.sub || user.tenantId !== tenant.id) return null;
  if (new Date(user.expiresAt) <= new Date() || Boolean(user.disabled)) return null;
  return {
    tenantId: tenant.id,
    slug: tenant.slug,
    tenantName: tenant.name,
    userId: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role as PortalRole,
    sessionId: claims.sid,
  };
}

export async function endPortalSession(sessionId: string): Promise<void> {
  await db.portalSession.deleteMany({ where: { id: sessionId } });
}

/** Deletes the rows of expired portal sessions (their cookies no longer open anything): hourly housekeeping. */
export async function purgeExpiredPortalSessions(now = new Date()): Promise<number> {
  const { count } = await db.portalSession.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}

/** Ends every session of a portal user (password reset, disable), except `keep` when given. */
export async function endPortalUserSessions(userId: string, keep?: string): Promise<void> {
  await db.portalSession.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
}
