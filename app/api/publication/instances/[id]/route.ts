import { z } from "zod";
import { consoleRoute, parseQuery } from "@/lib/api/route";
import { instanceDetail } from "@/lib/publication/progress";

const query = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(1).max(200).catch(50),
  state: z.enum(["queued", "running", "done", "skipped", "failed"]).optional().catch(undefined),
});

// One workflow instance with a page of its items, polled by the instance page.
export const GET = consoleRoute<{ id: string }>("author", async ({ req, user, params }) =>
  instanceDetail(params.id.slice(0, 40), user, parseQuery(req, query)),
);
