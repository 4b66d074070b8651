import type { Crumb } from "@/components/ui/breadcrumbs";

/** Tools › OAuth Gateway › JWT Applications, then the page's own crumbs. */
export const gatewayCrumbs = (...rest: Crumb[]): Crumb[] => [
  { label: "Tools", href: "/tools" },
  { label: "OAuth Gateway", href: "/tools/gateway" },
  { label: "JWT Applications", href: "/gateway" },
  ...rest,
];
