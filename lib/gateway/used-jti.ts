import "server-only";
import { db } from "@/lib/db";
import { OAuthError, TOKEN_ERRORS } from "@/lib/gateway/oauth-error";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { AssertionMode } from "@/lib/gateway/verify-assertion";

// Single use of assertion IDs (RFC 7523 §3, item 7): a row per (client, jti) until the assertion
// expires. The primary key makes two nodes accepting the same assertion at once impossible: the
// second insert fails and is a replay.

export async function consumeJti(
  clientId: string,
  jti: string,
  exp: number,
  mode: AssertionMode,
  now = new Date(),
): Promise<void> {
  const expiresAt = new Date(exp * 1000);
  try {
    await db.gatewayUsedJti.create({ data: { clientId, jti, expiresAt } });
    return;
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
  // A row that has expired but was not pruned yet no longer protects anything: take it over,
  // guarded by its old expiry so only one concurrent request can.
  const { count } = await db.gatewayUsedJti.updateMany({
    where: { clientId, jti, expiresAt: { lte: now } },
    data: { expiresAt },
  });
  if (count !== 1) throw new OAuthError(mode === "grant" ? "invalid_grant" : "invalid_client", TOKEN_ERRORS.replay);
}

export async function pruneUsedJtis(now = new Date()): Promise<number> {
  const { count } = await db.gatewayUsedJti.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
