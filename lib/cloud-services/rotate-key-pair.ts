import "server-only";
import { db } from "@/lib/db";
import { generateConfigKeyPair } from "@/lib/cloud-services/key-pair";
import { lockConfig } from "@/lib/cloud-services/lock-config";
import { notFound } from "@/lib/errors";

/**
 * Replaces a configuration's signing key. The old key is kept as a record (public half, dates) but
 * retired and its private half destroyed: it can never sign again. Token requests fail until the
 * gateway application has the new public key; the page says so before the admin confirms.
 */
export async function rotateKeyPair(configId: string) {
  const config = await db.brandPortalConfig.findUnique({ where: { id: configId }, select: { name: true } });
  if (!config) throw notFound("The Brand Portal configuration");
  const key = await generateConfigKeyPair({ commonName: `Outpost Brand Portal ${config.name}` });
  return db.$transaction(async (tx) => {
    await lockConfig(tx, configId);
    const now = new Date();
    await tx.configKeyPair.updateMany({
      where: { configId, retiredAt: null },
      data: { retiredAt: now, privateEnc: "" },
    });
    const created = await tx.configKeyPair.create({
      data: {
        configId,
        kid: key.kid,
        publicKeyPem: key.publicKeyPem,
        privateEnc: key.privateEnc,
        thumbprint: key.thumbprint,
        certPem: key.certPem,
        certNotAfter: key.certNotAfter,
        createdAt: now,
      },
      select: { kid: true, thumbprint: true, createdAt: true },
    });
    // The cached token was issued for the old key's assertion; the status must not claim otherwise.
    await tx.brandPortalConfig.update({
      where: { id: configId },
      data: { lastTokenAt: null, lastTokenOk: null, lastTokenError: null, tokenExpiresAt: null },
    });
    return created;
  });
}
