/** Prisma's "unique constraint failed" (P2002): another request or node inserted the same key first. */
export function isUniqueViolation(e: unknown): boolean {
  return !!e && typeof e === "object" && "code" in e && (e as { code: unknown }).code === "P2002";
}
