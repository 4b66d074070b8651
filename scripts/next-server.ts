// How the server process starts (npm start, the e2e server; bench:publish runs its two installs
// with the same flags): `next start` in a child process, with the server's V8 flags.
import { spawn } from "node:child_process";
import path from "node:path";

// --initial-heap-size: V8 sizes the old generation from the small live heap (about 30 MB), close to
// the young generation's size, so under publishing load it marks incrementally all the time and
// runs a full collection every half second. Each pause lets the requests in flight finish
// together and puts the agents back in step (lib/replication/transport/pacer.ts). From a 256 MB
// initial heap, full collections wait until the heap has grown: none during a 3-minute publishing
// benchmark, in which the heap grew to 90 MB; the speed-up's median went from 3.91 to 3.97–3.99.
export const SERVER_NODE_FLAGS = ["--initial-heap-size=256"];

/** Next's command-line entry, run with this Node (`node <NEXT_BIN> build`). */
export const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

export function spawnNextStart(args: string[], env: NodeJS.ProcessEnv, stdio: "inherit" | "pipe" = "inherit") {
  return spawn(process.execPath, [...SERVER_NODE_FLAGS, NEXT_BIN, "start", ...args], {
    stdio: stdio === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"],
    env,
  });
}
