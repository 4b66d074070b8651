import { describe, it, expect, vi } from "vitest";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { ensureFirstAdmin } from "@/lib/runtime/first-admin";
import { signIn } from "@/lib/auth/sign-in";
import { dataDir } from "@/lib/env";

describe("first start", () => {
  it("creates admin with a random password, printed once and written to an owner-only file", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await ensureFirstAdmin();
    await ensureFirstAdmin(); // a second start does nothing
    const lines = log.mock.calls.map((c) => String(c[0])).filter((l) => l.includes("Sign in at"));
    log.mockRestore();
    expect(lines).toHaveLength(1);
    const m = /Sign in at (\S+) as admin \/ (\S+)/.exec(lines[0])!;
    expect(m[1]).toMatch(/^http:\/\/localhost:\d+$/);
    const file = path.join(dataDir, "admin-password.txt");
    expect(readFileSync(file, "utf8")).toContain(m[2]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await db.user.count()).toBe(1);
    await expect(signIn("admin", m[2])).resolves.toHaveProperty("token");
  });
});
