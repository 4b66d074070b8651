import { Readable } from "node:stream";
import { consoleRoute, parseQuery } from "@/lib/api/route";
import { uploadQuery } from "@/lib/assets/schemas";
import { uploadAsset } from "@/lib/assets/upload";
import { UserError } from "@/lib/errors";

/**
 * Upload of one file as the raw request body (no multipart, no server action): streamed to disk
 * as it arrives. PUT /api/assets/upload?folder=/content/dam/x&name=photo.jpg[&conflict=replace|keep-both]
 */
async function upload({ req, user }: Parameters<Parameters<typeof consoleRoute>[1]>[0]) {
  const q = parseQuery(req, uploadQuery);
  const length = req.headers.get("content-length");
  const size = length === null ? undefined : Number(length);
  if (size !== undefined && !Number.isSafeInteger(size)) throw new UserError("Invalid Content-Length.");
  const body = req.body ?? Readable.from([]);
  const result = await uploadAsset({
    folderPath: q.folder,
    name: q.name,
    conflict: q.conflict,
    body,
    size,
    userId: user.id,
    signal: req.signal,
  });
  return Response.json(result, {
    status: result.outcome === "replaced" ? 200 : 201,
    headers: { "Cache-Control": "no-store" },
  });
}

export const PUT = consoleRoute("author", upload);
export const POST = consoleRoute("author", upload);
