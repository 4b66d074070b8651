import "server-only";
import type { Tx } from "@/lib/db/tx";
import { dbProvider } from "@/lib/env";
import { notFound } from "@/lib/errors";

/**
 * Serialises changes to one configuration's keys and agents: the first statement of the transaction
 * is a write to the configuration row (SQLite takes its write lock; PostgreSQL locks the row), and on
 * PostgreSQL the agent rows are locked too, so no job can be enqueued for them until we commit.
 */
export async function lockConfig(tx: Tx, configId: string): Promise<{ name: string }> {
  const touched = await tx.brandPortalConfig.updateMany({ where: { id: configId }, data: { updatedAt: new Date() } });
  if (touched.count === 0) throw notFound("The Brand Portal configuration");
  if (dbProvider === "postgresql") {
    await tx.$queryRaw`SELECT id FROM "ReplicationAgent" WHERE "configId" = ${configId} FOR UPDATE`;
  }
  const row = await tx.brandPortalConfig.findUniqueOrThrow({ where: { id: configId }, select: { name: true } });
  return row;
}
