// The server Playwright starts: a fresh data dir (SQLite, keys, binaries), demo content on, the
// production build from `npm run build`.
import { createWriteStream, rmSync } from "node:fs";
import { spawnNextStart } from "../../scripts/next-server";
import { E2E } from "./env";

rmSync(E2E.dataDir, { recursive: true, force: true });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  OUTPOST_DATA_DIR: E2E.dataDir,
  OUTPOST_ADMIN_PASSWORD: E2E.adminPassword,
  OUTPOST_PUBLIC_URL: E2E.baseURL,
  PORT: String(E2E.port),
};
delete env.DATABASE_URL; // the embedded default, as a newcomer gets it
const server = spawnNextStart(["-p", String(E2E.port), "-H", "127.0.0.1"], env, "pipe");
// The server's output goes to Playwright as before, and to a file the security matrix scans.
const log = createWriteStream(E2E.logFile);
server.stdout!.on("data", (d) => (process.stdout.write(d), log.write(d)));
server.stderr!.on("data", (d) => (process.stderr.write(d), log.write(d)));
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
