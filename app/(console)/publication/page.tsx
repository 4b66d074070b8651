import type { Metadata } from "next";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { PublicationWizard } from "@/components/publication/publication-wizard";
import { requireUser } from "@/lib/auth/dal";
import { wizardStateFromParams } from "@/lib/publication/wizard-url";
import { cancelTarget } from "@/lib/publication/cancel-target";

export const metadata: Metadata = { title: "Manage Publication" };

/** Manage Publication: the wizard for the items and choices named in the address (lib/publication/wizard-url.ts). */
export default async function ManagePublicationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await requireUser();
  const initial = wizardStateFromParams(await searchParams);
  return (
    <>
      <PageHeader
        title="Manage Publication"
        crumbs={[{ label: "Assets", href: "/assets" }, { label: "Manage Publication" }]}
      />
      <PageBody>
        <PublicationWizard initial={initial} cancelHref={await cancelTarget(initial.items)} />
      </PageBody>
    </>
  );
}
