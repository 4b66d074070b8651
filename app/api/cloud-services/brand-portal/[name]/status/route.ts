import { consoleRoute } from "@/lib/api/route";
import { configStatusByName } from "@/lib/cloud-services/config-status";

// GET: the status panel's data (key, last token request, agents), polled by the configuration page.
export const GET = consoleRoute<{ name: string }>("administrator", ({ params }) => configStatusByName(params.name));
