import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { assertNotLocked, clearFailedSignIns, recordFailedSignIn, throttleKey } from "@/lib/auth/sign-in-throttle";
import { signDeviceToken } from "@/lib/auth/session-token";
import { UserError } from "@/lib/errors";

export { MAX_FAILURES, LOCKOUT_SECONDS } from "@/lib/auth/sign-in-throttle";
export const INVALID_CREDENTIALS = "Invalid user name or password";
/** The device cookies of the console and of a portal tenant (on the tenant's path): see throttleKey. */
export const DEVICE_COOKIE = "outpost_device";
export const PORTAL_DEVICE_COOKIE = "outpost_portal_device";

/**
 * Checks a login and password and opens a session. Unknown users and wrong passwords get the same
 * message and take the same time; five failures for one login name lock it for 30 seconds, except
 * for a browser that signed in as this user before (`device`, its device cookie). Returns the
 * device token to set.
 */
export async function signIn(
  login: string,
  password: string,
  device?: string,
): Promise<{ token: string; expiresAt: Date; device: string }> {
  const now = new Date();
  const lockKey = await throttleKey(login, device);
  await assertNotLocked(lockKey, now);
  const user = await db.user.findUnique({ where: { login }, omit: { passwordHash: false } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    await recordFailedSignIn(lockKey, now);
    throw new UserError(INVALID_CREDENTIALS, { status: 401, code: "invalid_credentials" });
  }
  if (user.disabled)
    throw new UserError("This account is disabled. Ask an administrator to enable it.", {
      status: 403,
      code: "disabled",
    });
  await clearFailedSignIns(lockKey);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return { ...(await createSession(user.id)), device: await signDeviceToken(login) };
}
