import "server-only";
import { db } from "@/lib/db";
import { RASTER_TYPES } from "@/lib/assets/detect-type";
import { renderRenditions, type MadeRendition } from "@/lib/assets/renditions";
import { kickRenditions } from "@/lib/assets/rendition-kick";
import { startRenditionWorker } from "@/lib/assets/rendition-queue";
import { portalBlobs } from "@/lib/storage/stores";
import { collectPortalBlobs } from "@/lib/portal/blob-gc";

// The portal makes its own thumbnail and web rendition of every image it receives, whatever sent
// it, with the console's sharp pipeline and worker loop: the queue is the PortalAsset table
// (renditionState = "pending"), claimed with a lease like the console's, so a restart loses nothing.
const LEASE_MS = 2 * 60_000;
export const PORTAL_RENDITIONS = "portal-renditions";

const claimable = (now: Date) => ({
  renditionState: "pending",
  OR: [{ renditionLeaseUntil: null }, { renditionLeaseUntil: { lt: now } }],
});

async function claimNext() {
  const now = new Date();
  const candidates = await db.portalAsset.findMany({
    where: claimable(now),
    select: { id: true, sha256: true, mimeType: true },
    orderBy: { publishedAt: "asc" },
    take: 5,
  });
  for (const c of candidates) {
    const won = await db.portalAsset.updateMany({
      where: { id: c.id, sha256: c.sha256, ...claimable(now) },
      data: { renditionLeaseUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (won.count === 1) return c;
  }
  return null;
}

/** Makes the renditions of one pending asset; false when none is waiting. */
export async function processNextPortalRendition(): Promise<boolean> {
  const a = await claimNext();
  if (!a) return false;
  let made: MadeRendition[] = [];
  let state: "ready" | "none" | "failed" = "none";
  if (RASTER_TYPES.has(a.mimeType)) {
    try {
      made = await renderRenditions(portalBlobs.pathOf(a.sha256), portalBlobs);
      state = "ready";
    } catch (e) {
      console.warn(`[portal] renditions of ${a.id} failed: ${(e as Error).message}`);
      made = (e as { made?: MadeRendition[] }).made ?? [];
      state = "failed";
    }
  }
  const recorded = await db.$transaction(async (tx) => {
    // The binary may have been replaced (or the asset removed) meanwhile: then these are stale.
    const claimed = await tx.portalAsset.updateMany({
      where: { id: a.id, sha256: a.sha256 },
      data: { renditionState: state, renditionLeaseUntil: null },
    });
    if (claimed.count === 0 || state !== "ready") return false;
    for (const m of made) {
      const data = { sha256: m.sha256, mimeType: m.mimeType, width: m.width, height: m.height, size: BigInt(m.size) };
      await tx.portalRendition.upsert({
        where: { assetId_kind: { assetId: a.id, kind: m.kind } },
        create: { assetId: a.id, kind: m.kind, ...data },
        update: data,
      });
    }
    return true;
  });
  if (!recorded) await collectPortalBlobs(made.map((m) => m.sha256));
  return true;
}

/** Drains the queue (tests, benchmarks). */
export async function processPendingPortalRenditions(): Promise<number> {
  let n = 0;
  while (await processNextPortalRendition()) n++;
  return n;
}

export const kickPortalRenditions = () => kickRenditions(PORTAL_RENDITIONS);

export const startPortalRenditionWorker = () => startRenditionWorker(processNextPortalRendition, PORTAL_RENDITIONS);
