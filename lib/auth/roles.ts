// Console roles. Shared by server and client code (no secrets here).
export const ROLES = ["administrator", "author"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: "Administrator",
  author: "Author",
};

/** administrator can do everything an author can. */
export function hasRole(userRole: string, needed: Role): boolean {
  return needed === "author" ? userRole === "author" || userRole === "administrator" : userRole === "administrator";
}
