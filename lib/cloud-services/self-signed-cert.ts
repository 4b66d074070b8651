import "server-only";
import "reflect-metadata"; // @peculiar/x509's ASN.1 schemas need it loaded first
import { randomBytes } from "node:crypto";
import * as x509 from "@peculiar/x509";

// A self-signed X.509 certificate around a configuration's public key, for gateways that want a
// certificate rather than a bare key (Adobe's Developer Console does). Signed once, when the key
// pair is generated: the private key is not opened again for it.

export const CERT_VALIDITY_DAYS = 365;

x509.cryptoProvider.set(globalThis.crypto);

export async function selfSignedCertificate(
  keys: { publicKey: CryptoKey; privateKey: CryptoKey },
  opts: { commonName: string; now?: Date },
): Promise<{ certPem: string; notAfter: Date }> {
  const now = opts.now ?? new Date();
  const notBefore = new Date(now.getTime() - 60_000); // tolerate a little clock skew at the gateway
  const notAfter = new Date(now.getTime() + CERT_VALIDITY_DAYS * 86_400_000);
  const serial = randomBytes(16);
  serial[0] &= 0x7f; // a positive integer (RFC 5280 §4.1.2.2)
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString("hex"),
    name: [{ CN: [opts.commonName] }, { O: ["Outpost"] }],
    notBefore,
    notAfter,
    signingAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    ],
  });
  return { certPem: cert.toString("pem"), notAfter };
}
