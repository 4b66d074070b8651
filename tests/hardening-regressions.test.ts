import { describe, it, expect, vi } from "vitest";
import { mkdtempSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { NextRequest } from "next/server";
import { ACTION_BODY_LIMIT, checkPagePost } from "@/lib/http/post-guard";
import { migrate } from "@/lib/db/migrate";
import { createOrganizationInput, createApplicationInput } from "@/lib/gateway/schemas";
import { createUserInput } from "@/lib/auth/schemas";
import { createConfigInput } from "@/lib/cloud-services/schemas";
import { createTenantInput, assetMetadata, tenantSlug, updateTenantTrustInput } from "@/lib/portal/schemas";
import { slugFromName } from "@/lib/name-from-title";
import { portalUserFields } from "@/lib/portal/user-schemas";
import { agentSettingsInput } from "@/lib/replication/schemas";
import { createFolderInput, createCollectionInput, renameAssetInput, metadataInput } from "@/lib/assets/schemas";
import { GET as unknownApi } from "@/app/api/[...path]/route";

// One regression test per defect found by trying Outpost as a new user would (issue 16).

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://outpost.test/assets", {
    method: "POST",
    body,
    headers: { host: "outpost.test", origin: "http://outpost.test", "next-action": "7f00", ...headers },
  });

async function answer(req: Request) {
  const res = await checkPagePost(req);
  return res && { status: res.status, body: (await res.json()) as { error: string; message: string } };
}

describe("server action posts are refused with a 4xx before Next reads them", () => {
  it("lets a well-formed same-origin action through", async () => {
    expect(await answer(post(JSON.stringify([{ name: "Acme" }]), { "content-type": "text/plain;charset=UTF-8" }))).toBe(
      null,
    );
  });

  it("a 2 MB body: 413, by its declared length and by what arrives", async () => {
    const big = "x".repeat(2 * 1024 * 1024);
    expect(await answer(post(big))).toMatchObject({ status: 413, body: { message: /larger than 1 MB/ } });
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 3; i++) c.enqueue(new Uint8Array(ACTION_BODY_LIMIT / 2 + 1));
        c.close();
      },
    });
    const chunked = new Request("http://outpost.test/x", {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { host: "outpost.test", origin: "http://outpost.test", "next-action": "7f00" },
    } as RequestInit);
    expect((await answer(chunked))?.status).toBe(413);
  });

  it("truncated JSON and invalid UTF-8: 400 with a message", async () => {
    expect(await answer(post('[{"name":"Ac'))).toMatchObject({ status: 400, body: { message: /not valid JSON/ } });
    expect((await answer(post(new Uint8Array([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]))))?.status).toBe(400);
    const form = new FormData();
    form.set("0", '["$K1"');
    expect(
      (await answer(new Request("http://outpost.test/", { method: "POST", body: form, headers: hdrs() })))?.status,
    ).toBe(400);
  });

  it("5,000-deep nesting: 400, without overflowing the check itself", async () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    expect(await answer(post(deep))).toMatchObject({ status: 400, body: { message: /nested more than 64/ } });
    // Brackets inside strings are text, not nesting.
    expect(await answer(post(JSON.stringify(["[".repeat(5000)])))).toBe(null);
  });

  it("a foreign, null or missing Origin: 403", async () => {
    for (const origin of ["https://evil.example", "null", "not a url"])
      expect(await answer(post("[]", { origin }))).toMatchObject({ status: 403, body: { message: /Origin/ } });
    const none = new Request("http://outpost.test/", { method: "POST", body: "[]", headers: { host: "outpost.test" } });
    expect((await answer(none))?.status).toBe(403);
  });
});

const hdrs = () => ({ host: "outpost.test", origin: "http://outpost.test", "next-action": "7f00" });

describe("one name rule for every named thing", () => {
  // [schema, a valid input, the field that carries the name]
  const named: [string, { safeParse(v: unknown): { success: boolean } }, Record<string, unknown>, string][] = [
    ["organization", createOrganizationInput, { name: "Acme" }, "name"],
    [
      "application",
      createApplicationInput,
      { name: "App", description: "", orgId: "o1", scopes: ["dam-read"] },
      "name",
    ],
    [
      "application description",
      createApplicationInput,
      { name: "App", description: "d", orgId: "o", scopes: ["dam-read"] },
      "description",
    ],
    ["user", createUserInput, { login: "ann", name: "Ann", role: "author", password: "long-enough-pw" }, "name"],
    ["configuration", createConfigInput, { title: "Acme BP", name: "acme-bp" }, "title"],
    ["tenant", createTenantInput, { name: "Acme", slug: "acme", orgTechId: "A1@OutpostOrg" }, "name"],
    ["folder", createFolderInput, { parentPath: "/content/dam", title: "Spring", name: "spring" }, "title"],
    ["collection", createCollectionInput, { title: "Best of", name: "best-of", description: "" }, "title"],
    ["asset", renameAssetInput, { id: "a1", name: "photo.jpg" }, "name"],
    [
      "asset metadata",
      metadataInput,
      { id: "a", updatedAt: new Date().toISOString(), title: "T", description: "", tags: [], creator: "" },
      "title",
    ],
    ["portal metadata", assetMetadata, { title: "T" }, "title"],
    [
      "agent",
      agentSettingsInput,
      {
        agentId: "a",
        name: "publish",
        enabled: true,
        retryDelayMs: 60000,
        maxAttempts: 3,
        logLevel: "info",
        connectTimeoutMs: 10000,
        socketTimeoutMs: 60000,
      },
      "name",
    ],
  ];

  for (const [what, schema, valid, field] of named) {
    it(`${what}: refuses NUL, control characters, bidi overrides and lone surrogates in ${field}`, () => {
      expect(schema.safeParse(valid).success).toBe(true);
      expect(schema.safeParse({ ...valid, [field]: "شركة Acme ‏(2)" }).success).toBe(true); // RTL text and marks
      for (const bad of [
        "Ac\u0000me",
        "Ac\u001bme",
        "Ac\u007fme",
        "Ac\u0085me",
        "Ac\u009b[31m",
        "Acme \u202Eevil",
        "x\u2066gnp.exe",
        "Ac\ud800me",
        "Acme\u0000",
      ])
        expect(schema.safeParse({ ...valid, [field]: bad }).success, JSON.stringify(bad)).toBe(false);
    });
  }

  it("descriptions keep their line breaks and tabs", () => {
    const ok = createApplicationInput.safeParse({
      name: "A",
      description: "a\nb\r\n\tc",
      orgId: "o",
      scopes: ["dam-read"],
    });
    expect(ok.success).toBe(true);
  });
});

describe("a tenant's trusted issuer", () => {
  it("follows the Tenant URL's rules: https, unless the host is local or private", () => {
    const parse = (issuer: string) =>
      updateTenantTrustInput.safeParse({
        slug: "acme",
        orgTechId: "A1@OutpostOrg",
        issuer,
        audience: "brand-portal",
        orgClaim: "org",
      });
    expect(parse("http://issuer.example.com/gateway").error?.issues[0].message).toBe(
      "Trusted issuer must use https:// for issuer.example.com; plain http:// is only accepted for localhost and private development hosts.",
    );
    expect(parse("http://8.8.8.8/x").success).toBe(false);
    expect(parse("http://169.254.169.254/latest").success).toBe(false);
    expect(parse("javascript:alert(1)").error?.issues[0].message).toBe(
      "Trusted issuer must start with https:// (or http:// for localhost and private development hosts), not javascript:.",
    );
    expect(parse("https://issuer.example.com/gateway/").data?.issuer).toBe("https://issuer.example.com/gateway");
    expect(parse("http://localhost:3000/gateway").success).toBe(true);
    expect(parse("").data?.issuer).toBe("");
  });
});

describe("a tenant's slug, proposed from its name", () => {
  it("drops accents and keeps to the slug's characters", () => {
    for (const [name, slug] of [
      ["Ünïcödé Straße", "unicode-stra-e"],
      ["Acme Brand Portal (EU)", "acme-brand-portal-eu"],
      ["__Acme_Portal__", "acme-portal"],
    ]) {
      expect(slugFromName(name, 63)).toBe(slug);
      expect(tenantSlug.safeParse(slug).success).toBe(true);
    }
  });
});

describe("messages name what the form shows", () => {
  it("a portal user's Display name; Max attempts' range before its whole-number rule", () => {
    const user = portalUserFields.safeParse({
      login: "ann",
      displayName: "x".repeat(101),
      role: "user",
      password: "long-enough-1",
    });
    expect(user.error?.issues.map((i) => i.message)).toEqual(["Display name must be at most 100 characters"]);
    const agent = agentSettingsInput.safeParse({
      agentId: "a1",
      name: "Agent",
      enabled: true,
      retryDelayMs: "1e30",
      maxAttempts: "99999999999999999999",
      logLevel: "info",
      connectTimeoutMs: 10000,
      socketTimeoutMs: 2.5e3,
    });
    expect(agent.error?.issues.map((i) => i.message)).toEqual([
      "Retry Delay must be at most 3600000 ms",
      "Max attempts must be at most 100",
    ]);
  });
});

describe("first start", () => {
  it("never prints a password the operator set in OUTPOST_ADMIN_PASSWORD", async () => {
    vi.resetModules();
    vi.stubEnv("OUTPOST_ADMIN_PASSWORD", "operator-chosen-secret-42");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const { ensureFirstAdmin } = await import("@/lib/runtime/first-admin");
      await ensureFirstAdmin();
      const printed = log.mock.calls.flat().map(String).join("\n");
      expect(printed).toContain("OUTPOST_ADMIN_PASSWORD");
      expect(printed).not.toContain("operator-chosen-secret-42");
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});

describe("SQLite files", () => {
  it("are created readable by their owner only, the -wal and -shm files too", async () => {
    const old = process.umask(0o022);
    try {
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), "outpost-mode-")), "outpost.db");
      await migrate(`file:${file}`);
      const db = new Database(file);
      db.exec("CREATE TABLE t (x)");
      db.exec("INSERT INTO t VALUES (1)");
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(f).mode & 0o777, f).toBe(0o600);
      db.close();
    } finally {
      process.umask(old);
    }
  });
});

describe("unknown API paths", () => {
  it("answer JSON 404, not the HTML page", async () => {
    const res = unknownApi(new NextRequest("http://outpost.test/api/nothing/here"));
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toMatchObject({ error: "not_found", message: /\/api\/nothing\/here/ });
  });
});
