// Telling an Application ID from an application secret, for the dialog's warning (the reference
// warns admins not to paste the secret). Shared by client and server.
//
// Application IDs are short identifiers: Outpost's gateway issues "app-" + 20 hex digits, Adobe's
// legacy gateway UUIDs or 32 hex digits. Secrets are long random strings, usually with a
// secret-style prefix: Outpost's gateway "ops_" + 43 base64url characters, Adobe "p8e-…". So: a
// secret prefix, or 40+ characters with the character mix and entropy of random base64/base62 text
// (for gateways whose secrets carry no prefix).

const SECRET_PREFIXES = [
  /^p8e-/i,
  /^sk[-_]/i,
  /^cs[-_]/i,
  /^secret[-_:]?/i,
  /^shh[-_]/i,
  /^s\.[a-z0-9]/i,
  /^gws_/i,
  /^ops_/i,
];

export function looksLikeSecret(value: string): boolean {
  const v = value.trim();
  if (!v) return false;
  if (SECRET_PREFIXES.some((re) => re.test(v))) return true;
  if (v.length < 40) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
  const entropy = entropyBitsPerChar(v);
  // Readable names ("acme-brand-portal-…") stay near 4 bits/char in one or two classes; random
  // base64/base62 has three or four classes, or well over 4.5 bits/char.
  return (classes >= 3 && entropy >= 4) || entropy >= 4.5;
}

function entropyBitsPerChar(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

export const SECRET_WARNING =
  "This looks like the application secret, not the Application ID. Copy the Application ID from the gateway's application page.";
