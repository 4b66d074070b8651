import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { UserError } from "@/lib/errors";

export const MAX_FAILURES = 5;
export const LOCKOUT_SECONDS = 30;
const INVALID = "Invalid user name or password";

/**
 * Checks a login and password and opens a session. Unknown users and wrong passwords get the same
 * message and take the same time; five failures for one login name lock it for 30 seconds.
 */
export async function signIn(login: string, password: string): Promise<{ token: string; expiresAt: Date }> {
  const now = new Date();
  const attempt = await db.loginAttempt.findUnique({ where: { login } });
  if (attempt?.lockedUntil && attempt.lockedUntil > now) {
    const wait = Math.ceil((attempt.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new UserError(`Too many failed sign-ins for this user name. Try again in ${wait} seconds.`, {
      status: 429,
      code: "locked",
    });
  }
  const user = await db.user.findUnique({ where: { login }, omit: { passwordHash: false } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    await recordFailure(login, attempt?.failures ?? 0, now);
    throw new UserError(INVALID, { status: 401, code: "invalid_credentials" });
  }
  if (user.disabled)
    throw new UserError("This account is disabled. Ask an administrator to enable it.", {
      status: 403,
      code: "disabled",
    });
  await db.loginAttempt.deleteMany({ where: { login } });
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return createSession(user.id);
}

async function recordFailure(login: string, previous: number, now: Date) {
  const failures = previous + 1;
  const locked = failures >= MAX_FAILURES;
  const data = {
    failures: locked ? 0 : failures,
    lockedUntil: locked ? new Date(now.getTime() + LOCKOUT_SECONDS * 1000) : null,
  };
  await db.loginAttempt.upsert({ where: { login }, create: { login, ...data }, update: data });
}
