import { describe, it, expect, beforeAll } from "vitest";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { dataDir } from "@/lib/env";
import { checkSecretKey } from "@/lib/runtime/key-check";
import { createConfig } from "@/lib/cloud-services/create-config";
import { loadSigningKey } from "@/lib/cloud-services/key-pair";

// A missing or corrupt encryption key must stop Outpost before it serves, rather than lose the
// configurations' private keys. These tests start a real node (lib/runtime/bootstrap's startNode,
// what instrumentation.ts runs) in a child process against this file's database.

function startNode(env: Record<string, string | undefined>, entry: "startNode" | "bootstrap" = "startNode") {
  const script = `import("./lib/runtime/bootstrap.ts").then((m) => (m.${entry} ?? m.default.${entry})()).then(() => process.exit(0))`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    OUTPOST_DEMO_CONTENT: "off",
    OUTPOST_WORKERS: "off",
    OUTPOST_ADMIN_PASSWORD: "key-check-password-1",
    OUTPOST_SECRET_KEY: undefined,
    ...env,
  };
  for (const k of Object.keys(childEnv)) if (childEnv[k] === undefined) delete childEnv[k];
  // react-server: "server-only" resolves to its empty module, as in the Next server.
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "-e", script], {
    cwd: process.cwd(),
    env: childEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const freshDir = () => mkdtempSync(path.join(process.env.OUTPOST_TEST_ROOT ?? os.tmpdir(), "keycheck-"));
let originalKey = "";

beforeAll(async () => {
  // This file's node: its key (data/secret.key, created on first use) is recorded, and a
  // configuration's private key is sealed under it.
  await checkSecretKey();
  await createConfig({ title: "Sealed", name: "sealed" });
  originalKey = readFileSync(path.join(dataDir, "secret.key"), "utf8").trim();
}, 60_000);

describe("start-up refuses a wrong encryption key", () => {
  it("a corrupt data/secret.key: Outpost cannot start", () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, "secret.key"), "not a key at all\n", { mode: 0o600 });
    const r = startNode({ OUTPOST_DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Outpost cannot start: .*secret\.key must hold a 32-byte key in base64/);
    expect(readFileSync(path.join(dir, "secret.key"), "utf8")).toBe("not a key at all\n"); // never replaced
  });

  it("a key of the wrong length in OUTPOST_SECRET_KEY: Outpost cannot start", () => {
    const r = startNode({ OUTPOST_DATA_DIR: freshDir(), OUTPOST_SECRET_KEY: randomBytes(16).toString("base64") });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Outpost cannot start: OUTPOST_SECRET_KEY must hold a 32-byte key/);
  });

  it("a different key than the one the database was sealed with: refused", () => {
    const r = startNode({ OUTPOST_DATA_DIR: dataDir, OUTPOST_SECRET_KEY: randomBytes(32).toString("base64") });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /Outpost cannot start: the encryption key .* is not the one this database's private keys and secrets were encrypted with/,
    );
  });

  it("a missing key file (a new one would be generated): refused", () => {
    const r = startNode({ OUTPOST_DATA_DIR: freshDir() }); // same database, no secret.key in this data dir
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Outpost cannot start: the encryption key/);
  });

  it("the original key starts, and the sealed private key still opens", async () => {
    const r = startNode({ OUTPOST_DATA_DIR: freshDir(), OUTPOST_SECRET_KEY: originalKey }, "bootstrap");
    expect(r.out).not.toMatch(/cannot start/);
    expect(r.code).toBe(0);
    const { db } = await import("@/lib/db");
    const config = await db.brandPortalConfig.findUniqueOrThrow({ where: { name: "sealed" } });
    await expect(loadSigningKey(config.id)).resolves.toHaveProperty("kid");
  });
});
