import { consoleRoute } from "@/lib/api/route";
import { publicKeyDownload } from "@/lib/cloud-services/downloads";

// GET: the configuration's current public key as <name>-public-key.pem (administrators only).
export const GET = consoleRoute<{ name: string }>("administrator", ({ params }) => publicKeyDownload(params.name));
