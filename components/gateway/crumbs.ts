import type { Crumb } from "@/components/ui/breadcrumbs";
import { toolsCrumbs } from "@/components/shell/crumbs";

/** Tools › OAuth Gateway › JWT Applications, then the page's own crumbs. */
export const gatewayCrumbs = (...rest: Crumb[]): Crumb[] =>
  toolsCrumbs("gateway", { label: "JWT Applications", href: "/gateway" }, ...rest);
