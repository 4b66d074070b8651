import "server-only";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { dataDir, env, publicUrl } from "@/lib/env";

/**
 * With no users at all, creates `admin` with OUTPOST_ADMIN_PASSWORD or a random password; only a
 * generated one is printed once and written to data/admin-password.txt (mode 0600). Two nodes starting together
 * collide on the unique login; the loser does nothing.
 */
export async function ensureFirstAdmin(): Promise<void> {
  if ((await db.user.count()) > 0) return;
  const password = env.OUTPOST_ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
  try {
    await db.user.create({
      data: {
        login: "admin",
        name: "Administrator",
        role: "administrator",
        passwordHash: await hashPassword(password),
      },
    });
  } catch {
    return; // another node created it first
  }
  // A password the operator chose is theirs: it never goes to the log (which others may read).
  if (env.OUTPOST_ADMIN_PASSWORD) {
    console.log(`\n  Sign in at ${publicUrl} as admin with the password set in OUTPOST_ADMIN_PASSWORD\n`);
    return;
  }
  const line = `Sign in at ${publicUrl} as admin / ${password}`;
  writeFileSync(path.join(dataDir, "admin-password.txt"), `${line}\n`, { mode: 0o600 });
  console.log(`\n  ${line}\n`);
}
