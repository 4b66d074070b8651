import type { Role } from "@/lib/auth/roles";

// The Tools page: its sections and their consoles. A console that needs a role is shown only to
// users who have it (its page checks again on the server). Shared by server and client code.

export type Console = { id: string; title: string; description: string; href: string; icon: IconName; role: Role };
export type Section = { id: string; title: string; consoles: Console[] };
export type IconName = "cloud" | "replication" | "workflow" | "users" | "key" | "assets" | "tools" | "collections";

export const TOOL_SECTIONS: Section[] = [
  {
    id: "cloud-services",
    title: "Cloud Services",
    consoles: [
      {
        id: "legacy-cloud-services",
        title: "Legacy Cloud Services",
        description: "Assets Brand Portal configurations, their key pairs and agents",
        href: "/tools/cloud-services/legacy",
        icon: "cloud",
        role: "administrator",
      },
    ],
  },
  {
    id: "deployment",
    title: "Deployment",
    consoles: [
      {
        id: "replication",
        title: "Replication",
        description: "Agents on author: queues, logs and Test Connection",
        href: "/tools/replication",
        icon: "replication",
        role: "administrator",
      },
      {
        id: "portal-tenants",
        title: "Brand Portal Tenants",
        description: "Tenants of this install's Brand Portal and their tenant URLs",
        href: "/tools/replication/tenants",
        icon: "assets",
        role: "administrator",
      },
    ],
  },
  {
    id: "workflow",
    title: "Workflow",
    consoles: [
      {
        id: "workflow-instances",
        title: "Instances",
        description: "Publications to Brand Portal, now and later, with their progress",
        href: "/tools/workflow/instances",
        icon: "workflow",
        role: "author",
      },
    ],
  },
  {
    id: "security",
    title: "Security",
    consoles: [
      {
        id: "users",
        title: "Users",
        description: "Console users, their roles and passwords",
        href: "/tools/security/users",
        icon: "users",
        role: "administrator",
      },
    ],
  },
  {
    id: "gateway",
    title: "OAuth Gateway",
    consoles: [
      {
        id: "jwt-applications",
        title: "JWT Applications",
        description: "Organizations, applications, their scopes and public keys",
        href: "/gateway",
        icon: "key",
        role: "administrator",
      },
    ],
  },
];
