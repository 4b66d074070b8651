import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { lockConfig } from "@/lib/cloud-services/lock-config";
import { liveJobCount } from "@/lib/replication/queue/read-queue";

const PENDING_PUBLICATION_STATES = ["scheduled", "queued", "running"];

/**
 * Deletes a configuration with its agents and keys (cascade), refused while its agents still have
 * queued or running jobs or a publication waits for it: those would be lost without a trace. The
 * check and the delete run in one transaction with the configuration (and its agents) locked.
 */
export async function deleteConfig(configId: string) {
  return db.$transaction(async (tx) => {
    const { name } = await lockConfig(tx, configId);
    const pending = await liveJobCount(tx, configId);
    if (pending > 0) {
      throw new UserError(
        `"${name}" cannot be deleted: its agents have ${pending} pending job${pending === 1 ? "" : "s"}. Wait until the queues are empty, or clear them in Tools › Deployment › Replication, then delete again.`,
        { status: 409, code: "conflict" },
      );
    }
    const waiting = await tx.publication.count({ where: { configId, state: { in: PENDING_PUBLICATION_STATES } } });
    if (waiting > 0) {
      throw new UserError(
        `"${name}" cannot be deleted: ${waiting} publication${waiting === 1 ? " is" : "s are"} scheduled or running for it. Terminate ${waiting === 1 ? "it" : "them"} in Tools › Workflow › Instances first.`,
        { status: 409, code: "conflict" },
      );
    }
    await tx.brandPortalConfig.delete({ where: { id: configId } });
    return { name };
  });
}
