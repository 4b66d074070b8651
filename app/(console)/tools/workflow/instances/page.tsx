import type { Metadata } from "next";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { InstancesTable } from "@/components/publication/instances-table";
import { requireUser } from "@/lib/auth/dal";
import { listInstances } from "@/lib/publication/progress";
import { workflowCrumbs } from "../crumbs";

export const metadata: Metadata = { title: "Workflow instances" };

/** Tools › Workflow › Instances: administrators see every publication, authors their own. */
export default async function InstancesPage() {
  const user = await requireUser();
  const initial = await listInstances(user, { page: 1, pageSize: 25 });
  return (
    <>
      <PageHeader title="Instances" crumbs={[...workflowCrumbs, { label: "Instances" }]} />
      <PageBody wide>
        <InstancesTable initial={initial} />
      </PageBody>
    </>
  );
}
