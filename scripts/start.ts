// `npm start`: builds the app when the sources changed since the last build, then serves it.
// Migrations, the first administrator and the demo content happen in the server's own start-up
// (instrumentation.ts), so every way of starting Outpost does them.
import { buildIfChanged } from "./build-if-changed";
import { spawnNextStart } from "./next-server";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
if (!buildIfChanged(env)) process.exit(1);

const port = process.env.PORT ?? "3000";
const args = ["-p", port, ...(process.env.HOST ? ["-H", process.env.HOST] : [])];
const server = spawnNextStart(args, env);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
