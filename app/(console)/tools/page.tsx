import { redirect } from "next/navigation";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { requireUser } from "@/lib/auth/dal";
import { visibleSections } from "@/lib/tools-sections";

export default async function ToolsPage() {
  const user = await requireUser();
  const sections = visibleSections(user.role);
  const first = sections.find((s) => s.consoles.length > 0) ?? sections[0];
  if (first) redirect(`/tools/${first.id}`);
  return (
    <>
      <PageHeader title="Tools" crumbs={[{ label: "Tools" }]} />
      <PageBody>
        <p className="text-sm text-ink-muted">
          There are no tools for your role. Cloud Services, Replication, the OAuth gateway and Security are for
          administrators.
        </p>
      </PageBody>
    </>
  );
}
