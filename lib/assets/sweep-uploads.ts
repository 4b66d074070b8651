import "server-only";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { assetBlobs } from "@/lib/storage/stores";

const STALE_MS = 24 * 60 * 60_000;

/**
 * Removes upload temp files a killed process left behind (a running upload deletes its own on
 * failure). Only files untouched for a day: another node sharing the folder may be mid-upload.
 */
export async function sweepStaleUploads(now = Date.now()): Promise<number> {
  const dir = path.join(assetBlobs.root, "tmp");
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    const s = await stat(file).catch(() => null);
    if (s && now - s.mtimeMs > STALE_MS) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}
