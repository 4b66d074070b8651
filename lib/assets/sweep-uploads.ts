import "server-only";
import { assetBlobs } from "@/lib/storage/stores";

const STALE_MS = 24 * 60 * 60_000;

/**
 * Removes what uploads a killed process left behind (a running upload deletes its own on
 * failure). Only what was untouched for a day: another node sharing the store may be mid-upload.
 */
export function sweepStaleUploads(now = Date.now()): Promise<number> {
  return assetBlobs.sweepTemp(STALE_MS, now);
}
