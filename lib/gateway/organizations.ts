import "server-only";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { conflict, notFound, UserError } from "@/lib/errors";

// Organizations own applications. Only their administrators (OrganizationMember rows) see and
// manage them; every query here takes the caller and filters by membership.

export const memberOf = (userId: string) => ({ members: { some: { userId } } });

/** A technical ID like A1B2C3D4E5@OutpostOrg (10 hex digits; collisions retried on the unique key). */
function newTechId(): string {
  return `${randomBytes(5).toString("hex").toUpperCase()}@OutpostOrg`;
}

export async function listOrganizations(userId: string) {
  return db.organization.findMany({
    where: memberOf(userId),
    orderBy: { name: "asc" },
    select: {
      id: true,
      techId: true,
      name: true,
      createdAt: true,
      _count: { select: { applications: true } },
      members: {
        select: { user: { select: { id: true, login: true, name: true } } },
        orderBy: { user: { login: "asc" } },
      },
    },
  });
}

/** The creator becomes the organization's first administrator, in the same transaction. */
export async function createOrganization(userId: string, name: string) {
  // The console lists an administrator's organizations by name: two of the same name would be one too many.
  const mine = await db.organization.findMany({ where: memberOf(userId), select: { name: true } });
  const same = mine.find((o) => o.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (same) throw conflict(`You already administer an organization named ${same.name}: choose another name.`, "name");
  for (let attempt = 0; attempt < 5; attempt++) {
    const techId = newTechId();
    if (await db.organization.findUnique({ where: { techId }, select: { id: true } })) continue;
    try {
      return await db.organization.create({
        data: { name, techId, members: { create: { userId, role: "admin" } } },
        select: { id: true, techId: true, name: true },
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new Error("Could not generate a unique organization ID");
}

export async function assertOrgAdmin(userId: string, orgId: string) {
  const org = await db.organization.findFirst({
    where: { id: orgId, ...memberOf(userId) },
    select: { id: true, techId: true, name: true },
  });
  if (!org) throw notFound("The organization");
  return org;
}

/** Makes another console administrator an administrator of the organization. */
export async function addOrgAdmin(actorId: string, orgId: string, userId: string) {
  await assertOrgAdmin(actorId, orgId);
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, disabled: true, login: true } });
  if (!user || user.disabled) throw notFound("The user");
  if (user.role !== "administrator")
    throw new UserError(
      `${user.login} is not a console administrator: only administrators may manage an organization.`,
      { field: "userId" },
    );
  try {
    await db.organizationMember.create({ data: { orgId, userId, role: "admin" } });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`${user.login} already administers this organization.`, "userId");
    throw e;
  }
}

export async function removeOrgAdmin(actorId: string, orgId: string, userId: string) {
  await assertOrgAdmin(actorId, orgId);
  await db.$transaction(async (tx) => {
    const count = await tx.organizationMember.count({ where: { orgId } });
    if (count <= 1) throw new UserError("An organization needs at least one administrator.");
    const { count: removed } = await tx.organizationMember.deleteMany({ where: { orgId, userId } });
    if (!removed) throw notFound("The administrator");
  });
}

/** Only an organization without applications can be deleted (consoles may still use them). */
export async function deleteOrganization(actorId: string, orgId: string) {
  const org = await assertOrgAdmin(actorId, orgId);
  const apps = await db.gatewayApplication.count({ where: { orgId } });
  if (apps > 0)
    throw new UserError(`${org.name} still has ${apps} application${apps === 1 ? "" : "s"}. Delete them first.`);
  await db.organization.delete({ where: { id: orgId } });
}

/** Console administrators who could be added to an organization (not yet members). */
export async function candidateAdmins(actorId: string, orgId: string) {
  await assertOrgAdmin(actorId, orgId);
  return db.user.findMany({
    where: { role: "administrator", disabled: false, orgMemberships: { none: { orgId } } },
    select: { id: true, login: true, name: true },
    orderBy: { login: "asc" },
    take: 500,
  });
}
