// `npm start`: builds the app when the sources changed since the last build, then serves it.
// Migrations, the first administrator and the demo content happen in the server's own start-up
// (instrumentation.ts), so every way of starting Outpost does them.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NEXT_BIN, spawnNextStart } from "./next-server";
import { sourceHash } from "./source-hash";

const distDir = process.env.OUTPOST_DIST_DIR || ".next";
const stamp = path.join(distDir, "outpost-source-hash");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };

const hash = sourceHash();
const built = existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash;
if (!built) {
  console.log("[outpost] building the app (first start or changed sources)…");
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stamp, hash);
}

const port = process.env.PORT ?? "3000";
const args = ["-p", port, ...(process.env.HOST ? ["-H", process.env.HOST] : [])];
const server = spawnNextStart(args, env);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
