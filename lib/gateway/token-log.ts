import "server-only";
import { db } from "@/lib/db";
import { memberOf } from "@/lib/gateway/organizations";
import { notFound } from "@/lib/errors";
import { replaceControls } from "@/lib/text-rules";

// The audit trail of the token endpoint: one row per request, whatever its outcome.

export type TokenLogEntry = {
  clientId: string | null;
  grantType: string | null;
  result: "success" | "error";
  error?: string;
  reason?: string;
  scope?: string;
  ip: string | null;
};

// Control characters are shown as U+FFFD: they are no use to a reader, and PostgreSQL refuses NUL
// in text (the row, and the audit entry, would be lost).
const clip = (v: string | null | undefined, n: number) => {
  if (v == null) return null;
  const t = replaceControls(v, "\uFFFD");
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

export async function recordTokenRequest(e: TokenLogEntry): Promise<void> {
  try {
    await db.gatewayTokenLog.create({
      data: {
        clientId: clip(e.clientId, 128),
        grantType: clip(e.grantType, 100),
        result: e.result,
        error: clip(e.error, 64),
        reason: clip(e.reason, 500),
        scope: clip(e.scope, 200),
        ip: clip(e.ip, 64),
      },
    });
  } catch (err) {
    console.error("[gateway] could not record a token request", err); // never fail the request over the log
  }
}

/** The application's token requests, newest first, for its page (membership checked). */
export async function listTokenLog(userId: string, clientId: string, opts: { skip: number; take: number }) {
  const app = await db.gatewayApplication.findFirst({
    where: { clientId, org: memberOf(userId) },
    select: { id: true },
  });
  if (!app) throw notFound("The application");
  const where = { clientId };
  const [rows, total] = await Promise.all([
    db.gatewayTokenLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: opts.skip, take: opts.take }),
    db.gatewayTokenLog.count({ where }),
  ]);
  return { rows, total };
}

export const LOG_RETENTION_DAYS = 90;

export async function pruneTokenLog(now = new Date()): Promise<number> {
  const { count } = await db.gatewayTokenLog.deleteMany({
    where: { at: { lt: new Date(now.getTime() - LOG_RETENTION_DAYS * 86_400_000) } },
  });
  return count;
}
