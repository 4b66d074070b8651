import "server-only";
import { issuer } from "@/lib/gateway/issuer";
import { db, direct } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { conflict } from "@/lib/errors";
import { sql } from "@/lib/assets/sql";

// Portal tenants: each receives what one organization publishes, at <origin>/portal/<slug>.

/** This install's gateway issuer (built once, in lib/gateway/issuer.ts). */
export const defaultIssuer = issuer;
export const tenantUrl = (slug: string) => `${publicUrl}/portal/${slug}`;

export async function createTenant(input: { name: string; slug: string; orgTechId: string; issuer?: string }) {
  if (await db.portalTenant.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw conflict(`A tenant with the slug "${input.slug}" already exists.`, "slug");
  }
  return db.portalTenant.create({
    data: { name: input.name, slug: input.slug, orgTechId: input.orgTechId, issuer: input.issuer || defaultIssuer() },
  });
}

export async function listTenants() {
  const tenants = await db.portalTenant.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { assets: true, folders: true, collections: true } } },
  });
  return tenants.map((t) => ({
    id: t.id,
    name: t.name,
    slug: t.slug,
    orgTechId: t.orgTechId,
    issuer: t.issuer || defaultIssuer(),
    url: tenantUrl(t.slug),
    createdAt: t.createdAt,
    assets: t._count.assets,
    folders: t._count.folders,
    collections: t._count.collections,
  }));
}

export type PortalTenantRow = { id: string; slug: string; name: string; orgTechId: string; issuer: string };

/** The tenant a request of the receiving API names (direct SQL: it runs for every request). */
export async function findTenant(slug: string): Promise<PortalTenantRow | null> {
  const rows = await direct.query<PortalTenantRow>(
    sql`SELECT "id", "slug", "name", "orgTechId", "issuer" FROM "PortalTenant" WHERE "slug" = ${slug}`,
  );
  const t = rows[0];
  return t ? { ...t, issuer: t.issuer || defaultIssuer() } : null;
}
