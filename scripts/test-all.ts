// `npm test`: the whole suite. Unit and integration tests on SQLite (and on PostgreSQL when
// TEST_DATABASE_URL is set), a production build (skipped when `npm start` built the same sources),
// then Playwright in Debian's Chromium.
// Ends with one line "N passed, N failed" over everything that ran.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { buildIfChanged } from "./build-if-changed";

const CHROMIUM = "/usr/bin/chromium";
const out = path.join("test-results", "counts");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

if (!existsSync(CHROMIUM)) {
  console.error(
    `Chromium is missing at ${CHROMIUM}; the browser tests need it.\nInstall it with: sudo apt-get update && sudo apt-get install -y chromium`,
  );
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
let passed = 0;
let failed = 0;
let ok = true;

function run(label: string, cmd: string, args: string[], extra: Record<string, string | undefined> = {}) {
  console.log(`\n━━ ${label} ━━`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extra } });
  if (r.status !== 0) ok = false;
  return r.status === 0;
}

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, "utf8"));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
}

function vitest(label: string, file: string, extra: Record<string, string | undefined>) {
  run(label, "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], extra);
  countVitest(file);
}

// Style and types first: cheap, and a failure here names the file to fix. The package.json scripts
// say how (lint fails on a warning too), so `npm run lint` alone gives the same answer.
for (const [label, script] of [
  ["format (Prettier)", "format:check"],
  ["lint (ESLint)", "lint"],
  ["types (tsc)", "typecheck"],
] as const) {
  if (run(label, "npm", ["run", "--silent", script])) passed += 1;
  else failed += 1;
}

vitest("unit and integration tests (SQLite)", path.join(out, "vitest-sqlite.json"), { TEST_DATABASE_URL: undefined });
if (process.env.TEST_DATABASE_URL) {
  vitest("unit and integration tests (PostgreSQL)", path.join(out, "vitest-postgres.json"), {});
}

console.log("\n━━ production build ━━");
if (buildIfChanged({ ...env, NODE_ENV: "production" })) {
  const report = path.join(out, "playwright.json");
  run("browser tests (Playwright, Chromium)", "npx", ["playwright", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  if (existsSync(report)) {
    const s = JSON.parse(readFileSync(report, "utf8")).stats;
    passed += s.expected;
    failed += s.unexpected + (s.flaky ?? 0);
  }
} else {
  ok = false;
  failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
