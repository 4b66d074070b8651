import "server-only";
import { db } from "@/lib/db";
import { issuer } from "@/lib/gateway/issuer";
import { tenantUrl } from "@/lib/portal/tenants";

/** One tenant for the console's tenant page, or null. */
export async function getTenantDetails(slug: string) {
  const t = await db.portalTenant.findUnique({
    where: { slug },
    include: { _count: { select: { assets: true, folders: true, collections: true, users: true } } },
  });
  if (!t) return null;
  return {
    id: t.id,
    name: t.name,
    slug: t.slug,
    orgTechId: t.orgTechId,
    issuer: t.issuer || issuer(),
    url: tenantUrl(t.slug),
    createdAt: t.createdAt,
    counts: t._count,
  };
}
