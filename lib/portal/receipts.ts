import "server-only";
import { randomUUID } from "node:crypto";
import { direct } from "@/lib/db";
import { sql } from "@/lib/assets/sql";
import type { PortalCaller } from "@/lib/portal/verify-token";
import { replaceControls } from "@/lib/text-rules";

// Every publication and removal the receiving API handles leaves a receipt (the publish report):
// who sent it (the access token's client and organization) and, when the console says so, which
// publication it belongs to (optional headers X-Publication-Id and X-Publication-Title).

export type Publisher = { clientId: string; org: string; publicationId: string | null; publicationTitle: string };

export const UNKNOWN_PUBLISHER: Publisher = { clientId: "", org: "", publicationId: null, publicationTitle: "" };

export function publisherOf(headers: Headers, caller: PortalCaller): Publisher {
  const id = headers.get("x-publication-id") ?? "";
  let title = "";
  try {
    title = decodeURIComponent(headers.get("x-publication-title") ?? "");
  } catch {
    title = ""; // a malformed title is not worth refusing a delivery for
  }
  return {
    clientId: caller.clientId.slice(0, 200),
    org: caller.org.slice(0, 200),
    publicationId: /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null,
    publicationTitle: replaceControls(title, " ").slice(0, 300),
  };
}

export type Receipt = {
  action: "publish" | "remove";
  kind: "asset" | "folder" | "collection";
  path: string;
  result: string;
  /** Assets this request added (created or updated) or removed, and their bytes. */
  assets: number;
  bytes: number | bigint;
};

/** One row per request (direct SQL: it runs on every delivery, beside the asset's own insert). */
export async function recordReceipt(tenantId: string, by: Publisher, r: Receipt): Promise<void> {
  const at = new Date();
  await direct.execute(sql`INSERT INTO "PortalReceipt" ("id", "tenantId", "at", "day", "action", "kind", "path", "result", "bytes", "assets", "clientId", "org", "publicationId", "publicationTitle")
    VALUES (${randomUUID()}, ${tenantId}, ${at}, ${at.toISOString().slice(0, 10)}, ${r.action}, ${r.kind}, ${r.path}, ${r.result}, ${BigInt(r.bytes)}, ${r.assets}, ${by.clientId}, ${by.org}, ${by.publicationId}, ${by.publicationTitle})`);
}
