import { consoleRoute, parseQuery } from "@/lib/api/route";
import { readLog } from "@/lib/replication/log/read-log";
import { logQuery } from "@/lib/replication/schemas";

const LOG_PAGE_SIZE = 100;

// The agent log, newest first, filtered by level and text; polled by View Log.
export const GET = consoleRoute<{ id: string }>("administrator", async ({ req, params }) => {
  const q = parseQuery(req, logQuery);
  return {
    ...(await readLog(params.id, { level: q.level, q: q.q, skip: (q.page - 1) * LOG_PAGE_SIZE, take: LOG_PAGE_SIZE })),
    page: q.page,
    pageSize: LOG_PAGE_SIZE,
  };
});
