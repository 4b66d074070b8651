import type { Crumb } from "@/components/ui/breadcrumbs";

export const workflowCrumbs: Crumb[] = [
  { label: "Tools", href: "/tools" },
  { label: "Workflow", href: "/tools/workflow" },
];
export const instancesCrumbs: Crumb[] = [...workflowCrumbs, { label: "Instances", href: "/tools/workflow/instances" }];
