import "server-only";
import { ensureDamRoot } from "@/lib/assets/folders";
import { seedDemoContent } from "@/lib/assets/demo/seed-demo";
import { startRenditionWorker } from "@/lib/assets/rendition-queue";
import { sweepStaleUploads } from "@/lib/assets/sweep-uploads";

/** The assets domain's start-up work: the /content/dam root, the demo content, leftover upload files, the rendition worker. */
export const assetsTask = {
  name: "assets",
  seed: async ({ demoContent }: { demoContent: boolean }) => {
    await ensureDamRoot();
    if (demoContent) await seedDemoContent();
    await sweepStaleUploads();
  },
  start: async () => startRenditionWorker(),
};
