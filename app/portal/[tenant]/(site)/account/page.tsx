import type { Metadata } from "next";
import { PortalPage } from "@/components/portal/portal-page";
import { PortalChangePasswordForm } from "@/components/portal/portal-password-form";
import { requirePortalViewer } from "@/lib/portal/viewer";

export const metadata: Metadata = { title: "Change password" };

export default async function PortalAccountPage({ params }: { params: Promise<{ tenant: string }> }) {
  const viewer = await requirePortalViewer((await params).tenant);
  return (
    <PortalPage title="Change password" description={`${viewer.displayName} · ${viewer.login}`}>
      <div className="max-w-md rounded-lg border border-line bg-surface p-6">
        <PortalChangePasswordForm tenant={viewer.slug} />
      </div>
    </PortalPage>
  );
}
