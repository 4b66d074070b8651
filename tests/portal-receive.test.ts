import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { SignJWT, generateKeyPair } from "jose";
import { db } from "@/lib/db";
import { portalBlobs } from "@/lib/storage/stores";
import type { LocalBlobStore } from "@/lib/storage/local-store";
import { issuer } from "@/lib/gateway/issuer";
import { createTenant } from "@/lib/portal/tenants";
import { sha256 } from "./support/replication-fixtures";
import { closeInstallServer, gatewaySigned, installServer } from "./support/replication-env";

await vi.hoisted(async () => (await import("./support/public-url")).usePublicUrlOnFreePort());

// The portal's receiving API over real HTTP: token checks (401/403/404 with clear messages), the
// SHA-256 checked while streaming, and upserts that make repeats no-ops and never let an older
// version win. Tokens are signed with the embedded gateway's key and checked against its JWKS.

const ORG = "A1B2C3D4E5@OutpostOrg";
let server: { url: string };
let base: string;
let tenantId: string;
const write = (extra: Record<string, unknown> = {}) =>
  gatewaySigned({ sub: "c1", client_id: "c1", scope: "dam-read dam-write", org: ORG, ...extra });
const mint = (claims: Record<string, unknown>, opts?: { expSecondsFromNow?: number; typ?: string }) =>
  gatewaySigned(claims, opts);

beforeAll(async () => {
  server = await installServer();
  const t = await createTenant({ name: "Acme", slug: "acme", orgTechId: ORG });
  expect(t.issuer).toBe(issuer()); // this install's gateway by default
  tenantId = t.id;
  base = `${server.url}/portal/acme/api/v1`;
});
afterAll(() => closeInstallServer());

const meta = (m: Record<string, unknown>) => Buffer.from(JSON.stringify(m)).toString("base64url");
/** `headers` of a request that is number `sequence` of one sender's publish order. */
const inOrder = (headers: Record<string, string>, sequence: number) => ({
  ...headers,
  "x-publish-source": "race",
  "x-publish-sequence": `${sequence}`,
});

async function put(
  path: string,
  body: Buffer,
  opts: { token?: string; version?: number; sha?: string; size?: number; metadata?: Record<string, unknown> } = {},
) {
  return fetch(`${base}/assets?path=${encodeURIComponent(path)}`, {
    method: "PUT",
    headers: {
      authorization: `Bearer ${opts.token ?? (await write())}`,
      "content-type": "image/png",
      "x-content-sha256": opts.sha ?? sha256(body),
      "x-asset-version": String(opts.version ?? 1),
      "x-asset-size": String(opts.size ?? body.length),
      "x-asset-metadata": meta(opts.metadata ?? { title: "Logo", tags: ["brand"], public: true }),
    },
    body: new Uint8Array(body),
  });
}

describe("token checks", () => {
  it("answers 401 with a Bearer challenge for a missing, malformed, forged or expired token", async () => {
    const none = await fetch(`${base}/ping`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="outpost-portal"');
    expect((await none.json()).message).toMatch(/Send an access token/);

    const garbage = await fetch(`${base}/ping`, { headers: { authorization: "Bearer not.a.jwt" } });
    expect(garbage.status).toBe(401);
    expect(garbage.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);

    const expired = await fetch(`${base}/ping`, {
      headers: { authorization: `Bearer ${await mint({ scope: "dam-read", org: ORG }, { expSecondsFromNow: -60 })}` },
    });
    expect(expired.status).toBe(401);
    expect((await expired.json()).message).toBe("The access token has expired.");

    const other = await generateKeyPair("RS256");
    const forged = await new SignJWT({ scope: "dam-read", org: ORG })
      .setProtectedHeader({ alg: "RS256", kid: "someone-else", typ: "at+jwt" })
      .setIssuer(issuer())
      .setAudience("brand-portal")
      .setExpirationTime("1h")
      .sign(other.privateKey);
    const f = await fetch(`${base}/ping`, { headers: { authorization: `Bearer ${forged}` } });
    expect(f.status).toBe(401);
    expect((await f.json()).message).toMatch(/does not publish/);

    const none_alg = `${Buffer.from(JSON.stringify({ alg: "none", typ: "at+jwt" })).toString("base64url")}.${Buffer.from(JSON.stringify({ iss: issuer(), aud: "brand-portal", scope: "dam-read", org: ORG, exp: 9e9 })).toString("base64url")}.`;
    expect((await fetch(`${base}/ping`, { headers: { authorization: `Bearer ${none_alg}` } })).status).toBe(401);
  });

  it("refuses another issuer, another audience and a token that is not an access token", async () => {
    const wrongIss = await fetch(`${base}/ping`, {
      headers: { authorization: `Bearer ${await write({ iss: "https://evil.example/gateway" })}` },
    });
    expect(wrongIss.status).toBe(401);
    expect((await wrongIss.json()).message).toBe(
      `The token was issued by https://evil.example/gateway, but tenant acme trusts ${issuer()}.`,
    );
    const wrongAud = await fetch(`${base}/ping`, {
      headers: { authorization: `Bearer ${await write({ aud: "something-else" })}` },
    });
    expect((await wrongAud.json()).message).toMatch(
      /^The token's audience is something-else, but tenant acme expects brand-portal\./,
    );
    const idToken = await mint({ scope: "dam-read", org: ORG }, { typ: "JWT" });
    const t = await fetch(`${base}/ping`, { headers: { authorization: `Bearer ${idToken}` } });
    expect(t.status).toBe(401);
    expect((await t.json()).message).toMatch(/not an access token: its typ is JWT, and tenant acme expects at\+jwt/);
  });

  it("names an opaque token, and a token without the organization claim, as such", async () => {
    const opaque = await fetch(`${base}/ping`, { headers: { authorization: "Bearer 2YotnFZFEjr1zCsicMWpAA" } });
    expect(opaque.status).toBe(401);
    expect((await opaque.json()).message).toMatch(
      /^The token is opaque \(not a JWT: a reference token only its issuer can read\): tenant acme verifies JWT access tokens \(RFC 9068\)/,
    );
    const noOrg = await fetch(`${base}/ping`, {
      headers: { authorization: `Bearer ${await gatewaySigned({ sub: "c1", scope: "dam-read" })}` },
    });
    expect(noOrg.status).toBe(401);
    expect((await noOrg.json()).message).toMatch(
      /^The token has no org claim, but tenant acme expects org = A1B2C3D4E5@OutpostOrg/,
    );
  });

  it("answers 403 for a missing scope or another organization, 404 for an unknown tenant", async () => {
    const readOnly = await mint({ scope: "dam-read", org: ORG });
    const r = await put("/content/dam/a/x.png", Buffer.from("x"), { token: readOnly });
    expect(r.status).toBe(403);
    expect(r.headers.get("www-authenticate")).toMatch(/error="insufficient_scope", scope="dam-write"/);
    expect((await r.json()).message).toMatch(/does not grant dam-write/);

    const otherOrg = await fetch(`${base}/ping`, {
      headers: { authorization: `Bearer ${await write({ org: "ZZZ@OutpostOrg" })}` },
    });
    expect(otherOrg.status).toBe(403);
    expect(await otherOrg.json()).toMatchObject({ error: "wrong_organization" });

    const unknown = await fetch(`${server.url}/portal/nobody/api/v1/ping`, {
      headers: { authorization: `Bearer ${await write()}` },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: "tenant_not_found",
      message: expect.stringContaining('no tenant "nobody"'),
    });
  });

  it("ping answers the tenant and the caller", async () => {
    const res = await fetch(`${base}/ping`, { headers: { authorization: `Bearer ${await write()}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ok: true,
      protocol: 1,
      tenant: { slug: "acme" },
      organization: ORG,
      clientId: "c1",
    });
  });
});

describe("receiving assets", () => {
  it("stores a streamed asset by hash, and a repeat is a no-op", async () => {
    const body = randomBytes(300_000);
    const first = await put("/content/dam/brand/logo.png", body);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ result: "created", version: 1, sha256: sha256(body) });
    expect(await portalBlobs.has(sha256(body))).toBe(true);
    const again = await put("/content/dam/brand/logo.png", body);
    expect(again.status).toBe(200);
    expect((await again.json()).result).toBe("unchanged");
    const row = await db.portalAsset.findUniqueOrThrow({
      where: { tenantId_path: { tenantId, path: "/content/dam/brand/logo.png" } },
    });
    expect(row).toMatchObject({
      title: "Logo",
      folderPath: "/content/dam/brand",
      isPublic: true,
      mimeType: "image/png",
      version: 1,
    });
    expect(JSON.parse(row.metadata).tags).toEqual(["brand"]);
    // the folders above it exist on the portal, below the DAM root
    expect((await db.portalFolder.findMany({ where: { tenantId } })).map((f) => f.path)).toContain(
      "/content/dam/brand",
    );
  });

  it("never lets an older version overwrite a newer one", async () => {
    const v2 = randomBytes(1000);
    const v1 = randomBytes(1000);
    expect((await put("/content/dam/brand/v.png", v2, { version: 2 })).status).toBe(201);
    const stale = await put("/content/dam/brand/v.png", v1, { version: 1 });
    expect(stale.status).toBe(200);
    expect(await stale.json()).toMatchObject({ result: "stale", version: 2 });
    expect((await db.portalAsset.findFirstOrThrow({ where: { path: "/content/dam/brand/v.png" } })).sha256).toBe(
      sha256(v2),
    );
    const v3 = randomBytes(1000);
    expect(await (await put("/content/dam/brand/v.png", v3, { version: 3 })).json()).toMatchObject({
      result: "updated",
      version: 3,
    });
  });

  it("refuses a body that does not match its SHA-256 (422) or is short (400), storing nothing", async () => {
    const body = randomBytes(5000);
    const bad = await put("/content/dam/brand/bad.png", body, { sha: sha256(Buffer.from("other")) });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: "sha256_mismatch" });
    const short = await put("/content/dam/brand/short.png", body, { size: 6000 });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ error: "truncated" });
    expect(
      await db.portalAsset.count({
        where: { path: { in: ["/content/dam/brand/bad.png", "/content/dam/brand/short.png"] } },
      }),
    ).toBe(0);
    expect(await portalBlobs.has(sha256(body))).toBe(false);
  });

  it("validates the path, headers and metadata with clear messages", async () => {
    const body = Buffer.from("abc");
    const cases: [string, RequestInit, RegExp][] = [
      ["/content/dam/../etc/passwd", {}, /path must be absolute/],
      ["/content/dam/a.png", { headers: { "x-asset-version": "0" } }, /X-Asset-Version/],
      ["/content/dam/a.png", { headers: { "x-content-sha256": "abc" } }, /X-Content-SHA256/],
      ["/content/dam/a.png", { headers: { "x-asset-metadata": "!!!" } }, /base64url-encoded JSON/],
    ];
    for (const [path, init, msg] of cases) {
      const headers = {
        authorization: `Bearer ${await write()}`,
        "x-content-sha256": sha256(body),
        "x-asset-version": "1",
        "x-asset-size": "3",
        ...(init.headers as Record<string, string>),
      };
      const res = await fetch(`${base}/assets?path=${encodeURIComponent(path)}`, {
        method: "PUT",
        headers,
        body: new Uint8Array(body),
      });
      expect(res.status).toBe(400);
      expect((await res.json()).message).toMatch(msg);
    }
  });

  it("removes an unpublished binary once no asset refers to it (and not while it is fresh)", async () => {
    const { utimes } = await import("node:fs/promises");
    const shared = randomBytes(2000);
    await put("/content/dam/gc/one.png", shared);
    await put("/content/dam/gc/two.png", shared); // same content, one blob
    const old = new Date(Date.now() - 3600_000);
    await utimes((portalBlobs as LocalBlobStore).pathOf(sha256(shared)), old, old);
    const auth = { authorization: `Bearer ${await write()}` };
    await fetch(`${base}/assets?path=/content/dam/gc/one.png`, { method: "DELETE", headers: auth });
    expect(await portalBlobs.has(sha256(shared))).toBe(true); // two.png still uses it
    await fetch(`${base}/assets?path=/content/dam/gc/two.png`, { method: "DELETE", headers: auth });
    expect(await portalBlobs.has(sha256(shared))).toBe(false);
    const fresh = randomBytes(2000);
    await put("/content/dam/gc/three.png", fresh);
    await fetch(`${base}/assets?path=/content/dam/gc/three.png`, { method: "DELETE", headers: auth });
    expect(await portalBlobs.has(sha256(fresh))).toBe(true); // written minutes ago: a parallel delivery may still need it
  });

  it("unpublishes idempotently, and a stale version does not remove a newer one", async () => {
    const body = randomBytes(100);
    await put("/content/dam/brand/gone.png", body, { version: 4 });
    const auth = { authorization: `Bearer ${await write()}` };
    const stale = await fetch(`${base}/assets?path=/content/dam/brand/gone.png&version=3`, {
      method: "DELETE",
      headers: auth,
    });
    expect(await stale.json()).toMatchObject({ result: "stale" });
    const del = await fetch(`${base}/assets?path=/content/dam/brand/gone.png`, { method: "DELETE", headers: auth });
    expect(await del.json()).toMatchObject({ result: "deleted" });
    const again = await fetch(`${base}/assets?path=/content/dam/brand/gone.png`, { method: "DELETE", headers: auth });
    expect(await again.json()).toMatchObject({ result: "absent" });
  });
});

describe("folders and collections", () => {
  it("upserts a folder and removes it with everything below", async () => {
    const auth = { authorization: `Bearer ${await write()}`, "content-type": "application/json" };
    const f = await fetch(`${base}/folders?path=/content/dam/campaign`, {
      method: "PUT",
      headers: auth,
      body: JSON.stringify({ title: "Campaign", public: true }),
    });
    expect(f.status).toBe(201);
    expect(
      (
        await (
          await fetch(`${base}/folders?path=/content/dam/campaign`, {
            method: "PUT",
            headers: auth,
            body: JSON.stringify({ title: "Campaign", public: true }),
          })
        ).json()
      ).result,
    ).toBe("unchanged");
    await put("/content/dam/campaign/sub/a.png", randomBytes(10));
    const del = await fetch(`${base}/folders?path=/content/dam/campaign`, { method: "DELETE", headers: auth });
    expect(await del.json()).toMatchObject({ result: "deleted", removed: { folders: 2, assets: 1 } });
  });

  it("an asset's unpublish that meets its folder's unpublish answers deleted or absent, never stale", async () => {
    // Two authors unpublish at once, the asset then its folder: both requests are in flight
    // together. When the folder's removal takes the asset between the asset request's read and its
    // delete, that request was answered "stale" (a newer request kept the asset), which left the
    // item in the console as it was before instead of unpublished.
    const auth = { authorization: `Bearer ${await write()}` };
    const results: string[] = [];
    for (let i = 0; i < 40; i++) {
      const folder = `/content/dam/race-${i}`;
      expect((await put(`${folder}/a.png`, randomBytes(10))).status).toBe(201);
      const [asset, removed] = await Promise.all([
        fetch(`${base}/assets?path=${encodeURIComponent(`${folder}/a.png`)}&version=1`, {
          method: "DELETE",
          headers: inOrder(auth, 1),
        }).then((r) => r.json()),
        fetch(`${base}/folders?path=${folder}`, { method: "DELETE", headers: inOrder(auth, 2) }).then((r) => r.json()),
      ]);
      expect(["deleted", "absent"]).toContain(removed.result); // absent: the asset's removal took the emptied folder
      results.push(asset.result);
      expect(await db.portalAsset.count({ where: { tenantId, path: `${folder}/a.png` } })).toBe(0);
    }
    expect(results.filter((r) => r !== "deleted" && r !== "absent")).toEqual([]);
  });

  it("a folder's publish that meets an older unpublish of the folder above it is applied, never stale", async () => {
    // The unpublish of the parent (sequence 1) may take the subfolder's row between the publish's
    // read and its update (sequence 2), and the folder above it: the publish is the newer request,
    // so the subfolder is made anew, with the folder above it, rather than answered "stale" and
    // left off the portal.
    const auth = { authorization: `Bearer ${await write()}`, "content-type": "application/json" };
    const results: string[] = [];
    for (let i = 0; i < 40; i++) {
      const parent = `/content/dam/race-folder-${i}`;
      const sub = `${parent}/sub`;
      const title = i % 2 ? "After" : "Before"; // updated, or unchanged (its sequence recorded)
      const made = await fetch(`${base}/folders?path=${sub}`, {
        method: "PUT",
        headers: auth,
        body: JSON.stringify({ title: "Before", public: true }),
      });
      expect(made.status).toBe(201);
      const [published] = await Promise.all([
        fetch(`${base}/folders?path=${sub}`, {
          method: "PUT",
          headers: inOrder(auth, 2),
          body: JSON.stringify({ title, public: true }),
        }).then((r) => r.json()),
        fetch(`${base}/folders?path=${parent}`, { method: "DELETE", headers: inOrder(auth, 1) }),
      ]);
      results.push(published.result);
      const row = await db.portalFolder.findUnique({ where: { tenantId_path: { tenantId, path: sub } } });
      expect(row).toMatchObject({ title, sequence: 2 });
      // …and can be browsed to: the folder above it is there again.
      expect(await db.portalFolder.count({ where: { tenantId, path: parent } })).toBe(1);
    }
    expect(results.filter((r) => r === "stale")).toEqual([]);
  });

  it("an asset's newer version that meets an older unpublish of its folder stays, and so does its folder", async () => {
    const ordered = async (sequence: number) => inOrder({ authorization: `Bearer ${await write()}` }, sequence);
    const lost: string[] = [];
    for (let i = 0; i < 40; i++) {
      const folder = `/content/dam/kept-${i}`;
      const path = `${folder}/logo.png`;
      expect((await put(path, randomBytes(10))).status).toBe(201);
      const body = randomBytes(12);
      const [updated] = await Promise.all([
        fetch(`${base}/assets?path=${encodeURIComponent(path)}`, {
          method: "PUT",
          headers: {
            ...(await ordered(2)),
            "content-type": "image/png",
            "x-content-sha256": sha256(body),
            "x-asset-version": "2",
            "x-asset-size": String(body.length),
          },
          body: new Uint8Array(body),
        }).then((r) => r.json()),
        fetch(`${base}/folders?path=${folder}`, { method: "DELETE", headers: await ordered(1) }),
      ]);
      expect(["updated", "created"]).toContain(updated.result);
      expect(await db.portalAsset.count({ where: { tenantId, path } })).toBe(1);
      if (!(await db.portalFolder.count({ where: { tenantId, path: folder } }))) lost.push(folder);
    }
    expect(lost).toEqual([]);
  });

  it("an upload into a folder that an unpublish leaves empty at the same moment keeps its folder", async () => {
    const missing: string[] = [];
    for (let i = 0; i < 40; i++) {
      const folder = `/content/dam/emptied-${i}`;
      expect((await put(`${folder}/old.png`, randomBytes(10))).status).toBe(201);
      await Promise.all([
        fetch(`${base}/assets?path=${encodeURIComponent(`${folder}/old.png`)}`, {
          method: "DELETE",
          headers: { authorization: `Bearer ${await write()}` },
        }),
        put(`${folder}/new.png`, randomBytes(10)),
      ]);
      expect(await db.portalAsset.count({ where: { tenantId, path: `${folder}/new.png` } })).toBe(1);
      if (!(await db.portalFolder.count({ where: { tenantId, path: folder } }))) missing.push(folder);
    }
    expect(missing).toEqual([]);
  });

  it.each([
    [
      "folder",
      {
        url: (i: number) => `${base}/folders?path=/content/dam/race-unpublished-${i}`,
        body: (title: string) => JSON.stringify({ title, public: true }),
        title: (i: number) =>
          db.portalFolder
            .findUniqueOrThrow({ where: { tenantId_path: { tenantId, path: `/content/dam/race-unpublished-${i}` } } })
            .then((r) => r.title),
      },
    ],
    [
      "collection",
      {
        url: (i: number) => `${base}/collections/race-${i}`,
        body: (title: string) => JSON.stringify({ title, description: "", memberPaths: [], public: true }),
        title: (i: number) =>
          db.portalCollection
            .findUniqueOrThrow({ where: { tenantId_name: { tenantId, name: `race-${i}` } } })
            .then((r) => r.title),
      },
    ],
  ] as const)(
    "a %s's unpublish that meets a newer publish of it answers deleted or stale, never absent",
    async (_, c) => {
      // The publish (sequence 2) may write the row between the unpublish's look and its delete, which
      // then deletes nothing: the item is there, newer, so the answer is stale.
      const auth = { authorization: `Bearer ${await write()}`, "content-type": "application/json" };
      const results: string[] = [];
      for (let i = 0; i < 40; i++) {
        expect((await fetch(c.url(i), { method: "PUT", headers: auth, body: c.body("Before") })).status).toBe(201);
        const [removed] = await Promise.all([
          fetch(c.url(i), { method: "DELETE", headers: inOrder(auth, 1) }).then((r) => r.json()),
          fetch(c.url(i), { method: "PUT", headers: inOrder(auth, 2), body: c.body("After") }),
        ]);
        results.push(removed.result);
        expect(await c.title(i)).toBe("After");
      }
      expect(results.filter((r) => r !== "deleted" && r !== "stale")).toEqual([]);
    },
  );

  it("a body field whose length is no number (valid JSON) is answered 400, never 500", async () => {
    const auth = { authorization: `Bearer ${await write()}`, "content-type": "application/json" };
    const odd = { length: { valueOf: 1, toString: 1 } };
    const answers = await Promise.all([
      fetch(`${base}/collections/odd`, {
        method: "PUT",
        headers: auth,
        body: JSON.stringify({ title: odd, memberPaths: [], public: true }),
      }),
      fetch(`${base}/collections/odd`, { method: "PUT", headers: auth, body: JSON.stringify({ memberPaths: odd }) }),
      fetch(`${base}/folders?path=/content/dam/odd`, {
        method: "PUT",
        headers: auth,
        body: JSON.stringify({ title: odd }),
      }),
      put("/content/dam/odd/logo.png", randomBytes(10), { metadata: { title: odd } }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    expect(await db.portalCollection.count({ where: { tenantId, name: "odd" } })).toBe(0);
    expect(await db.portalAsset.count({ where: { tenantId, folderPath: "/content/dam/odd" } })).toBe(0);
  });

  it("upserts a collection with its member paths and deletes it", async () => {
    const auth = { authorization: `Bearer ${await write()}`, "content-type": "application/json" };
    const body = JSON.stringify({
      title: "Summer",
      description: "Best of",
      memberPaths: ["/content/dam/brand/logo.png"],
      public: false,
    });
    const c = await fetch(`${base}/collections/summer`, { method: "PUT", headers: auth, body });
    expect(c.status).toBe(201);
    const row = await db.portalCollection.findFirstOrThrow({ where: { tenantId, name: "summer" } });
    expect(JSON.parse(row.memberPaths)).toEqual(["/content/dam/brand/logo.png"]);
    const bad = await fetch(`${base}/collections/summer`, { method: "PUT", headers: auth, body: "{not json" });
    expect(bad.status).toBe(400);
    expect(await (await fetch(`${base}/collections/summer`, { method: "DELETE", headers: auth })).json()).toMatchObject(
      { result: "deleted" },
    );
  });
});
