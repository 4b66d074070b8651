// Legacy Cloud Services: the services Outpost can configure, grouped by provider. A service here
// is real (its configurations work end to end); none is listed for show.

export type CloudService = { id: string; title: string; description: string; configureLabel: string };
export type Provider = { id: string; title: string; services: CloudService[] };

export const BRAND_PORTAL_SERVICE: CloudService = {
  id: "brand-portal",
  title: "Assets Brand Portal",
  description: "Publish assets, folders and collections to a Brand Portal tenant through four replication agents.",
  configureLabel: "Configure now",
};

export const PROVIDERS: Provider[] = [
  { id: "adobe-experience-cloud", title: "Adobe Experience Cloud", services: [BRAND_PORTAL_SERVICE] },
];

export const LEGACY_CLOUD_SERVICES_HREF = "/tools/cloud-services/legacy";
export const configHref = (name: string) => `/tools/cloud-services/brand-portal/${encodeURIComponent(name)}`;
export const configApiBase = (name: string) => `/api/cloud-services/brand-portal/${encodeURIComponent(name)}`;
