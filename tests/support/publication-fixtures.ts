import { db } from "@/lib/db";
import { createAsset, createConfig, ensureFolder } from "./replication-fixtures";

// A configuration to publish to (nothing is delivered: these tests look at the queue), an author,
// and a folder tree with assets.

export async function publicationSetup(prefix = "/content/dam/pub") {
  await db.replicationJob.deleteMany();
  await db.publication.deleteMany();
  const { config, agents } = await createConfig({
    tenantUrl: "http://127.0.0.1:9/portal/x",
    gatewayUrl: "http://127.0.0.1:9/gateway",
    clientId: "client",
  });
  const suffix = Math.random().toString(36).slice(2, 8);
  const author = await db.user.create({
    data: { login: `author-${suffix}`, name: "Author", role: "author", passwordHash: "x" },
  });
  const other = await db.user.create({
    data: { login: `other-${suffix}`, name: "Other", role: "author", passwordHash: "x" },
  });
  const admin = await db.user.create({
    data: { login: `admin-${suffix}`, name: "Admin", role: "administrator", passwordHash: "x" },
  });
  const root = await ensureFolder(`${prefix}-${suffix}`);
  const sub = await ensureFolder(`${root.path}/sub`);
  const assets = [
    await createAsset(`${root.path}/a.jpg`, { size: 100 }),
    await createAsset(`${root.path}/b.jpg`, { size: 200 }),
    await createAsset(`${sub.path}/c.jpg`, { size: 300 }),
  ];
  return { config, agents, author, other, admin, root, sub, assets };
}
