import "server-only";
import path from "node:path";
import { dataDir } from "@/lib/env";
import { BlobStore } from "@/lib/storage/blob-store";

// The console's asset binaries and renditions, and the embedded portal's received binaries, kept
// apart as they would be on two machines.
export const assetBlobs = new BlobStore(path.join(dataDir, "blobs"));
export const portalBlobs = new BlobStore(path.join(dataDir, "portal", "blobs"));
