import type { Metadata } from "next";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { requireUser } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "Change password" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <PageHeader title="Change password" crumbs={[{ label: user.name }, { label: "Change password" }]} />
      <PageBody>
        <div className="max-w-md rounded border border-line bg-surface p-6">
          <ChangePasswordForm />
        </div>
      </PageBody>
    </>
  );
}
