import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { verifyDeviceToken } from "@/lib/auth/session-token";

// Failed sign-ins per key (LoginAttempt), shared by the console and the portal: five failures lock
// the key for 30 seconds, whether or not the user exists, so a lockout reveals nothing. The console
// keys by login name; the portal by "portal:<tenantId>:<login>" (':' never occurs in a login name).
// A browser that has signed in as the user before (a device cookie, as OWASP's "device cookies")
// counts against its own key instead: a stranger's guesses lock out strangers, not the user.
export const MAX_FAILURES = 5;
export const LOCKOUT_SECONDS = 30;

/** The key a sign-in's failures count against: the device's, when it has signed in as this user before. */
export async function throttleKey(key: string, deviceToken: string | undefined): Promise<string> {
  const device = deviceToken ? await verifyDeviceToken(deviceToken, key) : null;
  return device ? `device:${device}` : key;
}

/** Throws "Too many failed sign-ins" while the key is locked. */
export async function assertNotLocked(key: string, now: Date): Promise<void> {
  const attempt = await db.loginAttempt.findUnique({ where: { login: key }, select: { lockedUntil: true } });
  if (attempt?.lockedUntil && attempt.lockedUntil > now) {
    const wait = Math.ceil((attempt.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new UserError(`Too many failed sign-ins for this user name. Try again in ${wait} seconds.`, {
      status: 429,
      code: "locked",
    });
  }
}

export async function recordFailedSignIn(key: string, now: Date): Promise<void> {
  const attempt = await db.loginAttempt.findUnique({ where: { login: key }, select: { failures: true } });
  const failures = (attempt?.failures ?? 0) + 1;
  const locked = failures >= MAX_FAILURES;
  const data = {
    failures: locked ? 0 : failures,
    lockedUntil: locked ? new Date(now.getTime() + LOCKOUT_SECONDS * 1000) : null,
  };
  await db.loginAttempt.upsert({ where: { login: key }, create: { login: key, ...data }, update: data });
}

export async function clearFailedSignIns(key: string): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { login: key } });
}
