import "server-only";
import { stat } from "node:fs/promises";
import { db } from "@/lib/db";
import { portalBlobs } from "@/lib/storage/stores";

// A received binary may be shared by assets of several tenants (content addressing), and a
// rendition by several assets: it goes only when no portal asset or rendition refers to it. A file
// written in the last minutes is kept: a delivery of the same content may have renamed it into
// place and not yet written its row.
const RECENT_MS = 10 * 60_000;

export async function collectPortalBlobs(shas: Iterable<string>): Promise<number> {
  let removed = 0;
  for (const sha256 of new Set(shas)) {
    if (await db.portalAsset.count({ where: { sha256 } })) continue;
    if (await db.portalRendition.count({ where: { sha256 } })) continue;
    try {
      if (Date.now() - (await stat(portalBlobs.pathOf(sha256))).mtimeMs < RECENT_MS) continue;
    } catch {
      continue; // already gone
    }
    await portalBlobs.remove(sha256);
    removed++;
  }
  return removed;
}
