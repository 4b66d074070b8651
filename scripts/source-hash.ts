import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// A hash of everything that goes into `next build`, so `npm start` rebuilds only when it changed.
const ROOTS = [
  "app",
  "components",
  "lib",
  "prisma",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

export function sourceHash(root = process.cwd()): string {
  const h = createHash("sha256");
  const visit = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(path.join(p, name));
    } else {
      h.update(path.relative(root, p)).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  for (const r of ROOTS) visit(path.join(root, r));
  return h.digest("hex");
}
