import { consoleRoute, parseQuery } from "@/lib/api/route";
import { agentDetail } from "@/lib/replication/agents/agent-detail";
import { queueQuery } from "@/lib/replication/schemas";

// One agent with a page of its queue, polled by the agent page.
export const GET = consoleRoute<{ id: string }>("administrator", async ({ req, params }) =>
  agentDetail(params.id, parseQuery(req, queueQuery)),
);
