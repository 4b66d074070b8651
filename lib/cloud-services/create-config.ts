import "server-only";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { generateConfigKeyPair } from "@/lib/cloud-services/key-pair";
import { newAgentRows } from "@/lib/cloud-services/agents";
import { issuer } from "@/lib/gateway/issuer";
import { DEFAULT_SCOPE } from "@/lib/cloud-services/schemas";

const nameTaken = (name: string) =>
  conflict(`A configuration named "${name}" already exists. Choose another name.`, "name");

/**
 * Creates a Brand Portal configuration with its RSA-2048 key pair and its four replication agents.
 * The key is generated first (tens of milliseconds, no lock held); the configuration, key and agents
 * are then written by one nested create, which Prisma runs as one transaction: all or nothing.
 */
export async function createConfig(input: { title: string; name: string }, createdById?: string) {
  if (await db.brandPortalConfig.findUnique({ where: { name: input.name }, select: { id: true } }))
    throw nameTaken(input.name);
  const key = await generateConfigKeyPair({ commonName: `Outpost Brand Portal ${input.name}` });
  try {
    return await db.brandPortalConfig.create({
      data: {
        name: input.name,
        title: input.title,
        gatewayUrl: issuer(),
        scope: DEFAULT_SCOPE,
        createdById: createdById ?? null,
        keys: {
          create: {
            kid: key.kid,
            publicKeyPem: key.publicKeyPem,
            privateEnc: key.privateEnc,
            thumbprint: key.thumbprint,
            certPem: key.certPem,
            certNotAfter: key.certNotAfter,
          },
        },
        agents: { create: newAgentRows(input.title) },
      },
      select: { id: true, name: true, title: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(input.name); // another admin took the name meanwhile
    throw e;
  }
}
