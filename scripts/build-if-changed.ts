// Builds the app unless the last build was made from the same sources (`npm start` and `npm test`
// share the stamp, so one does not rebuild what the other has just built).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NEXT_BIN } from "./next-server";
import { sourceHash } from "./source-hash";

/** Whether a build of the current sources is in place (building it first if not). */
export function buildIfChanged(env: NodeJS.ProcessEnv): boolean {
  const distDir = env.OUTPOST_DIST_DIR || ".next";
  const stamp = path.join(distDir, "outpost-source-hash");
  const hash = sourceHash();
  if (existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
    console.log("[outpost] the build is up to date with the sources");
    return true;
  }
  console.log("[outpost] building the app (first build or changed sources)…");
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env });
  if (r.status !== 0) return false;
  writeFileSync(stamp, hash);
  return true;
}
