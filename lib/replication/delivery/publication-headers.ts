import "server-only";
import { db } from "@/lib/db";

// The portal's publish report groups what arrived by publication: each request names the
// publication its job belongs to (docs/replication-protocol.md, optional headers). A publication's
// title is read once per process; jobs of one publication arrive in runs.
const titles = new Map<string, string>();
const MAX = 1000;

export async function publicationHeaders(publicationId: string | null): Promise<Record<string, string>> {
  if (!publicationId) return {};
  let title = titles.get(publicationId);
  if (title === undefined) {
    const p = await db.publication.findUnique({ where: { id: publicationId }, select: { title: true } });
    title = p?.title ?? "";
    if (titles.size >= MAX) titles.clear();
    titles.set(publicationId, title);
  }
  return {
    "x-publication-id": publicationId,
    ...(title ? { "x-publication-title": encodeURIComponent(title.slice(0, 300)) } : {}),
  };
}
