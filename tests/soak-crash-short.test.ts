import { it, expect } from "vitest";
import { spawn } from "node:child_process";

// The crash soak's short version (npm run soak:crash is the long one): 200 assets, the console
// and then the portal killed with SIGKILL 3 times each at random moments. Nothing may be lost,
// duplicated or left stuck, and the agent log must explain every retry. A killed console's leases
// run out after 60 s before another node takes its jobs, hence the long timeout.
it("200 assets survive 3 SIGKILLs of the console and 3 of the portal", { timeout: 600_000 }, async () => {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/soak-crash.ts", "--assets", "200", "--kills", "3"],
    {
      env: { ...process.env, DATABASE_URL: undefined, OUTPOST_DATA_DIR: undefined },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  expect(out).toMatch(/console killed 3 times/);
  expect(out).toMatch(/portal killed 3 times/);
  expect(out, out).toMatch(/total: lost: 0, duplicated: 0, stuck: 0 \(\d+ retries, 0 unexplained\)/);
  expect(code, out).toBe(0);
});
