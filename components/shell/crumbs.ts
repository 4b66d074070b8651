import type { Crumb } from "@/components/ui/breadcrumbs";
import { TOOL_SECTIONS } from "@/lib/navigation";

// Breadcrumb trails shared by console pages. Every trail starts at Navigation (PageHeader adds it),
// then Assets or Tools › <section>, with the section's title as the Tools page names it.

export const ASSETS_CRUMB: Crumb = { label: "Assets", href: "/assets" };

/** Tools › <section> › …rest. */
export function toolsCrumbs(sectionId: string, ...rest: Crumb[]): Crumb[] {
  const section = TOOL_SECTIONS.find((s) => s.id === sectionId);
  return [
    { label: "Tools", href: "/tools" },
    { label: section?.title ?? sectionId, href: `/tools/${sectionId}` },
    ...rest,
  ];
}
