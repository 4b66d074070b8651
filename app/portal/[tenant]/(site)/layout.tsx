import type { Metadata } from "next";
import { PortalHeader } from "@/components/portal/portal-header";
import { findTenant } from "@/lib/portal/tenants";
import { portalName } from "@/lib/portal/portal-name";
import { requirePortalViewer } from "@/lib/portal/viewer";

type Props = { children: React.ReactNode; params: Promise<{ tenant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tenant = await findTenant((await params).tenant);
  const name = tenant ? portalName(tenant.name) : "Brand Portal";
  return { title: { default: name, template: `%s · ${name}` } };
}

// Every page of a tenant's portal needs a session of that tenant; pages check the role on top.
export default async function PortalSiteLayout({ children, params }: Props) {
  const viewer = await requirePortalViewer((await params).tenant);
  return (
    <div className="min-h-screen bg-[#fafaf9]">
      <PortalHeader
        slug={viewer.slug}
        tenantName={viewer.tenantName}
        displayName={viewer.displayName}
        login={viewer.login}
        role={viewer.role}
      />
      <main id="main">{children}</main>
    </div>
  );
}
