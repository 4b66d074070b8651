import "server-only";
import path from "node:path";
import { dataDir, env, s3Env } from "@/lib/env";
import { LocalBlobStore } from "@/lib/storage/local-store";
import { parseS3Url, S3BlobStore, s3Client } from "@/lib/storage/s3-store";
import type { BlobStore } from "@/lib/storage/types";

// The console's asset binaries and renditions, and the embedded portal's received binaries, kept
// apart as they would be on two machines: two folders under the data dir, or two prefixes in the
// bucket that OUTPOST_BLOB_STORE names (every node of a cluster then sees every blob).
function stores(): { assets: BlobStore; portal: BlobStore } {
  if (!env.OUTPOST_BLOB_STORE) {
    return {
      assets: new LocalBlobStore(path.join(dataDir, "blobs")),
      portal: new LocalBlobStore(path.join(dataDir, "portal", "blobs")),
    };
  }
  const { bucket, prefix } = parseS3Url(env.OUTPOST_BLOB_STORE);
  const client = s3Client({ bucket, prefix, ...s3Env });
  const scratch = path.join(dataDir, "scratch");
  const under = (p: string) => (prefix ? `${prefix}/${p}` : p);
  return {
    assets: new S3BlobStore(client, bucket, under("assets"), scratch),
    portal: new S3BlobStore(client, bucket, under("portal"), scratch),
  };
}

const chosen = stores();
export const assetBlobs: BlobStore = chosen.assets;
export const portalBlobs: BlobStore = chosen.portal;
