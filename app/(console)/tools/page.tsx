import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/dal";
import { visibleSections } from "@/lib/tools-sections";

export default async function ToolsPage() {
  const user = await requireUser();
  const first = visibleSections(user.role)[0];
  redirect(`/tools/${first?.id ?? "workflow"}`);
}
