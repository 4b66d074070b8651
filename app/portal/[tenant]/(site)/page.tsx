import { PortalPage } from "@/components/portal/portal-page";
import { requirePortalViewer } from "@/lib/portal/viewer";

// Placeholder of the portal-auth branch, replaced by the landing page of the portal-content branch:
// it exists so that sign-in has a page to land on.
export default async function PortalHome({ params }: { params: Promise<{ tenant: string }> }) {
  const viewer = await requirePortalViewer((await params).tenant);
  return (
    <PortalPage title={viewer.tenantName} description={`Signed in as ${viewer.displayName}`}>
      <span />
    </PortalPage>
  );
}
