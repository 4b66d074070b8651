// Queues a publication on the e2e server's own database, as the console's publish commands do
// (enqueueNow: the jobs and the items' "pending" state in one transaction); the server's agents
// then deliver it to the portal for real. Run by the specs in a child process (see queuePublication
// in brand-portal.ts) with the server's data dir, until the UI's Quick Publish is there to click.
// Input (argv[2], JSON): { config: <configuration title>, by: <login>, publish: [paths],
//   unpublish?: [paths], missingBinary?: [paths], schedule?: { title, at, paths } }
import { db } from "@/lib/db";
import { enqueueNow } from "@/lib/replication/queue/enqueue";
import { assetBlobs } from "@/lib/storage/stores";

type Input = {
  config: string;
  by: string;
  publish: string[];
  unpublish?: string[];
  missingBinary?: string[];
  schedule?: { title: string; at: string; paths: string[] };
};

async function main() {
  const input = JSON.parse(process.argv[2]) as Input;
  const config = await db.brandPortalConfig.findFirstOrThrow({ where: { title: input.config } });
  const user = await db.user.findUniqueOrThrow({ where: { login: input.by } });
  // An asset whose binary is gone from the store: its delivery fails, with that reason.
  for (const path of input.missingBinary ?? []) {
    const a = await db.asset.findUniqueOrThrow({ where: { path } });
    await assetBlobs.remove(a.sha256);
  }
  const items = [
    ...input.publish.map((path) => ({ action: "publish" as const, kind: "asset" as const, path })),
    ...(input.unpublish ?? []).map((path) => ({ action: "unpublish" as const, kind: "asset" as const, path })),
  ];
  if (items.length) await enqueueNow({ configId: config.id, requestedBy: user.id, items });
  if (input.schedule) {
    const assets = await db.asset.findMany({ where: { path: { in: input.schedule.paths } } });
    await db.publication.create({
      data: {
        title: input.schedule.title,
        action: "publish",
        configId: config.id,
        state: "scheduled",
        scheduledAt: new Date(input.schedule.at),
        scope: JSON.stringify(assets.map((a) => ({ kind: "asset", id: a.id, path: a.path }))),
        createdById: user.id,
      },
    });
  }
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
