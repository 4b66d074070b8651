import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Reads a 32-byte key kept as base64 in a file under the data dir, creating it (mode 0600) when
 * absent and `create` allows. A file that exists but does not hold a 32-byte key stops start-up:
 * silently replacing it would make every secret encrypted under it unreadable.
 */
export function loadKeyFile(dir: string, name: string, opts: { create: boolean }): Buffer | null {
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    if (!opts.create) return null;
    mkdirSync(dir, { recursive: true });
    const key = randomBytes(32);
    writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  }
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) chmodSync(file, 0o600); // tighten a copy made with a loose umask
  return parseKey(readFileSync(file, "utf8"), file);
}

export function parseKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32 || key.toString("base64") !== text.trim()) {
    throw new Error(
      `Outpost cannot start: ${where} must hold a 32-byte key in base64 (openssl rand -base64 32). Restore the original key: secrets encrypted under it cannot be read with another.`,
    );
  }
  return key;
}
