import { zipResponse } from "@/lib/portal/zip-response";
import { portalRoute } from "@/lib/portal/viewer";

// One ZIP of a folder (GET ?folder=<path>), a collection (GET ?collection=<name>) or of selected
// assets (POST, form field or JSON "ids").
// ?check=1 answers the plan (files, bytes) or the refusal as JSON, before the browser downloads.
export const GET = portalRoute(async (req, viewer) => zipResponse(req, viewer));
export const POST = portalRoute(async (req, viewer) => zipResponse(req, viewer));
