import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endPortalUserSessions } from "@/lib/portal/sessions";
import type { PortalRole } from "@/lib/portal/roles";
import { conflict, notFound, UserError } from "@/lib/errors";

// A tenant's portal users. Every function takes the tenant's id and builds its `where` from it, so
// the id of another tenant's user finds nothing. `actorId` is the portal administrator acting (null
// when an Outpost administrator acts from the console): nobody removes their own access.

export const portalUserSelect = {
  id: true,
  login: true,
  displayName: true,
  role: true,
  disabled: true,
  lastLoginAt: true,
  createdAt: true,
} as const;

export type PortalUserInput = {
  tenantId: string;
  login: string;
  displayName: string;
  password: string;
  role: PortalRole;
};

export async function listPortalUsers(tenantId: string, opts: { q?: string; skip?: number; take?: number } = {}) {
  const q = opts.q?.trim();
  const where = {
    tenantId,
    ...(q ? { OR: [{ login: { contains: q.toLowerCase() } }, { displayName: { contains: q } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.portalUser.findMany({
      where,
      select: portalUserSelect,
      orderBy: { login: "asc" },
      skip: opts.skip ?? 0,
      take: opts.take ?? 50,
    }),
    db.portalUser.count({ where }),
  ]);
  return { rows, total };
}

export async function createPortalUser(input: PortalUserInput) {
  const { tenantId, login } = input;
  if (!(await db.portalTenant.findUnique({ where: { id: tenantId }, select: { id: true } })))
    throw notFound("The tenant");
  if (await db.portalUser.findUnique({ where: { tenantId_login: { tenantId, login } }, select: { id: true } }))
    throw conflict(`A portal user named "${login}" already exists in this tenant.`, "login");
  const passwordHash = await hashPassword(input.password);
  return db.portalUser.create({
    data: { tenantId, login, displayName: input.displayName, role: input.role, passwordHash },
    select: portalUserSelect,
  });
}

export async function changePortalUserRole(tenantId: string, actorId: string | null, userId: string, role: PortalRole) {
  const user = await getPortalUser(tenantId, userId);
  if (user.id === actorId && role !== "admin")
    throw new UserError("You cannot remove your own Portal administrator role.");
  if (user.role === "admin" && role !== "admin") await assertAnotherAdmin(tenantId, userId);
  return db.portalUser.update({ where: { id: user.id }, data: { role }, select: portalUserSelect });
}

/** Sets a new password and ends the user's sessions. */
export async function resetPortalUserPassword(tenantId: string, userId: string, password: string) {
  const user = await getPortalUser(tenantId, userId);
  await db.portalUser.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  await endPortalUserSessions(user.id);
}

export async function setPortalUserDisabled(
  tenantId: string,
  actorId: string | null,
  userId: string,
  disabled: boolean,
) {
  const user = await getPortalUser(tenantId, userId);
  if (disabled && user.id === actorId) throw new UserError("You cannot disable your own account.");
  if (disabled && user.role === "admin") await assertAnotherAdmin(tenantId, userId);
  const updated = await db.portalUser.update({ where: { id: user.id }, data: { disabled }, select: portalUserSelect });
  if (disabled) await endPortalUserSessions(user.id);
  return updated;
}

/** The signed-in portal user changes their own password; their other sessions end, this one stays. */
export async function changeOwnPortalPassword(userId: string, sessionId: string, current: string, next: string) {
  const user = await db.portalUser.findUnique({ where: { id: userId }, omit: { passwordHash: false } });
  if (!user || !(await verifyPassword(user.passwordHash, current)))
    throw new UserError("The current password is not correct.", { field: "current" });
  await db.portalUser.update({ where: { id: userId }, data: { passwordHash: await hashPassword(next) } });
  await endPortalUserSessions(userId, sessionId);
}

/** A password for a new account, shown once: 16 characters from 96 random bits. */
export const generatePassword = () => randomBytes(12).toString("base64url");

async function getPortalUser(tenantId: string, id: string) {
  const user = await db.portalUser.findFirst({ where: { id, tenantId }, select: portalUserSelect });
  if (!user) throw notFound("The portal user");
  return user;
}

// Without an enabled Portal administrator nobody could manage the tenant from inside the portal.
async function assertAnotherAdmin(tenantId: string, exceptId: string) {
  const others = await db.portalUser.count({
    where: { tenantId, role: "admin", disabled: false, id: { not: exceptId } },
  });
  if (others === 0) throw new UserError("The tenant needs at least one enabled Portal administrator.");
}
