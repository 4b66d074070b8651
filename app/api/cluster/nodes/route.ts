import { consoleRoute } from "@/lib/api/route";
import { listNodes } from "@/lib/cluster/list-nodes";

// Tools › Deployment › Nodes, polled by the page.
export const GET = consoleRoute("administrator", async () => ({ nodes: await listNodes() }));
