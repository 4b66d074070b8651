import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { INVALID_CREDENTIALS } from "@/lib/auth/sign-in";
import { assertNotLocked, clearFailedSignIns, recordFailedSignIn, throttleKey } from "@/lib/auth/sign-in-throttle";
import { signDeviceToken } from "@/lib/auth/session-token";
import { createPortalSession } from "@/lib/portal/sessions";
import { findTenant } from "@/lib/portal/tenants";
import { UserError } from "@/lib/errors";

/**
 * Signs a portal user in to one tenant, with the console's rules: the same message and time for
 * unknown users and wrong passwords, five failures lock the login name in this tenant for 30 s
 * (a browser that signed in as this user before has its own count).
 * Only the tenant's own users exist here: console users' credentials fail like any unknown name.
 */
export async function portalSignIn(slug: string, login: string, password: string, device?: string) {
  const tenant = await findTenant(slug);
  if (!tenant) throw new UserError("There is no such portal. Check the address.", { status: 404, code: "not_found" });
  const key = `portal:${tenant.id}:${login}`;
  const now = new Date();
  const lockKey = await throttleKey(key, device); // a browser that signed in here before: its own
  await assertNotLocked(lockKey, now);
  const user = await db.portalUser.findUnique({
    where: { tenantId_login: { tenantId: tenant.id, login } },
    omit: { passwordHash: false },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    await recordFailedSignIn(lockKey, now);
    throw new UserError(INVALID_CREDENTIALS, { status: 401, code: "invalid_credentials" });
  }
  if (user.disabled)
    throw new UserError("This account is disabled. Ask your portal administrator to enable it.", {
      status: 403,
      code: "disabled",
    });
  await clearFailedSignIns(lockKey);
  await db.portalUser.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return { tenant, ...(await createPortalSession(user.id)), device: await signDeviceToken(key) };
}
