import "server-only";
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type JWK } from "jose";
import { db } from "@/lib/db";
import { open, seal } from "@/lib/crypto/secret-box";
import { isUniqueViolation } from "@/lib/db/unique-violation";

// The gateway's own RS256 keys for signing access tokens. The newest generation signs; older ones
// are retired but stay in the JWKS until every token they signed has expired, so a rotation never
// breaks tokens in flight. `generation` is unique: nodes racing to create a key collide on it and
// the loser uses the winner's key.

export const TOKEN_ALG = "RS256";
export const ACCESS_TOKEN_TTL_SECONDS = 3600;
/** How long a retired key stays published: the token lifetime plus clock skew at resource servers. */
export const RETIRED_KEY_GRACE_MS = (ACCESS_TOKEN_TTL_SECONDS + 300) * 1000;

const context = (kid: string) => `gateway-signing-key:${kid}`;

export type SigningKey = { kid: string; privateKey: CryptoKey };

const imported = new Map<string, Promise<CryptoKey>>(); // kid → key: decrypting and importing once per node

async function createKey(generation: number): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALG, { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk, "sha256");
  const publicJwk: JWK = { kty: jwk.kty, n: jwk.n, e: jwk.e, kid, alg: TOKEN_ALG, use: "sig" };
  try {
    await db.$transaction([
      db.gatewaySigningKey.create({
        data: {
          kid,
          generation,
          alg: TOKEN_ALG,
          publicJwk: JSON.stringify(publicJwk),
          privateEnc: seal(await exportPKCS8(privateKey), context(kid)),
        },
      }),
      db.gatewaySigningKey.updateMany({
        where: { generation: { lt: generation }, retiredAt: null },
        data: { retiredAt: new Date() },
      }),
    ]);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e; // another node created this generation first: use theirs
  }
}

/** The key that signs now; creates the first one if there is none (race-safe across nodes). */
export async function currentSigningKey(): Promise<SigningKey> {
  let row = await newest();
  if (!row) {
    await createKey(1);
    row = await newest();
    if (!row) throw new Error("The gateway has no signing key");
  }
  const { kid, privateEnc } = row;
  let key = imported.get(kid);
  if (!key) {
    key = importPKCS8(open(privateEnc, context(kid)), TOKEN_ALG);
    imported.set(kid, key);
    key.catch(() => imported.delete(kid));
  }
  return { kid, privateKey: await key };
}

function newest() {
  return db.gatewaySigningKey.findFirst({
    orderBy: { generation: "desc" },
    select: { kid: true, generation: true, privateEnc: true },
  });
}

/** Start-up task: make sure a key exists before the first token request. */
export async function ensureSigningKey(): Promise<void> {
  await currentSigningKey();
}

/** Creates the next generation; the current key stops signing at once but stays published. */
export async function rotateSigningKey(): Promise<{ kid: string }> {
  const top = await newest();
  await createKey((top?.generation ?? 0) + 1);
  const { kid } = await currentSigningKey();
  return { kid };
}

/** The public keys resource servers may see in tokens: the current one and recently retired ones. */
export async function publishedKeys(now = new Date()) {
  const since = new Date(now.getTime() - RETIRED_KEY_GRACE_MS);
  const rows = await db.gatewaySigningKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: since } }] },
    orderBy: { generation: "desc" },
    select: { kid: true, generation: true, alg: true, publicJwk: true, createdAt: true, retiredAt: true },
  });
  return rows;
}

export async function jwks(): Promise<{ keys: JWK[] }> {
  let rows = await publishedKeys();
  if (!rows.length) {
    await ensureSigningKey();
    rows = await publishedKeys();
  }
  return { keys: rows.map((r) => JSON.parse(r.publicJwk) as JWK) };
}

/** Deletes keys retired longer ago than any token they signed can live (their private keys too). */
export async function pruneRetiredKeys(now = new Date()): Promise<number> {
  const { count } = await db.gatewaySigningKey.deleteMany({
    where: { retiredAt: { lt: new Date(now.getTime() - RETIRED_KEY_GRACE_MS) } },
  });
  return count;
}
