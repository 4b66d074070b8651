import "server-only";
import { createPublicKey, X509Certificate, type KeyObject } from "node:crypto";
import { calculateJwkThumbprint, type JWK } from "jose";
import { UserError } from "@/lib/errors";
import { looksLikePrivateKey, PRIVATE_KEY_MESSAGE } from "@/lib/gateway/private-key-check";
import { ASSERTION_ALGS } from "@/lib/gateway/scopes";

// Validates the public key an administrator pastes on an application and normalises it to an
// SPKI PEM. Accepted: PEM "PUBLIC KEY" (SPKI), PEM "RSA PUBLIC KEY" (PKCS#1), a PEM certificate
// (its public key) or a JWK. Only RSA of 2048..8192 bits or EC P-256: what RS256/PS256/ES256 need.

export type RegisteredKey = {
  pem: string;
  alg: string; // "RSA-2048" | "EC-P256": shown to people, and decides the allowed algorithms
  thumbprint: string; // RFC 7638, SHA-256
};

const FIELD = "publicKey";
const fail = (message: string) => new UserError(message, { field: FIELD });

export async function parsePublicKey(text: string): Promise<RegisteredKey> {
  const input = text.trim();
  if (!input) throw fail("Paste the public key.");
  if (looksLikePrivateKey(input)) throw fail(PRIVATE_KEY_MESSAGE);
  const key = input.startsWith("{") ? fromJwk(input) : fromPem(input);
  const alg = describe(key);
  const pem = (key.export({ type: "spki", format: "pem" }) as string).trim();
  const thumbprint = await calculateJwkThumbprint(key.export({ format: "jwk" }) as JWK, "sha256");
  return { pem, alg, thumbprint };
}

/** The JWS algorithms an assertion may use with a key of this description. */
export function allowedAlgorithms(alg: string): string[] {
  return alg.startsWith("EC-") ? [...ASSERTION_ALGS.ec] : [...ASSERTION_ALGS.rsa];
}

function fromJwk(input: string): KeyObject {
  let jwk: Record<string, unknown>;
  try {
    jwk = JSON.parse(input);
  } catch {
    throw fail(
      'This looks like JSON but is not valid JSON. Paste a JWK such as {"kty":"RSA","n":"…","e":"AQAB"}, or a PEM public key.',
    );
  }
  if (Array.isArray(jwk.keys)) throw fail('This is a JWK Set. Paste a single key (one object from its "keys" array).');
  if (jwk.kty === "oct") throw fail("This is a symmetric (oct) key. Paste an RSA or EC P-256 public key.");
  if (jwk.kty !== "RSA" && jwk.kty !== "EC")
    throw fail(
      `JWK key type "${String(jwk.kty ?? "missing")}" is not supported. Use an RSA (2048 bits or more) or EC P-256 public key.`,
    );
  try {
    return createPublicKey({ key: jwk as import("node:crypto").JsonWebKey, format: "jwk" });
  } catch {
    throw fail("This JWK is not a valid public key: check its n and e (RSA) or crv, x and y (EC) members.");
  }
}

function fromPem(input: string): KeyObject {
  const m = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/.exec(input);
  if (!m) {
    if (/^[A-Za-z0-9+/=\s]+$/.test(input) && input.replace(/\s/g, "").length > 100) {
      // Bare base64 without the BEGIN/END lines: try it as an SPKI public key.
      try {
        return createPublicKey({ key: Buffer.from(input.replace(/\s/g, ""), "base64"), format: "der", type: "spki" });
      } catch {
        // fall through to the general message
      }
    }
    throw fail(
      "Not a PEM public key, certificate or JWK. Paste the whole text from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.",
    );
  }
  const [pem, label] = m;
  try {
    if (label === "PUBLIC KEY") return createPublicKey({ key: pem, format: "pem", type: "spki" });
    if (label === "RSA PUBLIC KEY") return createPublicKey({ key: pem, format: "pem", type: "pkcs1" });
    if (label === "CERTIFICATE") return new X509Certificate(pem).publicKey;
  } catch {
    throw fail(
      `The ${label === "CERTIFICATE" ? "certificate" : "public key"} is damaged (its base64 content cannot be read). Copy it again, including the BEGIN and END lines.`,
    );
  }
  throw fail(
    `A PEM "${label}" is not a public key. Paste a PEM public key (BEGIN PUBLIC KEY), a certificate (BEGIN CERTIFICATE) or a JWK.`,
  );
}

function describe(key: KeyObject): string {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case "rsa": {
      const bits = details.modulusLength ?? 0;
      if (bits < 2048)
        throw fail(
          `This RSA key has ${bits} bits; at least 2048 bits are required. Generate a new key pair of 2048 bits or more.`,
        );
      if (bits > 8192) throw fail(`This RSA key has ${bits} bits; at most 8192 bits are supported.`);
      return `RSA-${bits}`;
    }
    case "ec":
      if (details.namedCurve !== "prime256v1")
        throw fail(`This EC key uses the curve ${details.namedCurve ?? "unknown"}; only P-256 (ES256) is supported.`);
      return "EC-P256";
    case "rsa-pss":
      throw fail(
        "This is an RSA-PSS-only key. Export it as a plain RSA public key (PS256 assertions still work with it).",
      );
    default:
      throw fail(
        `${String(key.asymmetricKeyType).toUpperCase()} keys are not supported. Use an RSA key of 2048 bits or more, or an EC P-256 key.`,
      );
  }
}
