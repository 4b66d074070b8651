import { hasRole } from "@/lib/auth/roles";
import { TOOL_SECTIONS, type Section } from "@/lib/navigation";

/**
 * The Tools sections, each with only the consoles this role may open. Administrators see every
 * section (an empty one says so); other roles see only the sections they have consoles in.
 */
export function visibleSections(role: string): Section[] {
  const sections = TOOL_SECTIONS.map((s) => ({ ...s, consoles: s.consoles.filter((c) => hasRole(role, c.role)) }));
  return hasRole(role, "administrator") ? sections : sections.filter((s) => s.consoles.length > 0);
}
