import "server-only";
import { db } from "@/lib/db";
import { assetBlobs } from "@/lib/storage/stores";

// A blob may be shared by assets, versions and renditions (content addressing): it goes only when
// nothing refers to it any more. A file written in the last minutes is kept: an upload of the same
// content may have renamed it into place and not yet committed its rows.
const RECENT_MS = 10 * 60_000;

export async function collectBlobs(shas: Iterable<string>, opts: { keepRecent?: boolean } = {}): Promise<number> {
  let removed = 0;
  for (const sha256 of new Set(shas)) {
    const [a, v, r] = await Promise.all([
      db.asset.count({ where: { sha256 } }),
      db.assetVersion.count({ where: { sha256 } }),
      db.rendition.count({ where: { sha256 } }),
    ]);
    if (a + v + r > 0) continue;
    if (opts.keepRecent !== false && (await isRecent(sha256))) continue;
    await db.blob.deleteMany({ where: { sha256 } });
    await assetBlobs.remove(sha256);
    removed++;
  }
  return removed;
}

async function isRecent(sha256: string): Promise<boolean> {
  const at = await assetBlobs.writtenAt(sha256);
  return at !== null && Date.now() - at < RECENT_MS;
}
