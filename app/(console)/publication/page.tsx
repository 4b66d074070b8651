import type { Metadata } from "next";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { PublicationWizard } from "@/components/publication/publication-wizard";
import { requireUser } from "@/lib/auth/dal";
import { itemsFromParams } from "@/lib/publication/wizard-url";
import { cancelTarget } from "@/lib/publication/cancel-target";

export const metadata: Metadata = { title: "Manage Publication" };

/** Manage Publication: the wizard for the items named in the address (?item=folder:<id>&item=asset:<id>). */
export default async function ManagePublicationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await requireUser();
  const items = itemsFromParams((await searchParams).item);
  return (
    <>
      <PageHeader
        title="Manage Publication"
        crumbs={[{ label: "Assets", href: "/assets" }, { label: "Manage Publication" }]}
      />
      <PageBody>
        <PublicationWizard initialItems={items} cancelHref={await cancelTarget(items)} />
      </PageBody>
    </>
  );
}
