import type { Metadata } from "next";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { toolsCrumbs } from "@/components/shell/crumbs";
import { ServiceCard } from "@/components/cloud-services/service-card";
import { requireAdmin } from "@/lib/auth/dal";
import { PROVIDERS } from "@/lib/cloud-services/catalog";
import { listConfigs } from "@/lib/cloud-services/get-config";

export const metadata: Metadata = { title: "Legacy Cloud Services" };

export default async function LegacyCloudServicesPage() {
  await requireAdmin();
  const configs = await listConfigs();
  return (
    <>
      <PageHeader
        title="Legacy Cloud Services"
        crumbs={[...toolsCrumbs("cloud-services"), { label: "Legacy Cloud Services" }]}
      />
      <PageBody>
        {PROVIDERS.map((p) => (
          <section key={p.id} aria-labelledby={`provider-${p.id}`} className="mb-8">
            <h2 id={`provider-${p.id}`} className="mb-3 border-b border-line pb-2 text-lg font-bold">
              {p.title}
            </h2>
            <div className="grid gap-4 md:grid-cols-2">
              {p.services.map((s) => (
                <ServiceCard
                  key={s.id}
                  service={s}
                  configs={configs.map((c) => ({
                    name: c.name,
                    title: c.title,
                    tenantUrl: c.tenantUrl,
                    complete: !!(c.tenantUrl && c.clientId),
                  }))}
                />
              ))}
            </div>
          </section>
        ))}
      </PageBody>
    </>
  );
}
