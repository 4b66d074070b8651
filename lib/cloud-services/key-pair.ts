import "server-only";
import { createHash, createPublicKey } from "node:crypto";
import { calculateJwkThumbprint, exportJWK, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8 } from "jose";
import { db } from "@/lib/db";
import { open, seal } from "@/lib/crypto/secret-box";
import { selfSignedCertificate } from "@/lib/cloud-services/self-signed-cert";

// A Brand Portal configuration's RSA-2048 key pair. The private key is sealed at rest and is only
// ever turned back into a CryptoKey here, for signing assertions (lib/ims). Nothing else reads it.

export const ASSERTION_ALG = "RS256";
const sealContext = (kid: string) => `config-key:${kid}`;

export type NewKeyPair = {
  kid: string;
  publicKeyPem: string;
  privateEnc: string;
  thumbprint: string;
  /** Self-signed X.509 certificate of the public key, for gateways that want one. */
  certPem: string;
  certNotAfter: Date;
};

/** A fresh key pair, its private key already sealed; `commonName` names the certificate's subject. */
export async function generateConfigKeyPair(opts: { commonName?: string } = {}): Promise<NewKeyPair> {
  const { publicKey, privateKey } = await generateKeyPair(ASSERTION_ALG, { modulusLength: 2048, extractable: true });
  const publicKeyPem = await exportSPKI(publicKey);
  const thumbprint = await calculateJwkThumbprint(await exportJWK(publicKey), "sha256");
  const kid = thumbprint;
  const { certPem, notAfter } = await selfSignedCertificate(
    { publicKey, privateKey },
    { commonName: opts.commonName ?? "Outpost Brand Portal" },
  );
  return {
    kid,
    publicKeyPem,
    thumbprint,
    certPem,
    certNotAfter: notAfter,
    privateEnc: seal(await exportPKCS8(privateKey), sealContext(kid)),
  };
}

/** The configuration's current (newest, not retired) signing key, for the token exchange. */
export async function loadSigningKey(configId: string): Promise<{ kid: string; privateKey: CryptoKey }> {
  const key = await db.configKeyPair.findFirst({
    where: { configId, retiredAt: null },
    orderBy: { createdAt: "desc" },
    select: { kid: true, privateEnc: true },
  });
  if (!key) throw new Error(`Brand Portal configuration ${configId} has no key pair`);
  return { kid: key.kid, privateKey: await importPKCS8(open(key.privateEnc, sealContext(key.kid)), ASSERTION_ALG) };
}

/** SHA-256 fingerprint of the SPKI, as colon-separated hex (what admins compare by eye). */
export function spkiFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").match(/../g)!.join(":").toUpperCase();
}
