import "server-only";
import { createHash } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { dataDir, env } from "@/lib/env";
import { loadKeyFile } from "@/lib/crypto/key-file";

// The session cookie: an HS256 JWT naming a Session row. jose verifies with an algorithm allow-list.
export const SESSION_COOKIE = "outpost_session";
export const SESSION_TTL_SECONDS = 8 * 60 * 60;
const ISSUER = "outpost-console";

let key: Uint8Array | null = null;
function sessionKey(): Uint8Array {
  key ??= env.OUTPOST_SESSION_SECRET
    ? new TextEncoder().encode(env.OUTPOST_SESSION_SECRET)
    : new Uint8Array(loadKeyFile(dataDir, "session.key", { create: true })!);
  return key;
}

export async function signSessionToken(sessionId: string, userId: string, expiresAt: Date): Promise<string> {
  return new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(sessionKey());
}

export async function verifySessionToken(token: string): Promise<{ sid: string; sub: string } | null> {
  try {
    const { payload } = await jwtVerify(token, sessionKey(), { algorithms: ["HS256"], issuer: ISSUER });
    if (typeof payload.sid !== "string" || typeof payload.sub !== "string") return null;
    return { sid: payload.sid, sub: payload.sub };
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
