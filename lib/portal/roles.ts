// Portal roles. Shared by server and client code (no secrets here).
export const PORTAL_ROLES = ["admin", "user"] as const;
export type PortalRole = (typeof PORTAL_ROLES)[number];

export const PORTAL_ROLE_LABELS: Record<PortalRole, string> = {
  admin: "Portal administrator",
  user: "Portal user",
};

export const PORTAL_ROLE_DESCRIPTIONS: Record<PortalRole, string> = {
  admin: "Sees everything published to the tenant, manages users, reads the publish report",
  user: "Sees what was published to public folders",
};
