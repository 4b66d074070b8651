import type { Crumb } from "@/components/ui/breadcrumbs";
import { toolsCrumbs } from "@/components/shell/crumbs";

export const replicationCrumbs: Crumb[] = toolsCrumbs("deployment", {
  label: "Replication",
  href: "/tools/replication",
});
export const agentsCrumbs: Crumb[] = [
  ...replicationCrumbs,
  { label: "Agents on author", href: "/tools/replication/agents" },
];
