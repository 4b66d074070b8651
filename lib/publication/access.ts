import "server-only";
import { db } from "@/lib/db";
import { hasRole } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";

// Who sees which workflow instances: administrators all, authors their own. Built into the query,
// so another author's id finds nothing (and says nothing about whether it exists).

export type Viewer = { id: string; role: string };

export const visibleTo = (user: Viewer) => (hasRole(user.role, "administrator") ? {} : { createdById: user.id });

export async function getVisiblePublication(id: string, user: Viewer) {
  const pub = await db.publication.findFirst({ where: { id, ...visibleTo(user) } });
  if (!pub) throw notFound("The workflow instance");
  return pub;
}

/** The instance's title for the browser tab, when the viewer may see it. */
export async function visibleTitle(id: string, user: Viewer): Promise<string | null> {
  const pub = await db.publication.findFirst({ where: { id, ...visibleTo(user) }, select: { title: true } });
  return pub?.title ?? null;
}
