import "server-only";
import { db } from "@/lib/db";
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
  const session = await db.session.findUnique({
    where: { id: claims.sid },
    select: { expiresAt: true, user: { select: { id: true, login: true, name: true, role: true, disabled: true } } },
  });
  if (!session || session.user.id !== claims.sub || session.expiresAt <= new Date() || session.user.disabled)
    return null;
  const { id, login, name, role } = session.user;
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
