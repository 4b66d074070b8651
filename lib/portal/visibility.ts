import "server-only";
import { sql, type Sql } from "@/lib/assets/sql";

// Who sees what in a tenant: portal administrators see everything published to it; portal users
// only what was published with Public Folder Publish on (isPublic). Every read of the portal's
// content builds its filter here from the viewer, so a foreign or hidden id simply finds nothing.

export type PortalScope = { tenantId: string; role: "admin" | "user" };

export const seesEverything = (v: PortalScope) => v.role === "admin";

/** Prisma `where` for assets, folders and collections the viewer may see. */
export function visible(v: PortalScope): { tenantId: string; isPublic?: true } {
  return seesEverything(v) ? { tenantId: v.tenantId } : { tenantId: v.tenantId, isPublic: true };
}

/** The same filter for raw SQL on "PortalAsset" or "PortalFolder" (unqualified columns). */
export function visibleSql(v: PortalScope): Sql {
  return seesEverything(v) ? sql`"tenantId" = ${v.tenantId}` : sql`"tenantId" = ${v.tenantId} AND "isPublic" = ${true}`;
}
