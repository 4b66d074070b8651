import type { Crumb } from "@/components/ui/breadcrumbs";

export const replicationCrumbs: Crumb[] = [
  { label: "Tools", href: "/tools" },
  { label: "Deployment", href: "/tools/deployment" },
  { label: "Replication", href: "/tools/replication" },
];
export const agentsCrumbs: Crumb[] = [
  ...replicationCrumbs,
  { label: "Agents on author", href: "/tools/replication/agents" },
];
