import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { dataDir, env } from "@/lib/env";
import { loadKeyFile } from "@/lib/crypto/key-file";

// The session cookie: an HS256 JWT naming a Session row. jose verifies with an algorithm allow-list.
export const SESSION_COOKIE = "outpost_session";
export const SESSION_TTL_SECONDS = 8 * 60 * 60;

/**
 * Who a session token is for. Console and portal tokens have different issuers, and a portal token's
 * audience is its tenant's id: a token of one realm never verifies in another, whatever cookie it
 * was put in.
 */
export type SessionRealm = { issuer: string; audience?: string };
const CONSOLE: SessionRealm = { issuer: "outpost-console" };

let key: Uint8Array | null = null;
function sessionKey(): Uint8Array {
  key ??= env.OUTPOST_SESSION_SECRET
    ? new TextEncoder().encode(env.OUTPOST_SESSION_SECRET)
    : new Uint8Array(loadKeyFile(dataDir, "session.key", { create: true })!);
  return key;
}

// jose imports a raw secret into WebCrypto on every verification (0.2 ms of CPU, on every request
// of a signed-in user): imported once, as the secret itself is read once.
let verifyKey: Promise<CryptoKey> | null = null;
function sessionVerifyKey(): Promise<CryptoKey> {
  verifyKey ??= crypto.subtle.importKey("raw", new Uint8Array(sessionKey()), { name: "HMAC", hash: "SHA-256" }, false, [
    "verify",
  ]);
  return verifyKey;
}

/** A new session row's id and expiry (the same rules for console and portal sessions). */
export function newSessionRow(): { id: string; expiresAt: Date } {
  return { id: randomBytes(18).toString("base64url"), expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000) };
}

export async function signSessionToken(
  sessionId: string,
  userId: string,
  expiresAt: Date,
  realm: SessionRealm = CONSOLE,
): Promise<string> {
  const jwt = new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuer(realm.issuer)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000));
  if (realm.audience) jwt.setAudience(realm.audience);
  return jwt.sign(sessionKey());
}

export async function verifySessionToken(
  token: string,
  realm: SessionRealm = CONSOLE,
): Promise<{ sid: string; sub: string } | null> {
  try {
    const { payload } = await jwtVerify(token, await sessionVerifyKey(), {
      algorithms: ["HS256"],
      issuer: realm.issuer,
      ...(realm.audience ? { audience: realm.audience } : {}),
    });
    if (typeof payload.sid !== "string" || typeof payload.sub !== "string") return null;
    // A console token carries no audience; one that does was not issued for the console.
    if (!realm.audience && payload.aud !== undefined) return null;
    return { sid: payload.sid, sub: payload.sub };
  } catch {
    return null;
  }
}

// A device token: a browser that has signed in as a user before carries one for that user's
// lockout key, so strangers' failed guesses do not lock it out (lib/auth/sign-in-throttle.ts).
export const DEVICE_TTL_SECONDS = 365 * 24 * 60 * 60;
const DEVICE_ISSUER = "outpost-device";

export async function signDeviceToken(lockKey: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(lockKey)
    .setJti(randomBytes(12).toString("base64url"))
    .setIssuer(DEVICE_ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${DEVICE_TTL_SECONDS}s`)
    .sign(sessionKey());
}

/** The device's id when `token` is a device token for `lockKey`, or null. */
export async function verifyDeviceToken(token: string, lockKey: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, await sessionVerifyKey(), {
      algorithms: ["HS256"],
      issuer: DEVICE_ISSUER,
      subject: lockKey,
    });
    return typeof payload.jti === "string" ? payload.jti : null;
  } catch {
    return null;
  }
}

/** A fingerprint of the session key (never the key): every node of a cluster must sign with the same one. */
export function sessionKeyFingerprint(): string {
  return createHash("sha256")
    .update("outpost-session-key-check\0")
    .update(sessionKey())
    .digest("base64url")
    .slice(0, 22);
}
