import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import { generateConfigKeyPair } from "@/lib/cloud-services/key-pair";
import { assetBlobs } from "@/lib/storage/stores";

// Seeds what replication works on: a Brand Portal configuration with its key pair and four
// agents, and assets with real binaries in the asset store.

export async function createConfig(opts: {
  name?: string;
  tenantUrl: string;
  gatewayUrl: string;
  clientId: string;
  scope?: string;
  grantType?: string;
  publicFolderPublish?: boolean;
  orgId?: string;
}) {
  const key = await generateConfigKeyPair();
  const name = opts.name ?? `bp-${randomBytes(3).toString("hex")}`;
  const config = await db.brandPortalConfig.create({
    data: {
      name,
      title: name,
      tenantUrl: opts.tenantUrl,
      clientId: opts.clientId,
      gatewayUrl: opts.gatewayUrl,
      scope: opts.scope ?? "dam-read dam-sync dam-write cc-share",
      grantType: opts.grantType ?? "jwt-bearer",
      publicFolderPublish: opts.publicFolderPublish ?? false,
      orgId: opts.orgId ?? "",
      keys: {
        create: {
          kid: key.kid,
          publicKeyPem: key.publicKeyPem,
          privateEnc: key.privateEnc,
          thumbprint: key.thumbprint,
        },
      },
      agents: { create: [1, 2, 3, 4].map((position) => ({ name: `Brand Portal agent ${position}`, position })) },
    },
    include: { agents: { orderBy: { position: "asc" } } },
  });
  return { config, agents: config.agents, publicKeyPem: key.publicKeyPem };
}

export async function ensureFolder(path: string) {
  try {
    return await db.folder.upsert({
      where: { path },
      create: { path, name: path.split("/").pop()!, title: path.split("/").pop()! },
      update: {},
    });
  } catch (e) {
    if ((e as { code?: string }).code !== "P2002") throw e;
    return db.folder.findUniqueOrThrow({ where: { path } }); // created by a parallel call
  }
}

/** An asset whose binary is `content` (or `size` random bytes), stored in the asset blob store. */
export async function createAsset(
  path: string,
  opts: { content?: Buffer; size?: number; title?: string; version?: number; mimeType?: string } = {},
) {
  const content = opts.content ?? randomBytes(opts.size ?? 1024);
  const blob = await assetBlobs.write(Readable.from([content]));
  const folder = await ensureFolder(path.slice(0, path.lastIndexOf("/")));
  const name = path.split("/").pop()!;
  const title = opts.title ?? name;
  return db.asset.create({
    data: {
      path,
      name,
      title,
      searchText: `${name} ${title}`.toLowerCase(),
      folderId: folder.id,
      mimeType: opts.mimeType ?? "image/jpeg",
      size: BigInt(blob.size),
      sha256: blob.sha256,
      version: opts.version ?? 1,
      description: "A test asset",
      tags: JSON.stringify(["test", "outpost"]),
      creator: "Test",
      width: 640,
      height: 480,
    },
  });
}

export const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
