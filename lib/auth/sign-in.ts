import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { assertNotLocked, clearFailedSignIns, recordFailedSignIn } from "@/lib/auth/sign-in-throttle";
import { UserError } from "@/lib/errors";

export { MAX_FAILURES, LOCKOUT_SECONDS } from "@/lib/auth/sign-in-throttle";
export const INVALID_CREDENTIALS = "Invalid user name or password";

/**
 * Checks a login and password and opens a session. Unknown users and wrong passwords get the same
 * message and take the same time; five failures for one login name lock it for 30 seconds.
 */
export async function signIn(login: string, password: string): Promise<{ token: string; expiresAt: Date }> {
  const now = new Date();
  await assertNotLocked(login, now);
  const user = await db.user.findUnique({ where: { login }, omit: { passwordHash: false } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    await recordFailedSignIn(login, now);
    throw new UserError(INVALID_CREDENTIALS, { status: 401, code: "invalid_credentials" });
  }
  if (user.disabled)
    throw new UserError("This account is disabled. Ask an administrator to enable it.", {
      status: 403,
      code: "disabled",
    });
  await clearFailedSignIns(login);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return createSession(user.id);
}
