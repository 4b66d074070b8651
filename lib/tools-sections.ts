import { hasRole } from "@/lib/auth/roles";
import { TOOL_SECTIONS, type Section } from "@/lib/navigation";

/** The Tools sections with only the consoles this role may open; sections left empty are dropped. */
export function visibleSections(role: string): Section[] {
  return TOOL_SECTIONS.map((s) => ({ ...s, consoles: s.consoles.filter((c) => hasRole(role, c.role)) })).filter((s) => s.consoles.length > 0);
}
