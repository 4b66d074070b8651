import "server-only";
import { db } from "@/lib/db";
import { cancelHrefFor } from "@/lib/publication/wizard-url";
import type { ScopeItem } from "@/lib/publication/schemas";

/** Where Cancel goes back to: the folder the first item is in (or the Collections console). */
export async function cancelTarget(items: ScopeItem[]): Promise<string> {
  const first = items[0];
  if (!first || first.kind === "collection") return cancelHrefFor(first ?? null);
  const row =
    first.kind === "asset"
      ? await db.asset.findUnique({ where: { id: first.id }, select: { path: true } })
      : await db.folder.findUnique({ where: { id: first.id }, select: { path: true } });
  return cancelHrefFor(row ? { kind: first.kind, path: row.path } : null);
}
