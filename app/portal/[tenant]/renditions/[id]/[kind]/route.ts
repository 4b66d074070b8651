import { renditionResponse } from "@/lib/portal/download";
import { portalRoute } from "@/lib/portal/viewer";

// Thumbnails and web previews for the portal's pages (inline, cached while ?v= names the current one).
export const GET = portalRoute<{ id: string; kind: string }>(async (req, viewer, { id, kind }) =>
  renditionResponse(req, viewer, id, kind),
);
