// npm run worker: a node that runs only the background work (replication agents, the scheduler,
// renditions, sweeps) on the shared database, with no web server: only a health port
// (OUTPOST_HEALTH_PORT, default 3001; 0 picks a free one) answering GET /health.
import { createServer } from "node:http";
import { nodeId } from "@/lib/cluster/node-id";
import { dbProvider, env } from "@/lib/env";
import { startNode } from "@/lib/runtime/bootstrap";
import { checkHealth } from "@/lib/runtime/health";

async function main() {
  if (env.OUTPOST_WORKERS === "off") {
    console.error("\nOutpost cannot start: OUTPOST_WORKERS=off leaves a worker node nothing to do. Unset it.\n");
    process.exit(1);
  }
  if (dbProvider === "sqlite") {
    // A SQLite file takes one writer at a time: a second process on it would keep finding it locked.
    console.error(
      "\nOutpost cannot start: worker nodes share the queue through PostgreSQL. Set DATABASE_URL=postgresql://… on every node, or run one node (npm start) on SQLite.\n",
    );
    process.exit(1);
  }
  await startNode("worker");
  // Started by another process (a test, a benchmark): stop cleanly when it goes away.
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
  const server = createServer((req, res) => {
    if (req.method !== "GET" || (req.url !== "/health" && req.url !== "/api/health")) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not_found"}');
      return;
    }
    checkHealth().then(
      (h) =>
        res
          .writeHead(h.status === "ok" ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" })
          .end(JSON.stringify({ ...h, role: "worker", node: nodeId })),
      () => res.writeHead(503).end(),
    );
  });
  server.listen(env.OUTPOST_HEALTH_PORT, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.OUTPOST_HEALTH_PORT;
    console.log(`[outpost] worker node ${nodeId} running; health on http://127.0.0.1:${port}/health`);
    process.send?.({ ready: true, healthPort: port, node: nodeId });
  });
}

void main();
