import { hasRole } from "@/lib/auth/roles";
import { TOOL_SECTIONS, type Section } from "@/lib/navigation";

/** The Tools sections, each with only the consoles this role may open. */
export function visibleSections(role: string): Section[] {
  return TOOL_SECTIONS.map((s) => ({ ...s, consoles: s.consoles.filter((c) => hasRole(role, c.role)) }));
}
