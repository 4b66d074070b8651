import path from "node:path";
import os from "node:os";

// Shared by playwright.config.ts, the server script and the specs. E2E_PORT lets two runs coexist.
const port = Number(process.env.E2E_PORT ?? 3100);
export const E2E = {
  port,
  baseURL: `http://127.0.0.1:${port}`,
  dataDir: process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `outpost-e2e-${port}`),
  adminPassword: "e2e-admin-password-1",
  adminState: path.join(__dirname, "..", ".auth", "admin.json"),
  /** Everything the server prints, for the suites that check no secret ever reaches a log line. */
  logFile: path.join(os.tmpdir(), `outpost-e2e-${port}.log`),
};
