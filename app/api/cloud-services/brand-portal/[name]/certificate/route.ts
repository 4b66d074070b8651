import { consoleRoute } from "@/lib/api/route";
import { certificateDownload } from "@/lib/cloud-services/downloads";

// GET: the self-signed X.509 certificate of the current public key as <name>.crt (administrators only).
export const GET = consoleRoute<{ name: string }>("administrator", ({ params }) => certificateDownload(params.name));
