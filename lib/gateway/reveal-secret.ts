import "server-only";
import { db } from "@/lib/db";
import { open } from "@/lib/crypto/secret-box";
import { notFound } from "@/lib/errors";
import { memberOf } from "@/lib/gateway/organizations";
import { secretContext } from "@/lib/gateway/create-application";

/** The application secret in clear, only for an administrator of the application's organization. */
export async function revealSecret(userId: string, clientId: string): Promise<string> {
  const app = await db.gatewayApplication.findFirst({
    where: { clientId, org: memberOf(userId) },
    select: { clientId: true, secretEnc: true },
  });
  if (!app) throw notFound("The application");
  console.info(`[gateway] application secret of ${clientId} revealed to user ${userId}`);
  return open(app.secretEnc, secretContext(app.clientId));
}
