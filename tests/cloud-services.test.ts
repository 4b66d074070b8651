import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync, existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { importSPKI, jwtVerify, SignJWT, decodeProtectedHeader } from "jose";
import { db } from "@/lib/db";
import { databaseUrl, dbProvider } from "@/lib/env";
import { open } from "@/lib/crypto/secret-box";
import { createUser } from "@/lib/auth/users";
import { signIn } from "@/lib/auth/sign-in";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { createConfig } from "@/lib/cloud-services/create-config";
import { updateConfig } from "@/lib/cloud-services/update-config";
import { queueEvents } from "@/lib/replication/queue/wake";
import { deleteConfig } from "@/lib/cloud-services/delete-config";
import { rotateKeyPair } from "@/lib/cloud-services/rotate-key-pair";
import { currentKey, getActiveConfig, getConfig, getConfigByName, listConfigs } from "@/lib/cloud-services/get-config";
import { publicKeyView } from "@/lib/cloud-services/public-key";
import { configStatus } from "@/lib/cloud-services/config-status";
import { loadSigningKey, spkiFingerprint } from "@/lib/cloud-services/key-pair";
import { configSettingsInput, createConfigInput, DEFAULT_SCOPE } from "@/lib/cloud-services/schemas";
import { looksLikeSecret } from "@/lib/cloud-services/client-id";
import { configNameFromTitle as nameFromTitle } from "@/lib/cloud-services/config-name";
import { UserError } from "@/lib/errors";
import { serveRoutes, type Routes } from "./support/route-server";
import * as publicKeyRoute from "@/app/api/cloud-services/brand-portal/[name]/public-key/route";
import * as certificateRoute from "@/app/api/cloud-services/brand-portal/[name]/certificate/route";
import * as statusRoute from "@/app/api/cloud-services/brand-portal/[name]/status/route";

x509.cryptoProvider.set(globalThis.crypto);

const OWN_ORIGIN = "http://localhost:3000";
const settingsSchema = configSettingsInput(OWN_ORIGIN);
const goodSettings = {
  tenantUrl: "http://localhost:3000/portal/acme",
  clientId: "outpost-app-7f3a9c",
  publicFolderPublish: true,
  gatewayUrl: "http://localhost:3000/gateway",
  orgId: "A1B2C3D4E5@OutpostOrg",
  grantType: "jwt-bearer" as const,
  scope: DEFAULT_SCOPE,
};

/** The PKCS#8 PEM of a key row, opened the way only lib/cloud-services may (for the at-rest checks). */
async function privatePem(kid: string): Promise<string> {
  const row = await db.configKeyPair.findUniqueOrThrow({ where: { kid }, omit: { privateEnc: false } });
  return open(row.privateEnc, `config-key:${kid}`);
}

const signAssertion = async (configId: string) => {
  const { kid, privateKey } = await loadSigningKey(configId);
  return new SignJWT({ scope: DEFAULT_SCOPE })
    .setProtectedHeader({ alg: "RS256", kid })
    .setIssuer("client")
    .setAudience("gateway")
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(privateKey);
};

describe("configuration lifecycle", () => {
  it("creates a configuration with one key pair and four enabled agents, in one go", async () => {
    const c = await createConfig({ title: "Acme Portal", name: "acme" });
    const full = await getConfig(c.id);
    expect(full).toMatchObject({
      name: "acme",
      title: "Acme Portal",
      tenantUrl: "",
      clientId: "",
      publicFolderPublish: false,
      grantType: "jwt-bearer",
      scope: DEFAULT_SCOPE,
    });
    expect(full.gatewayUrl).toMatch(/\/gateway$/);
    expect(full.keys).toHaveLength(1);
    expect(full.keys[0].publicKeyPem).toContain("BEGIN PUBLIC KEY");
    expect(full.keys[0].certPem).toContain("BEGIN CERTIFICATE");
    expect(full.agents.map((a) => [a.name, a.position, a.enabled])).toEqual([
      ["Brand Portal agent 1", 1, true],
      ["Brand Portal agent 2", 2, true],
      ["Brand Portal agent 3", 3, true],
      ["Brand Portal agent 4", 4, true],
    ]);
    expect(configStatus(full)).toMatchObject({ complete: false, token: { lastAt: null, ok: null, expiresAt: null } });
    expect(await getActiveConfig()).toBeNull(); // incomplete configurations are not used for publishing
  });

  it("refuses a name clash, also when two admins create the same name at once, leaving one configuration", async () => {
    await createConfig({ title: "Clash", name: "clash" });
    await expect(createConfig({ title: "Clash again", name: "clash" })).rejects.toThrow(
      'A configuration named "clash" already exists',
    );
    const both = await Promise.allSettled([
      createConfig({ title: "Race", name: "race" }),
      createConfig({ title: "Race", name: "race" }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = both.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(UserError);
    const race = await getConfigByName("race");
    expect(race.agents).toHaveLength(4);
    expect(race.keys).toHaveLength(1);
    expect(await db.replicationAgent.count({ where: { config: { name: "race" } } })).toBe(4);
  });

  it("saves the Brand Portal Replication settings and resets the token status when the client changes", async () => {
    const c = await createConfig({ title: "Settings", name: "settings" });
    await db.brandPortalConfig.update({
      where: { id: c.id },
      data: { lastTokenAt: new Date(), lastTokenOk: true, tokenExpiresAt: new Date(Date.now() + 3600e3) },
    });
    const parsed = settingsSchema.parse({
      configId: c.id,
      ...goodSettings,
      tenantUrl: "http://localhost:3000/portal/acme/",
    });
    expect(parsed.tenantUrl).toBe("http://localhost:3000/portal/acme"); // stored without the trailing slash
    const { configId, ...settings } = parsed;
    // Every agent's worker is told to re-read its settings (it keeps them for a few seconds).
    const told: string[] = [];
    const listen = (agentId: string) => told.push(agentId);
    queueEvents.on("unblock", listen);
    try {
      await updateConfig(configId, settings);
    } finally {
      queueEvents.off("unblock", listen);
    }
    const agents = await db.replicationAgent.findMany({ where: { configId: c.id }, select: { id: true } });
    expect(told.sort()).toEqual(agents.map((a) => a.id).sort());
    const saved = await getConfig(c.id);
    expect(saved).toMatchObject({ ...goodSettings, lastTokenAt: null, lastTokenOk: null, tokenExpiresAt: null });
    expect((await getActiveConfig())?.name).toBe("settings");
    expect((await listConfigs()).map((x) => x.name)).toContain("settings");
  });

  it("makes the items waiting to be tried again due now when the Tenant URL or the client is fixed, attempts kept", async () => {
    const c = await createConfig({ title: "Fixed", name: "fixed" });
    const agent = (await getConfig(c.id)).agents[0];
    const later = new Date(Date.now() + 20 * 60_000);
    const job = (path: string, state: "queued" | "failed", nextAttemptAt: Date) =>
      db.replicationJob.create({
        data: {
          agentId: agent.id,
          configId: c.id,
          action: "publish",
          kind: "asset",
          path,
          state,
          attempts: 3,
          nextAttemptAt,
        },
      });
    const waiting = await job("/content/dam/waiting.jpg", "queued", later);
    const parked = await job("/content/dam/parked.jpg", "failed", later);
    const dueAt = async (id: number) => (await db.replicationJob.findUniqueOrThrow({ where: { id } })).nextAttemptAt;
    const save = async (changes: Partial<typeof goodSettings> & { publicFolderPublish?: boolean }) => {
      const { configId, ...settings } = settingsSchema.parse({ configId: c.id, ...goodSettings, ...changes });
      return (await updateConfig(configId, settings)).retriedNow;
    };

    expect(await save({ tenantUrl: "http://localhost:3000/portal/wrong" })).toBe(1);
    await db.replicationJob.update({ where: { id: waiting.id }, data: { nextAttemptAt: later } });
    // Neither where nor as whom: the wait stands.
    expect(await save({ tenantUrl: "http://localhost:3000/portal/wrong", publicFolderPublish: false })).toBe(0);
    expect((await dueAt(waiting.id)).getTime()).toBe(later.getTime());

    const before = Date.now();
    expect(await save({ tenantUrl: "http://localhost:3000/portal/acme" })).toBe(1);
    expect((await dueAt(waiting.id)).getTime()).toBeLessThanOrEqual(Date.now());
    expect((await dueAt(waiting.id)).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await db.replicationJob.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      state: "queued",
      attempts: 3,
    });
    // A parked item stays parked: Retry and Force Retry are the user's to press.
    expect(await db.replicationJob.findUniqueOrThrow({ where: { id: parked.id } })).toMatchObject({ state: "failed" });

    await db.replicationJob.update({ where: { id: waiting.id }, data: { nextAttemptAt: later } });
    expect(await save({ tenantUrl: "http://localhost:3000/portal/acme", clientId: "outpost-app-0b1c2d" })).toBe(1);
    expect((await dueAt(waiting.id)).getTime()).toBeLessThanOrEqual(Date.now());
    await db.replicationJob.deleteMany({ where: { configId: c.id } });
  });

  it("saves the throughput cap (staggered publishing): a number of assets per minute, or empty for none", async () => {
    const c = await createConfig({ title: "Capped", name: "capped" });
    const save = async (throughputPerMinute: string) => {
      const { configId, ...settings } = settingsSchema.parse({ configId: c.id, ...goodSettings, throughputPerMinute });
      await updateConfig(configId, settings);
      return (await getConfig(c.id)).throughputPerMinute;
    };
    expect(await save(" 120 ")).toBe(120);
    expect(await save("")).toBeNull();
    const issue = (v: unknown) => settingsSchema.safeParse({ configId: "x", ...goodSettings, throughputPerMinute: v });
    expect(issue("fast").error?.issues[0].message).toMatch(/whole number of assets per minute, or empty for no cap/);
    expect(issue("1.5").error?.issues[0].message).toMatch(/whole number/);
    expect(issue("0").error?.issues[0].message).toMatch(/at least 1 asset per minute/);
    expect(issue(null).success).toBe(true);
  });

  it("deletes a configuration with its agents and keys, but not while its agents have pending jobs", async () => {
    const c = await createConfig({ title: "Doomed", name: "doomed" });
    const agent = (await getConfig(c.id)).agents[0];
    const job = await db.replicationJob.create({
      data: {
        agentId: agent.id,
        configId: c.id,
        action: "publish",
        kind: "asset",
        path: "/content/dam/a.jpg",
        state: "queued",
      },
    });
    await expect(deleteConfig(c.id)).rejects.toThrow(/cannot be deleted: its agents have 1 pending job/);
    await db.replicationJob.update({ where: { id: job.id }, data: { state: "running" } });
    await expect(deleteConfig(c.id)).rejects.toThrow(/1 pending job/);
    expect(await db.brandPortalConfig.count({ where: { id: c.id } })).toBe(1);
    await db.replicationJob.update({ where: { id: job.id }, data: { state: "done" } });
    await db.publication.create({
      data: {
        title: "Later",
        action: "publish",
        configId: c.id,
        scope: "[]",
        state: "scheduled",
        scheduledAt: new Date(Date.now() + 864e5),
      },
    });
    await expect(deleteConfig(c.id)).rejects.toThrow(/publication is scheduled or running/);
    await db.publication.deleteMany({ where: { configId: c.id } });

    await deleteConfig(c.id);
    expect(await db.brandPortalConfig.count({ where: { id: c.id } })).toBe(0);
    expect(await db.replicationAgent.count({ where: { configId: c.id } })).toBe(0);
    expect(await db.configKeyPair.count({ where: { configId: c.id } })).toBe(0);
    expect(await db.replicationJob.count({ where: { configId: c.id } })).toBe(0);
    await expect(deleteConfig(c.id)).rejects.toThrow(/was not found/);
  });
});

describe("bad input gets a specific message", () => {
  const issues = (raw: Record<string, unknown>) => {
    const r = settingsSchema.safeParse({ configId: "x", ...goodSettings, ...raw });
    // the first message per field, as action() reports it
    return r.success ? {} : Object.fromEntries(r.error.issues.reverse().map((i) => [i.path.join("."), i.message]));
  };

  it("tenant URL: not a URL, another scheme, credentials, plain http to a public host, a query", () => {
    expect(issues({ tenantUrl: "portal.example.com" }).tenantUrl).toBe(
      "Tenant URL is not a URL. Enter it with its scheme, for example https://portal.example.com/portal/acme.",
    );
    expect(issues({ tenantUrl: "ftp://portal.example.com/x" }).tenantUrl).toMatch(
      /must start with https:\/\/.*not ftp:/,
    );
    expect(issues({ tenantUrl: "javascript:alert(1)" }).tenantUrl).toMatch(/must start with https:\/\//);
    expect(issues({ tenantUrl: "https://bob:pw@portal.example.com/acme" }).tenantUrl).toMatch(
      /must not contain a user name or password/,
    );
    expect(issues({ tenantUrl: "http://portal.example.com/acme" }).tenantUrl).toMatch(
      /must use https:\/\/ for portal\.example\.com/,
    );
    expect(issues({ tenantUrl: "https://portal.example.com/acme?x=1" }).tenantUrl).toMatch(/query/);
    expect(issues({ tenantUrl: "" }).tenantUrl).toBe("Enter the Tenant URL");
  });

  it("tenant URL: https anywhere, http for this install, localhost and private hosts", () => {
    for (const ok of [
      "https://portal.example.com/portal/acme",
      "http://localhost:3000/portal/acme",
      "http://127.0.0.1:3130/portal/x",
      "http://192.168.1.20/portal/x",
      "http://10.0.0.5:8080",
      "http://portal:3000/portal/x",
      "http://[::1]:3000/portal/x",
      "http://dev.local/portal/x",
    ]) {
      expect(issues({ tenantUrl: ok }), ok).toEqual({});
    }
    const own = configSettingsInput("http://outpost.example.com:3000");
    expect(
      own.safeParse({ configId: "x", ...goodSettings, tenantUrl: "http://outpost.example.com:3000/portal/acme" })
        .success,
    ).toBe(true);
    expect(issues({ tenantUrl: "http://8.8.8.8/portal" }).tenantUrl).toMatch(/must use https/);
  });

  it("client ID: empty, with spaces; organization and scope formats; gateway URL rules", () => {
    expect(issues({ clientId: "" }).clientId).toMatch(/Enter the Client ID/);
    expect(issues({ clientId: "   " }).clientId).toMatch(/Enter the Client ID/);
    expect(issues({ clientId: "abc def" }).clientId).toMatch(/without spaces/);
    expect(issues({ clientId: "é-client" }).clientId).toMatch(/printable ASCII/);
    expect(issues({ orgId: "Acme Org" }).orgId).toMatch(/must not contain spaces/);
    expect(issues({ scope: "" }).scope).toMatch(/Enter the access-token scope/);
    expect(issues({ scope: 'dam-read "x"' }).scope).toMatch(/space-separated/);
    expect(issues({ grantType: "password" }).grantType).toBe("Choose how the token is requested");
    expect(issues({ gatewayUrl: "https://u:p@ims.example.com" }).gatewayUrl).toMatch(/must not contain a user name/);
    // its own example: a gateway, not a tenant
    expect(issues({ gatewayUrl: "gateway" }).gatewayUrl).toBe(
      "OAuth gateway URL is not a URL. Enter it with its scheme, for example https://outpost.example.com/gateway.",
    );
    expect(issues({ gatewayUrl: "https://ims.example.com/ims/token/v3" })).toEqual({});
  });

  it("names: derived from the title, validated", () => {
    expect(nameFromTitle("Acme Brand Portal (EU) — Prod")).toBe("acme-brand-portal-eu-prod");
    expect(nameFromTitle("Ürün Kataloğu")).toBe("urun-katalogu");
    const bad = createConfigInput.safeParse({ title: "", name: "Bad Name" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual([
      "Enter a title",
      "Use lowercase letters, digits, '-' and '_', starting with a letter or digit",
    ]);
    expect(createConfigInput.safeParse({ title: "T", name: "-lead" }).success).toBe(false);
    expect(createConfigInput.safeParse({ title: "T", name: "ok_name-2" }).success).toBe(true);
  });

  it("warns about values that look like an application secret, not about IDs", () => {
    // Outpost's own gateway: "app-" + 20 hex digits; its secrets: "ops_" + 43 base64url characters.
    expect(looksLikeSecret(`app-${randomBytes(10).toString("hex")}`)).toBe(false);
    expect(looksLikeSecret(`ops_${randomBytes(32).toString("base64url")}`)).toBe(true);
    expect(looksLikeSecret(randomBytes(32).toString("base64url"))).toBe(true); // the same secret without its prefix
    for (const id of [
      "outpost-app-7f3a9c",
      "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
      "0123456789abcdef0123456789abcdef",
      "a".repeat(64),
      "my-brand-portal-application-for-acme-corporation",
    ]) {
      expect(looksLikeSecret(id), id).toBe(false);
    }
    for (const secret of [
      "p8e-Xy12abCD",
      "sk_live_abc123",
      "Z3VhcmQtdGhpcy1zZWNyZXQtd2l0aC15b3VyLWxpZmUtMTIzNDU2Nzg5MA",
      "kQ8f2Lm9Xz7Rt4Vb1Nw6Hy3Jc5Pd0Sg8Ae2Uo7Ik4Ql",
    ]) {
      expect(looksLikeSecret(secret), secret).toBe(true);
    }
  });
});

describe("key pair", () => {
  it("round trip: the stored private key signs, the displayed public key and the certificate's key verify", async () => {
    const c = await createConfig({ title: "Round trip", name: "round-trip" });
    const config = await getConfig(c.id);
    const view = await publicKeyView(currentKey(config));
    const jwt = await signAssertion(c.id);
    expect(decodeProtectedHeader(jwt).kid).toBe(view.kid);

    const { payload } = await jwtVerify(jwt, await importSPKI(view.pem, "RS256"), { algorithms: ["RS256"] });
    expect(payload.scope).toBe(DEFAULT_SCOPE);
    await expect(jwtVerify(jwt, view.jwk, { algorithms: ["RS256"] })).resolves.toBeTruthy();

    const cert = new x509.X509Certificate(currentKey(config).certPem!);
    expect(await cert.verify({ signatureOnly: true })).toBe(true); // self-signed with the same key
    expect(cert.subject).toContain("CN=Outpost Brand Portal round-trip");
    expect(Math.floor(cert.notAfter.getTime() / 1000)).toBe(
      Math.floor(currentKey(config).certNotAfter!.getTime() / 1000),
    ); // DER time has whole seconds
    const certKey = await cert.publicKey.export({ name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, ["verify"]);
    await expect(jwtVerify(jwt, certKey, { algorithms: ["RS256"] })).resolves.toBeTruthy();

    expect(view.fingerprint).toBe(spkiFingerprint(view.pem));
    expect(view.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(view.jwk).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", e: "AQAB" });
    expect(Object.keys(view.jwk).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]); // no d, p, q, dp, dq, qi
  });

  it("rotation retires the old key, destroys its private half, and the new key signs", async () => {
    const c = await createConfig({ title: "Rotate", name: "rotate" });
    const before = currentKey(await getConfig(c.id));
    await db.brandPortalConfig.update({ where: { id: c.id }, data: { lastTokenAt: new Date(), lastTokenOk: true } });
    const rotated = await rotateKeyPair(c.id);
    const after = await getConfig(c.id);
    expect(after.keys).toHaveLength(2);
    expect(after.keys[0]).toMatchObject({ kid: rotated.kid, retiredAt: null });
    expect(after.keys[1].kid).toBe(before.kid);
    expect(after.keys[1].retiredAt).toBeInstanceOf(Date);
    expect(after.lastTokenAt).toBeNull();
    const old = await db.configKeyPair.findUniqueOrThrow({ where: { kid: before.kid }, omit: { privateEnc: false } });
    expect(old.privateEnc).toBe("");

    const jwt = await signAssertion(c.id);
    expect(decodeProtectedHeader(jwt).kid).toBe(rotated.kid);
    await expect(jwtVerify(jwt, await importSPKI(currentKey(after).publicKeyPem, "RS256"))).resolves.toBeTruthy();
    await expect(jwtVerify(jwt, await importSPKI(before.publicKeyPem, "RS256"))).rejects.toThrow(
      /signature verification failed/,
    );

    // Two rotations at once still leave exactly one current key.
    await Promise.all([rotateKeyPair(c.id), rotateKeyPair(c.id)]);
    const keys = (await getConfig(c.id)).keys;
    expect(keys).toHaveLength(4);
    expect(keys.filter((k) => !k.retiredAt)).toHaveLength(1);
  });

  it("is encrypted at rest: the database never holds the PEM private key nor its base64 body", async () => {
    const c = await createConfig({ title: "At rest", name: "at-rest" });
    await rotateKeyPair(c.id);
    const kid = currentKey(await getConfig(c.id)).kid;
    const pem = await privatePem(kid);
    expect(pem).toContain("BEGIN PRIVATE KEY");
    const body = pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
    const probes = [
      "PRIVATE KEY",
      body.slice(0, 64),
      body.slice(-64),
      Buffer.from(body, "base64").subarray(0, 48).toString("latin1"),
    ];

    let stored: string;
    if (dbProvider === "sqlite") {
      const file = databaseUrl.replace(/^file:/, "");
      // WAL mode: recent pages live in the -wal file until a checkpoint; read every file.
      stored = [file, `${file}-wal`, `${file}-shm`]
        .filter(existsSync)
        .map((f) => readFileSync(f).toString("latin1"))
        .join("\n");
      expect(stored.length).toBeGreaterThan(10_000);
      expect(stored).toContain(kid); // the rows are in what we read
    } else {
      const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "ConfigKeyPair"`);
      stored = JSON.stringify(rows);
      expect(stored).toContain(kid);
    }
    for (const probe of probes) expect(stored.includes(probe), `database contains ${probe.slice(0, 20)}…`).toBe(false);
  });
});

describe("route handlers", () => {
  let server: { url: string; close: () => Promise<void> };
  let adminCookie = "";
  let authorCookie = "";

  beforeAll(async () => {
    await createUser({ login: "cs-admin", name: "Admin", role: "administrator", password: "admin-password-1" });
    await createUser({ login: "cs-author", name: "Author", role: "author", password: "author-password-1" });
    adminCookie = `${SESSION_COOKIE}=${(await signIn("cs-admin", "admin-password-1")).token}`;
    authorCookie = `${SESSION_COOKIE}=${(await signIn("cs-author", "author-password-1")).token}`;
    await createConfig({ title: "Downloads", name: "downloads" });
    server = await serveRoutes({
      "/api/cloud-services/brand-portal/:name/public-key": publicKeyRoute as Routes[string],
      "/api/cloud-services/brand-portal/:name/certificate": certificateRoute as Routes[string],
      "/api/cloud-services/brand-portal/:name/status": statusRoute as Routes[string],
    });
  });
  afterAll(() => server?.close());

  const get = (p: string, cookie?: string) => fetch(`${server.url}${p}`, { headers: cookie ? { cookie } : {} });

  it("downloads <name>-public-key.pem and <name>.crt for an administrator; neither holds a private key", async () => {
    const config = await getConfigByName("downloads");
    const pem = await get("/api/cloud-services/brand-portal/downloads/public-key", adminCookie);
    expect(pem.status).toBe(200);
    expect(pem.headers.get("content-disposition")).toBe('attachment; filename="downloads-public-key.pem"');
    const pemText = await pem.text();
    expect(pemText).toContain("-----BEGIN PUBLIC KEY-----");
    expect(pemText.trim()).toBe(currentKey(config).publicKeyPem.trim());

    const crt = await get("/api/cloud-services/brand-portal/downloads/certificate", adminCookie);
    expect(crt.headers.get("content-disposition")).toBe('attachment; filename="downloads.crt"');
    const crtText = await crt.text();
    expect(crtText).toContain("-----BEGIN CERTIFICATE-----");

    // the downloaded key verifies what the stored private key signs
    const jwt = await signAssertion(config.id);
    await expect(jwtVerify(jwt, await importSPKI(pemText, "RS256"))).resolves.toBeTruthy();
    const certKey = await new x509.X509Certificate(crtText).publicKey.export(
      { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
      ["verify"],
    );
    await expect(jwtVerify(jwt, certKey)).resolves.toBeTruthy();

    const status = await get("/api/cloud-services/brand-portal/downloads/status", adminCookie);
    const statusText = await status.text();
    expect(JSON.parse(statusText)).toMatchObject({
      complete: false,
      token: { lastAt: null },
      key: { kid: currentKey(config).kid },
    });
    for (const body of [pemText, crtText, statusText]) expect(body).not.toContain("PRIVATE KEY");
  });

  it("refuses authors with 403 JSON and anonymous callers with 401 JSON; unknown names get 404 JSON", async () => {
    for (const p of ["public-key", "certificate", "status"]) {
      const author = await get(`/api/cloud-services/brand-portal/downloads/${p}`, authorCookie);
      expect(author.status).toBe(403);
      expect(await author.json()).toEqual({ error: "forbidden", message: "You don't have access to this." });
      const anon = await get(`/api/cloud-services/brand-portal/downloads/${p}`);
      expect(anon.status).toBe(401);
      expect((await anon.json()).error).toBe("unauthenticated");
    }
    const missing = await get("/api/cloud-services/brand-portal/nope/public-key", adminCookie);
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toMatch(/"nope" was not found/);
  });
});
