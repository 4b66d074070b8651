// Recognises a private key pasted where a public key belongs. Shared: the form checks before it
// sends anything (so the private key never leaves the browser) and the server checks again.

const PRIVATE_PEM = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

export const PRIVATE_KEY_MESSAGE =
  "This is a private key. Paste the public key only (it starts with -----BEGIN PUBLIC KEY-----); the private key was not saved. If it was shared by mistake, create a new key pair.";

export function looksLikePrivateKey(text: string): boolean {
  if (PRIVATE_PEM.test(text)) return true;
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) return false;
  try {
    const jwk = JSON.parse(trimmed) as Record<string, unknown>;
    const keys = Array.isArray(jwk.keys) ? (jwk.keys as Record<string, unknown>[]) : [jwk];
    return keys.some((k) => k && typeof k === "object" && ("d" in k || "k" in k));
  } catch {
    return false;
  }
}
