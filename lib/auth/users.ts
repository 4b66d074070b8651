import "server-only";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/auth/sessions";
import type { Role } from "@/lib/auth/roles";
import { conflict, notFound, UserError } from "@/lib/errors";

const listSelect = {
  id: true,
  login: true,
  name: true,
  role: true,
  disabled: true,
  lastLoginAt: true,
  createdAt: true,
} as const;

export async function listUsers(opts: { q?: string; skip?: number; take?: number } = {}) {
  const where = opts.q ? { OR: [{ login: { contains: opts.q.toLowerCase() } }, { name: { contains: opts.q } }] } : {};
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      select: listSelect,
      orderBy: { login: "asc" },
      skip: opts.skip ?? 0,
      take: opts.take ?? 50,
    }),
    db.user.count({ where }),
  ]);
  return { rows, total };
}

export async function createUser(input: { login: string; name: string; role: Role; password: string }) {
  if (await db.user.findUnique({ where: { login: input.login }, select: { id: true } })) {
    throw conflict(`A user named "${input.login}" already exists.`, "login");
  }
  const passwordHash = await hashPassword(input.password);
  return db.user.create({
    data: { login: input.login, name: input.name, role: input.role, passwordHash },
    select: listSelect,
  });
}

export async function changeRole(actorId: string, userId: string, role: Role) {
  const user = await getUser(userId);
  if (user.id === actorId && role !== "administrator")
    throw new UserError("You cannot remove your own administrator role.");
  if (user.role === "administrator" && role !== "administrator") await assertAnotherAdmin(userId);
  return db.user.update({ where: { id: userId }, data: { role }, select: listSelect });
}

export async function resetPassword(userId: string, password: string) {
  await getUser(userId);
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
  await endUserSessions(userId);
}

export async function setDisabled(actorId: string, userId: string, disabled: boolean) {
  const user = await getUser(userId);
  if (disabled && user.id === actorId) throw new UserError("You cannot disable your own account.");
  if (disabled && user.role === "administrator") await assertAnotherAdmin(userId);
  const updated = await db.user.update({ where: { id: userId }, data: { disabled }, select: listSelect });
  if (disabled) await endUserSessions(userId);
  return updated;
}

/** The signed-in user changes their own password; their other sessions end, this one stays. */
export async function changeOwnPassword(userId: string, sessionId: string, current: string, next: string) {
  const user = await db.user.findUnique({ where: { id: userId }, omit: { passwordHash: false } });
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw new UserError("The current password is not correct.", { field: "current" });
  }
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(next) } });
  await endUserSessions(userId, sessionId);
}

async function getUser(id: string) {
  const user = await db.user.findUnique({ where: { id }, select: listSelect });
  if (!user) throw notFound("The user");
  return user;
}

async function assertAnotherAdmin(exceptId: string) {
  const others = await db.user.count({ where: { role: "administrator", disabled: false, id: { not: exceptId } } });
  if (others === 0) throw new UserError("Outpost needs at least one enabled administrator.");
}
