import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/dal";
import { visibleSections } from "@/lib/tools-sections";

export default async function ToolsPage() {
  const user = await requireUser();
  const sections = visibleSections(user.role);
  const first = sections.find((s) => s.consoles.length > 0) ?? sections[0];
  redirect(`/tools/${first.id}`);
}
