import "server-only";
import { issuer } from "@/lib/gateway/issuer";
import { db, direct } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { conflict, notFound } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { sql } from "@/lib/assets/sql";

// Portal tenants: each receives what one organization publishes, at <origin>/portal/<slug>.

export const tenantUrl = (slug: string) => `${publicUrl}/portal/${slug}`;

/**
 * Creates a tenant and, when `admin` is given, its first Portal administrator in the same
 * transaction (display name: the login), so that the new tenant can be signed into at once.
 */
export async function createTenant(input: {
  name: string;
  slug: string;
  orgTechId: string;
  issuer?: string;
  audience?: string;
  orgClaim?: string;
  admin?: { login: string; password: string };
}) {
  if (await db.portalTenant.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw conflict(`A tenant with the slug "${input.slug}" already exists.`, "slug");
  }
  const data = {
    name: input.name,
    slug: input.slug,
    orgTechId: input.orgTechId,
    issuer: input.issuer || issuer(),
    ...(input.audience ? { audience: input.audience } : {}),
    ...(input.orgClaim !== undefined ? { orgClaim: input.orgClaim } : {}),
  };
  const { admin } = input;
  if (!admin) return db.portalTenant.create({ data });
  const passwordHash = await hashPassword(admin.password);
  return db.portalTenant.create({
    data: { ...data, users: { create: { login: admin.login, displayName: admin.login, role: "admin", passwordHash } } },
  });
}

/** Which tokens a tenant accepts: the issuer it trusts, the audience, the organization claim. */
export async function updateTenantTrust(input: {
  slug: string;
  orgTechId: string;
  issuer: string;
  audience: string;
  orgClaim: string;
}) {
  const { count } = await db.portalTenant.updateMany({
    where: { slug: input.slug },
    data: {
      orgTechId: input.orgTechId,
      issuer: input.issuer || issuer(),
      audience: input.audience,
      orgClaim: input.orgClaim,
    },
  });
  if (count !== 1) throw notFound("The tenant");
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
    issuer: t.issuer || issuer(),
    audience: t.audience,
    orgClaim: t.orgClaim,
    url: tenantUrl(t.slug),
    createdAt: t.createdAt,
    assets: t._count.assets,
    folders: t._count.folders,
    collections: t._count.collections,
  }));
}

export type PortalTenantRow = {
  id: string;
  slug: string;
  name: string;
  orgTechId: string;
  issuer: string;
  audience: string;
  orgClaim: string;
};

/** The tenant a request of the receiving API names (direct SQL: it runs for every request). */
export async function findTenant(slug: string): Promise<PortalTenantRow | null> {
  const rows = await direct.query<PortalTenantRow>(
    sql`SELECT "id", "slug", "name", "orgTechId", "issuer", "audience", "orgClaim" FROM "PortalTenant" WHERE "slug" = ${slug}`,
  );
  const t = rows[0];
  return t ? { ...t, issuer: t.issuer || issuer() } : null;
}
