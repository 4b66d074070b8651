import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { dataDir, env } from "@/lib/env";
import { loadKeyFile, parseKey } from "@/lib/crypto/key-file";

// AES-256-GCM for private keys and client secrets at rest. Format: v1.<iv>.<tag>.<ciphertext> (base64url).
// The key comes from OUTPOST_SECRET_KEY or data/secret.key (created on first start, mode 0600);
// lib/bootstrap checks it against the fingerprint stored in the database before anything runs.

let cached: Buffer | null = null;

export function masterKey(): Buffer {
  if (cached) return cached;
  cached = env.OUTPOST_SECRET_KEY
    ? parseKey(env.OUTPOST_SECRET_KEY, "OUTPOST_SECRET_KEY")
    : loadKeyFile(dataDir, "secret.key", { create: true })!;
  return cached;
}

/** A short, non-reversible fingerprint that tells whether the same key is in use. */
export function masterKeyFingerprint(): string {
  return createHash("sha256").update("outpost-key-check\0").update(masterKey()).digest("base64url").slice(0, 22);
}

export function seal(plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", masterKey(), iv);
  cipher.setAAD(Buffer.from(context)); // binds the ciphertext to its row, so it cannot be moved to another
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(
    ".",
  );
}

export function open(sealed: string, context: string): string {
  const [v, iv, tag, ct] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || ct === undefined) throw new Error("Encrypted value is malformed");
  const decipher = createDecipheriv("aes-256-gcm", masterKey(), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}
