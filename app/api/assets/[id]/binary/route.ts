import { z } from "zod";
import { consoleRoute, parseQuery } from "@/lib/api/route";
import { blobResponse, resolveBinary } from "@/lib/assets/download";

const query = z.object({
  rendition: z.enum(["thumbnail", "web"]).optional(),
  version: z.coerce.number().int().min(1).optional(),
  download: z.enum(["1"]).optional(),
  v: z.string().max(64).optional(),
});

/** The original (or ?version=N) or a rendition of an asset, streamed; ?download=1 for an attachment. */
const get = consoleRoute<{ id: string }>("author", async ({ req, params }) => {
  const q = parseQuery(req, query);
  const binary = await resolveBinary(params.id, { rendition: q.rendition, version: q.version });
  return blobResponse(req, binary, {
    attachment: q.download === "1",
    immutable: !!q.v && binary.sha256.startsWith(q.v),
  });
});

export const GET = get;
export const HEAD = get;
