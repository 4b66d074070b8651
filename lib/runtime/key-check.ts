import "server-only";
import { db } from "@/lib/db";
import { masterKeyFingerprint } from "@/lib/crypto/secret-box";

const SETTING = "secret-key-fingerprint";

/**
 * Refuses to start with an encryption key other than the one the database's secrets were sealed
 * with (a lost data/secret.key, a changed OUTPOST_SECRET_KEY): better stopped than keys lost.
 */
export async function checkSecretKey(): Promise<void> {
  const fingerprint = masterKeyFingerprint();
  const stored = await db.setting.findUnique({ where: { key: SETTING } });
  if (!stored) {
    await db.setting.upsert({ where: { key: SETTING }, create: { key: SETTING, value: fingerprint }, update: {} });
    return;
  }
  if (stored.value !== fingerprint) {
    throw new Error(
      "Outpost cannot start: the encryption key (OUTPOST_SECRET_KEY or data/secret.key) is not the one this database's private keys and secrets were encrypted with. Restore the original key.",
    );
  }
}
