import "server-only";
import { exportJWK, importSPKI, type JWK } from "jose";
import { ASSERTION_ALG, spkiFingerprint } from "@/lib/cloud-services/key-pair";

// What an administrator copies to the gateway: the public key as PEM, as a JWK, or wrapped in the
// self-signed certificate. Only public halves are read here.

export type PublicKeyView = {
  kid: string;
  pem: string;
  jwk: JWK;
  fingerprint: string;
  createdAt: string;
  certNotAfter: string | null;
};

export async function publicKeyView(key: {
  kid: string;
  publicKeyPem: string;
  createdAt: Date;
  certNotAfter: Date | null;
}): Promise<PublicKeyView> {
  const jwk = await exportJWK(await importSPKI(key.publicKeyPem, ASSERTION_ALG, { extractable: true }));
  return {
    kid: key.kid,
    pem: key.publicKeyPem.trim() + "\n",
    jwk: { kty: jwk.kty, kid: key.kid, use: "sig", alg: ASSERTION_ALG, n: jwk.n, e: jwk.e },
    fingerprint: spkiFingerprint(key.publicKeyPem),
    createdAt: key.createdAt.toISOString(),
    certNotAfter: key.certNotAfter?.toISOString() ?? null,
  };
}

/** File names offered for download; names are [a-z0-9_-] only, so they need no quoting rules. */
export const publicKeyFileName = (name: string) => `${name}-public-key.pem`;
export const jwkFileName = (name: string) => `${name}-public-key.jwk.json`;
export const certificateFileName = (name: string) => `${name}.crt`;
