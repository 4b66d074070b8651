import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { seal } from "@/lib/crypto/secret-box";
import { conflict } from "@/lib/errors";
import { assertOrgAdmin } from "@/lib/gateway/organizations";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { searchTextOf } from "@/lib/gateway/applications";
import type { Scope } from "@/lib/gateway/scopes";

// A new JWT application: a random application ID (the OAuth client ID) and a random secret,
// sealed at rest with a context that binds it to this client ID (it can be revealed, so it is
// encrypted rather than hashed).

export const secretContext = (clientId: string) => `gateway-app-secret:${clientId}`;

/** "app-" and 20 hex digits: readable, and never mistaken for the secret ("ops_…", 43 characters). */
const newClientId = () => `app-${randomBytes(10).toString("hex")}`;
const newSecret = () => `ops_${randomBytes(32).toString("base64url")}`;

export async function createApplication(
  userId: string,
  input: { name: string; description: string; orgId: string; scopes: Scope[] },
) {
  await assertOrgAdmin(userId, input.orgId);
  if (
    await db.gatewayApplication.findFirst({ where: { orgId: input.orgId, name: input.name }, select: { id: true } })
  ) {
    throw conflict(`This organization already has an application named "${input.name}".`, "name");
  }
  for (let attempt = 0; ; attempt++) {
    const clientId = newClientId();
    try {
      return await db.gatewayApplication.create({
        data: {
          clientId,
          name: input.name,
          description: input.description,
          searchText: searchTextOf({ ...input, clientId }),
          orgId: input.orgId,
          scopes: input.scopes.join(" "),
          secretEnc: seal(newSecret(), secretContext(clientId)),
          createdById: userId,
        },
        select: { clientId: true, name: true },
      });
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 3) throw e;
    }
  }
}
