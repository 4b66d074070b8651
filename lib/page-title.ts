import "server-only";
import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/dal";
import { hasRole, type Role } from "@/lib/auth/roles";

/**
 * The browser tab's title for an item's page: the item's title, as the page heading shows it, read
 * only for a user who may open the page (anyone else gets the generic `fallback`, and the page
 * itself then refuses them).
 */
export async function itemTitle(
  role: Role,
  fallback: string,
  load: () => Promise<string | null | undefined>,
): Promise<Metadata> {
  const user = await currentUser();
  if (!user || !hasRole(user.role, role)) return { title: fallback };
  return { title: (await load().catch(() => null)) || fallback };
}
