import { consoleRoute } from "@/lib/api/route";
import { agentSummaries } from "@/lib/replication/agents/overview";

// Agents on author, polled by the list page.
export const GET = consoleRoute("administrator", async () => ({ agents: await agentSummaries() }));
