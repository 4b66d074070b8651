import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum profile).
export const hashPassword = (password: string) => hash(password);

// Verified against when the login is unknown, so both cases take the same time.
const DUMMY = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3Ug7tBm8cK6JQyvZJeu9qKqF2PPCEW3tf+3gSZpm4Yk";

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(stored ?? DUMMY, password);
    return stored !== null && ok;
  } catch {
    return false;
  }
}
