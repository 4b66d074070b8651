import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { InstanceView } from "@/components/publication/instance-view";
import { currentUser, requireUser } from "@/lib/auth/dal";
import { UserError } from "@/lib/errors";
import { instanceDetail } from "@/lib/publication/progress";
import { visibleTitle } from "@/lib/publication/access";
import { instancesCrumbs } from "../../crumbs";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await currentUser();
  const { id } = await params;
  const title = user ? await visibleTitle(id.slice(0, 40), user) : null;
  return { title: title ?? "Workflow instance" };
}

/** One workflow instance: progress, items, Retry failed items and Terminate. Another author's is not found. */
export default async function InstancePage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const detail = await instanceDetail(id.slice(0, 40), user, { page: 1, pageSize: 50 }).catch((e) => {
    if (e instanceof UserError && e.status === 404) notFound();
    throw e;
  });
  return (
    <>
      <PageHeader title={detail.title} crumbs={[...instancesCrumbs, { label: detail.title }]} />
      <PageBody wide>
        <InstanceView initial={detail} />
      </PageBody>
    </>
  );
}
