import { afterAll, expect, it, vi } from "vitest";
import { Readable } from "node:stream";
import sharp from "sharp";
import { db } from "@/lib/db";
import { dbProvider } from "@/lib/env";
import { createUser } from "@/lib/auth/users";
import { createFolder, ensureDamRoot } from "@/lib/assets/folders";
import { uploadAsset } from "@/lib/assets/upload";
import { exited, killChildNodes, startChildNode } from "./support/child-node";

// A web-only node stores an image; the rendition worker of a worker node, in another process that
// polls only once a minute, makes its renditions at once: the upload's NOTIFY woke it.

const onPostgres = dbProvider === "postgresql";
afterAll(killChildNodes);

it.runIf(onPostgres)(
  "an upload on one node wakes another node's rendition worker at once, not at its next poll",
  async () => {
    await ensureDamRoot();
    const user = await createUser({
      login: "renditions-author",
      name: "Author",
      password: "a long passphrase",
      role: "author",
    });
    await createFolder({ parentPath: "/content/dam", name: "woken", title: "Woken" }, user.id);
    const worker = await startChildNode<{ pollMs: number }>("tests/support/loops-child.ts", {}, ["renditions"]);
    const image = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#1473e6" } })
      .png()
      .toBuffer();
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = Date.now();
      const { asset } = await uploadAsset({
        folderPath: "/content/dam/woken",
        name: `image-${i}.png`,
        body: Readable.from([image]),
        size: image.length,
        userId: user.id,
      });
      // This process runs no rendition worker: only the other node can make them.
      await vi.waitFor(
        async () =>
          expect((await db.asset.findUniqueOrThrow({ where: { id: asset.id } })).renditionState).toBe("ready"),
        { timeout: 20_000, interval: 20 },
      );
      waits.push(Date.now() - before);
    }
    console.log(`upload to renditions ready on another process (ms): ${waits.join(", ")}`);
    // Its poll is a minute, and it is asleep between uploads: only the notification explains these.
    for (const w of waits) expect(w).toBeLessThan(worker.msg.pollMs / 10);
    worker.child.kill("SIGTERM");
    await exited(worker.child);
  },
  60_000,
);
