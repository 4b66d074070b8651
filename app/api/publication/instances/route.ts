import { z } from "zod";
import { consoleRoute, parseQuery } from "@/lib/api/route";
import { listInstances } from "@/lib/publication/progress";

const query = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(25),
});

// Tools › Workflow › Instances, polled while open: administrators see all, authors their own.
export const GET = consoleRoute("author", async ({ req, user }) => listInstances(user, parseQuery(req, query)));
