// How the server process starts (npm start, the e2e server): `next start` in a child process.
// Node's own options (heap size and the like) are operations settings: NODE_OPTIONS (README).
import { spawn } from "node:child_process";
import path from "node:path";

/** Next's command-line entry, run with this Node (`node <NEXT_BIN> build`). */
export const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

export function spawnNextStart(args: string[], env: NodeJS.ProcessEnv, stdio: "inherit" | "pipe" = "inherit") {
  return spawn(process.execPath, [NEXT_BIN, "start", ...args], {
    stdio: stdio === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"],
    env,
  });
}
