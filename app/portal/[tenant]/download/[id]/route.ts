import { downloadResponse } from "@/lib/portal/download";
import { portalRoute } from "@/lib/portal/viewer";

// The original (or ?rendition=web|thumbnail) of one asset the viewer may see, as an attachment.
const get = portalRoute<{ id: string }>(async (req, viewer, { id }) =>
  downloadResponse(req, viewer, id, new URL(req.url).searchParams.get("rendition")),
);
export const GET = get;
export const HEAD = get;
