import "server-only";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { getApplication, searchTextOf } from "@/lib/gateway/applications";
import { parsePublicKey } from "@/lib/gateway/public-key";
import type { Scope } from "@/lib/gateway/scopes";

/**
 * Saves an application's name, description, scopes and public key. The key is validated (and a
 * private key refused) before anything is written; an empty key field removes the registered key.
 */
export async function updateApplication(
  userId: string,
  input: { clientId: string; name: string; description: string; scopes: Scope[]; publicKey: string },
) {
  const app = await getApplication(userId, input.clientId);
  const key = input.publicKey.trim() ? await parsePublicKey(input.publicKey) : null;
  if (
    input.name !== app.name &&
    (await db.gatewayApplication.findFirst({ where: { orgId: app.orgId, name: input.name }, select: { id: true } }))
  ) {
    throw conflict(`This organization already has an application named "${input.name}".`, "name");
  }
  const keyChanged = (key?.pem ?? null) !== app.publicKeyPem;
  await db.gatewayApplication.update({
    where: { clientId: app.clientId },
    data: {
      name: input.name,
      description: input.description,
      searchText: searchTextOf({ ...input, clientId: app.clientId }),
      scopes: input.scopes.join(" "),
      ...(keyChanged
        ? {
            publicKeyPem: key?.pem ?? null,
            publicKeyAlg: key?.alg ?? null,
            publicKeyThumbprint: key?.thumbprint ?? null,
            publicKeyUpdatedAt: key ? new Date() : null,
          }
        : {}),
    },
  });
  return { keyChanged, publicKeyAlg: key?.alg ?? null };
}
