import "server-only";
import { db } from "@/lib/db";
import { sql } from "@/lib/assets/sql";
import { newSessionRow, signSessionToken, verifySessionToken } from "@/lib/auth/session-token";
import type { Role } from "@/lib/auth/roles";

export type SessionUser = { id: string; login: string; name: string; role: Role; sessionId: string };

export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const { id, expiresAt } = newSessionRow();
  await db.session.create({ data: { id, userId, expiresAt } });
  return { token: await signSessionToken(id, userId, expiresAt), expiresAt };
}

/** The user behind a session cookie, or null when the token, its session row or the user is not valid. */
export async function resolveSession(token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const claims = await verifySessionToken(token);
  if (!claims) return null;
  // Plain SQL: every console request asks, and Prisma's query builder compiles each query anew
  // (that cost more than the read). Dates and booleans come as the database stores them.
  const [row] = await db.$queryRaw<
    {
      expiresAt: Date | string | number;
      id: string;
      login: string;
      name: string;
      role: string;
      disabled: boolean | number;
    }[]
  >(sql`SELECT "s"."expiresAt" AS "expiresAt", "u"."id" AS "id", "u"."login" AS "login", "u"."name" AS "name",
      "u"."role" AS "role", "u"."disabled" AS "disabled"
    FROM "Session" AS "s" JOIN "User" AS "u" ON "u"."id" = "s"."userId" WHERE "s"."id" = ${claims.sid}`);
  if (!row || row.id !== claims.sub || new Date(row.expiresAt) <= new Date() || Boolean(row.disabled)) return null;
  const { id, login, name, role } = row;
  return { id, login, name, role: role as Role, sessionId: claims.sid };
}

export async function endSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Deletes the rows of expired sessions (their cookies no longer open anything): hourly housekeeping. */
export async function purgeExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}

/** Ends every session of a user (password change, reset, disable), except `keep` when given. */
export async function endUserSessions(userId: string, keep?: string): Promise<void> {
  await db.session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
}
