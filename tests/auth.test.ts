import { describe, it, expect, beforeEach } from "vitest";
import { db } from "@/lib/db";
import { signIn, LOCKOUT_SECONDS, MAX_FAILURES } from "@/lib/auth/sign-in";
import { changeOwnPassword, changeRole, createUser, resetPassword, setDisabled } from "@/lib/auth/users";
import { resolveSession, endSession } from "@/lib/auth/sessions";
import { verifySessionToken } from "@/lib/auth/session-token";
import { createUserInput } from "@/lib/auth/schemas";
import { UserError } from "@/lib/errors";
import { SignJWT } from "jose";
import { safeNextPath } from "@/lib/http/safe-next";

const pw = "correct-horse-battery";

beforeEach(async () => {
  await db.session.deleteMany();
  await db.loginAttempt.deleteMany();
  await db.user.deleteMany();
});

describe("sign-in", () => {
  it("opens a session whose token resolves to the user", async () => {
    const u = await createUser({ login: "ann", name: "Ann", role: "author", password: pw });
    const { token } = await signIn("ann", pw);
    const s = await resolveSession(token);
    expect(s).toMatchObject({ id: u.id, login: "ann", role: "author" });
  });

  it("answers the same for unknown users and wrong passwords", async () => {
    await createUser({ login: "ann", name: "Ann", role: "author", password: pw });
    await expect(signIn("ann", "wrong-password")).rejects.toThrow("Invalid user name or password");
    await expect(signIn("nobody", "wrong-password")).rejects.toThrow("Invalid user name or password");
  });

  it(`locks a login for ${LOCKOUT_SECONDS}s after ${MAX_FAILURES} failures, even with the right password`, async () => {
    await createUser({ login: "ann", name: "Ann", role: "author", password: pw });
    for (let i = 0; i < MAX_FAILURES; i++) await expect(signIn("ann", "nope-nope-nope")).rejects.toThrow("Invalid");
    await expect(signIn("ann", pw)).rejects.toThrow(/Too many failed sign-ins.*Try again in \d+ seconds/);
    // unknown logins lock the same way (nothing reveals whether a user exists)
    for (let i = 0; i < MAX_FAILURES; i++) await expect(signIn("ghost", "nope-nope-nope")).rejects.toThrow("Invalid");
    await expect(signIn("ghost", "x")).rejects.toThrow(/Too many failed/);
    // once the lock expires the right password works again
    await db.loginAttempt.update({ where: { login: "ann" }, data: { lockedUntil: new Date(Date.now() - 1) } });
    await expect(signIn("ann", pw)).resolves.toHaveProperty("token");
  });

  it("a browser that signed in as the user before is not locked out by a stranger's guesses", async () => {
    await createUser({ login: "ann", name: "Ann", role: "author", password: pw });
    const { device } = await signIn("ann", pw);
    for (let i = 0; i < MAX_FAILURES; i++) await expect(signIn("ann", "nope-nope-nope")).rejects.toThrow("Invalid");
    await expect(signIn("ann", pw)).rejects.toThrow(/Too many failed/); // a stranger's browser
    await expect(signIn("ann", pw, device)).resolves.toHaveProperty("token"); // hers
    // Her browser has its own count: five wrong guesses from it lock it, not the others.
    for (let i = 0; i < MAX_FAILURES; i++)
      await expect(signIn("ann", "nope-nope-nope", device)).rejects.toThrow("Invalid");
    await expect(signIn("ann", pw, device)).rejects.toThrow(/Too many failed/);
    // A device token is for one login name: it does nothing for another.
    await createUser({ login: "bob", name: "Bob", role: "author", password: pw });
    for (let i = 0; i < MAX_FAILURES; i++) await expect(signIn("bob", "nope-nope-nope")).rejects.toThrow("Invalid");
    await expect(signIn("bob", pw, device)).rejects.toThrow(/Too many failed/);
    await expect(signIn("bob", pw, "not-a-token")).rejects.toThrow(/Too many failed/);
  });

  it("refuses disabled users", async () => {
    const admin = await createUser({ login: "root", name: "Root", role: "administrator", password: pw });
    const u = await createUser({ login: "ann", name: "Ann", role: "author", password: pw });
    await setDisabled(admin.id, u.id, true);
    await expect(signIn("ann", pw)).rejects.toThrow(/disabled/);
  });
});

describe("sessions", () => {
  it("sign-out ends that session", async () => {
    await createUser({ login: "ann", name: "Ann", role: "author", password: pw });
    const { token } = await signIn("ann", pw);
    const s = (await resolveSession(token))!;
    await endSession(s.sessionId);
    expect(await resolveSession(token)).toBeNull();
  });

  it("a password reset ends every session; changing your own keeps the current one", async () => {
    const u = await createUser({ login: "ann", name: "Ann", role: "author", password: pw });
    const a = await signIn("ann", pw);
    const b = await signIn("ann", pw);
    const sa = (await resolveSession(a.token))!;
    await changeOwnPassword(u.id, sa.sessionId, pw, "another-password-1");
    expect(await resolveSession(a.token)).not.toBeNull();
    expect(await resolveSession(b.token)).toBeNull();
    await resetPassword(u.id, "third-password-123");
    expect(await resolveSession(a.token)).toBeNull();
    await expect(signIn("ann", "third-password-123")).resolves.toHaveProperty("token");
  });

  it("rejects tokens with another algorithm or key", async () => {
    await createUser({ login: "ann", name: "Ann", role: "author", password: pw });
    const { token } = await signIn("ann", pw);
    const claims = (await verifySessionToken(token))!;
    const forged = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(claims.sub)
      .setIssuer("outpost-console")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("x".repeat(32)));
    expect(await resolveSession(forged)).toBeNull();
    const [h, p] = token.split(".");
    const none = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${p}.`;
    expect(await resolveSession(none)).toBeNull();
    expect(h).toBeTruthy();
  });

  it("stores argon2id hashes, never the password", async () => {
    const u = await createUser({ login: "ann", name: "Ann", role: "author", password: pw });
    const row = await db.user.findUnique({ where: { id: u.id }, omit: { passwordHash: false } });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain(pw);
  });
});

describe("users", () => {
  it("refuses a duplicate login and validates input", async () => {
    await createUser({ login: "ann", name: "Ann", role: "author", password: pw });
    await expect(createUser({ login: "ann", name: "Ann 2", role: "author", password: pw })).rejects.toThrow(
      /already exists/,
    );
    const bad = createUserInput.safeParse({ login: "Bad Name/..", name: "", role: "root", password: "short" });
    expect(bad.success).toBe(false);
    const fields = bad.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["login", "name", "role", "password"]));
  });

  it("keeps at least one enabled administrator", async () => {
    const admin = await createUser({ login: "root", name: "Root", role: "administrator", password: pw });
    const other = await createUser({ login: "ann", name: "Ann", role: "author", password: pw });
    await expect(changeRole(admin.id, admin.id, "author")).rejects.toBeInstanceOf(UserError);
    await expect(setDisabled(admin.id, admin.id, true)).rejects.toThrow(/your own/);
    await changeRole(admin.id, other.id, "administrator");
    await expect(changeRole(admin.id, other.id, "author")).resolves.toMatchObject({ role: "author" });
  });
});

describe("next= after sign-in", () => {
  it("is a path on this site, or the start page", () => {
    expect(safeNextPath("/tools/security/users?q=adm", "/")).toBe("/tools/security/users?q=adm");
    for (const bad of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example/phish",
      "/\t/evil.example/phish",
      "/\n/x",
      "/\u0085/evil.example",
      "evil.example",
      "",
      undefined,
    ])
      expect(safeNextPath(bad, "/"), JSON.stringify(bad)).toBe("/");
  });
});
