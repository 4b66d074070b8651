import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { memberOf } from "@/lib/gateway/organizations";
import { parseScopes } from "@/lib/gateway/scopes";

// Reading and deleting applications, always through the caller's organization memberships:
// an application of an organization the caller does not administer is "not found".

const listSelect = {
  id: true,
  clientId: true,
  name: true,
  scopes: true,
  createdAt: true,
  publicKeyAlg: true,
  org: { select: { name: true, techId: true } },
} as const;

export async function listApplications(userId: string, opts: { q?: string; skip: number; take: number }) {
  const q = opts.q?.trim().toLowerCase();
  const where = { org: memberOf(userId), ...(q ? { searchText: { contains: q } } : {}) };
  const [rows, total] = await Promise.all([
    db.gatewayApplication.findMany({
      where,
      select: listSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: opts.skip,
      take: opts.take,
    }),
    db.gatewayApplication.count({ where }),
  ]);
  return { rows: rows.map((r) => ({ ...r, scopes: parseScopes(r.scopes) })), total };
}

/** One application for its page: everything but the secret. */
export async function getApplication(userId: string, clientId: string) {
  const app = await db.gatewayApplication.findFirst({
    where: { clientId, org: memberOf(userId) },
    select: {
      ...listSelect,
      description: true,
      publicKeyPem: true,
      publicKeyThumbprint: true,
      publicKeyUpdatedAt: true,
      updatedAt: true,
      orgId: true,
    },
  });
  if (!app) throw notFound("The application");
  return { ...app, scopes: parseScopes(app.scopes) };
}

export async function deleteApplication(userId: string, clientId: string) {
  const { count } = await db.gatewayApplication.deleteMany({ where: { clientId, org: memberOf(userId) } });
  if (!count) throw notFound("The application");
}

export const searchTextOf = (a: { name: string; clientId: string; description: string }) =>
  `${a.name} ${a.clientId} ${a.description}`.toLowerCase();
