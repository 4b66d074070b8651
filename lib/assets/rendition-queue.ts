import "server-only";
import { db } from "@/lib/db";
import { generateRenditions } from "@/lib/assets/renditions";
import { onRenditionKick } from "@/lib/assets/rendition-kick";
import { onPeerSignal } from "@/lib/cluster/peer-signals";

// The rendition queue is the Asset table itself: renditionState = "pending" rows, claimed with a
// short lease so that several nodes share the work and a crashed node's claim runs out. Nothing
// is lost on restart: pending rows are picked up again.
const LEASE_MS = 2 * 60_000;
const POLL_MS = 5_000; // the fallback: an upload wakes a worker at once (rendition-kick.ts)

const claimable = (now: Date) => ({
  renditionState: "pending",
  OR: [{ renditionLeaseUntil: null }, { renditionLeaseUntil: { lt: now } }],
});

/** Claims the oldest pending asset (compare-and-set on its lease), or null when none is waiting. */
export async function claimNextRendition() {
  const now = new Date();
  const candidates = await db.asset.findMany({
    where: claimable(now),
    select: { id: true, sha256: true, mimeType: true },
    orderBy: { createdAt: "asc" },
    take: 5,
  });
  for (const c of candidates) {
    const won = await db.asset.updateMany({
      where: { id: c.id, sha256: c.sha256, ...claimable(now) },
      data: { renditionLeaseUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (won.count === 1) return c;
  }
  return null;
}

/** Processes one pending asset; false when there was none. */
export async function processNextRendition(): Promise<boolean> {
  const next = await claimNextRendition();
  if (!next) return false;
  await generateRenditions(next);
  return true;
}

/** Drains the queue (tests, benchmarks). */
export async function processPendingRenditions(): Promise<number> {
  let n = 0;
  while (await processNextRendition()) n++;
  return n;
}

/**
 * The background worker: one asset at a time (the machine has few cores), woken by uploads on its
 * node or on a web-only node. The portal runs its own queue through the same loop (`processNext`, its own kick channel).
 */
export function startRenditionWorker(
  processNext: () => Promise<boolean> = processNextRendition,
  channel = "assets",
  pollMs = POLL_MS,
): () => Promise<void> {
  let stopped = false;
  let wake: (() => void) | null = null;
  let kicked = false;
  const kick = () => {
    kicked = true;
    wake?.();
  };
  onRenditionKick(kick, channel);
  // null: the listening connection was made again, and a wake-up may have been missed meanwhile.
  const stopListening = onPeerSignal({
    renditions: (of) => {
      if (of === null || of === channel) kick();
    },
  });
  const loop = (async () => {
    while (!stopped) {
      kicked = false;
      let worked = false;
      try {
        worked = await processNext();
      } catch (e) {
        console.error(`[${channel}] rendition worker:`, e);
      }
      if (worked || kicked || stopped) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return async () => {
    stopped = true;
    onRenditionKick(undefined, channel);
    wake?.();
    await Promise.all([loop, stopListening()]);
  };
}
