import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { TenantMark } from "@/components/portal/portal-header";
import { PortalLoginForm } from "@/components/portal/portal-login-form";
import { findTenant } from "@/lib/portal/tenants";
import { portalName } from "@/lib/portal/portal-name";
import { getPortalViewer, safePortalNext } from "@/lib/portal/viewer";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ next?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tenant = await findTenant((await params).tenant);
  return { title: { absolute: tenant ? `Sign in · ${portalName(tenant.name)}` : "Brand Portal" } };
}

// The tenant's sign-in page: its own users only (console accounts do not exist here).
export default async function PortalLoginPage({ params, searchParams }: Props) {
  const { tenant: slug } = await params;
  const raw = (await searchParams).next;
  const next = typeof raw === "string" ? raw : undefined;
  const tenant = await findTenant(slug);
  if (!tenant) notFound();
  if (await getPortalViewer(slug)) redirect(safePortalNext(slug, next));
  return (
    <main className="grid min-h-screen bg-surface lg:grid-cols-[minmax(0,5fr)_minmax(0,4fr)]">
      <section className="relative hidden flex-col justify-between overflow-hidden bg-ink p-12 text-white lg:flex">
        <div
          aria-hidden
          className="absolute -right-32 -top-32 size-[28rem] rounded-full bg-gradient-to-br from-accent/60 to-transparent blur-2xl"
        />
        <p className="relative text-xs font-semibold uppercase tracking-[0.2em] text-white/70">Brand Portal</p>
        <div className="relative">
          <p className="text-5xl font-bold leading-tight tracking-tight">{tenant.name}</p>
          <p className="mt-4 max-w-md text-lg text-white/80">
            The brand&apos;s approved assets, ready to find, preview and download.
          </p>
        </div>
        <p className="relative text-xs text-white/70">Powered by Outpost</p>
      </section>
      <section className="flex items-center justify-center p-6">
        <div className="w-full max-w-sm">
          <div className="mb-8 flex items-center gap-3">
            <TenantMark name={tenant.name} size="lg" />
            <div>
              <h1 className="text-2xl font-bold leading-tight">Sign in</h1>
              <p className="text-sm text-ink-muted">to {portalName(tenant.name)}</p>
            </div>
          </div>
          <PortalLoginForm tenant={slug} next={next} />
          <p className="mt-6 text-xs text-ink-muted">
            No account, or forgot your password? Ask your portal administrator.
          </p>
        </div>
      </section>
    </main>
  );
}
