import { describe, it, expect, beforeAll, afterAll } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { createUser } from "@/lib/auth/users";
import { createSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { ensureDamRoot } from "@/lib/assets/folders";
import { UserError } from "@/lib/errors";
import { CONTROL } from "@/lib/text-rules";
import { parsePublicKey } from "@/lib/gateway/public-key";
import { createOrganization } from "@/lib/gateway/organizations";
import { createOrganizationInput } from "@/lib/gateway/schemas";
import { parseAssetHeaders } from "@/lib/portal/receive-asset";
import { PortalError } from "@/lib/portal/portal-error";
import { serveRoutes } from "./support/route-server";
import * as authSchemas from "@/lib/auth/schemas";
import * as gatewaySchemas from "@/lib/gateway/schemas";
import * as cloudSchemas from "@/lib/cloud-services/schemas";
import * as portalSchemas from "@/lib/portal/schemas";
import * as replicationSchemas from "@/lib/replication/schemas";
import * as assetSchemas from "@/lib/assets/schemas";
import { repoPath } from "@/lib/repo-path";
import { safeParseInput } from "@/lib/parse-input";
import * as uploadRoute from "@/app/api/assets/upload/route";
import * as binaryRoute from "@/app/api/assets/[id]/binary/route";
import * as browseRoute from "@/app/api/assets/browse/route";
import { POST as tokenEndpoint } from "@/app/gateway/oauth/token/route";

// Hostile input at every boundary that exists: property-based (fast-check) with the payloads
// attackers and broken clients send. The answer is always a clear refusal or a success, never an
// unexpected error (a 500), and a refusal writes nothing.

const RUNS = Number(process.env.HOSTILE_RUNS ?? 150);

/** Strings attackers send, and random ones over all of UTF-16 (lone surrogates included). */
const hostileString = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "%2e%2e%2f%2e%2e%2f",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "name\r\nSet-Cookie: stolen=1",
    'file".jpg',
    "\u202egnp.exe",
    "\ud800",
    "\udfff\ud800",
    "CON",
    " ",
    "",
    "x".repeat(100_000),
    "{{7*7}}",
    "${jndi:ldap://x}",
    "' OR 1=1 --",
  ),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
);

/** Any JSON-ish value with hostile strings in it, to feed whole input objects. */
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    // Valid JSON whose length cannot be made a number (zod's own parse throws on it).
    fc.constant({ length: { valueOf: 1, toString: 1 } }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom("name", "title", "__proto__", "constructor")), tie("value"), {
      maxKeys: 6,
    }),
  ),
})).value;

/** Every string in a parsed value (to check what a schema lets through). */
function stringsIn(v: unknown, out: [string, string][] = [], key = ""): [string, string][] {
  if (typeof v === "string") out.push([key, v]);
  else if (Array.isArray(v)) v.forEach((x) => stringsIn(x, out, key));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) stringsIn(x, out, k);
  return out;
}

const schemas = (
  [
    ...Object.entries({
      ...authSchemas,
      ...gatewaySchemas,
      ...portalSchemas,
      ...replicationSchemas,
      ...assetSchemas,
      repoPath,
    }),
    ...Object.entries(cloudSchemas),
    ["configSettingsInput(own origin)", cloudSchemas.configSettingsInput("http://localhost:3000")],
  ] as [string, unknown][]
).filter((e): e is [string, z.ZodType] => e[1] instanceof z.ZodType);

describe("every input schema", () => {
  it("covers the schemas of every domain", () => expect(schemas.length).toBeGreaterThan(40));

  it.each(schemas)("%s: a value whose length is no number, at the top or in any field: refused or dropped", (_, s) => {
    const odd = JSON.parse('{"length": {"valueOf": 1, "toString": 1}}');
    const fields = s instanceof z.ZodObject ? Object.keys(s.shape) : [];
    for (const v of [odd, ...fields.map((k) => ({ [k]: odd }))]) {
      const r = safeParseInput(s, v); // s.safeParse(v) throws a TypeError for most of them
      if (r.success) expect(JSON.stringify(r.data) ?? "").not.toContain("valueOf");
    }
  });

  it("a schema's own bug is not taken for bad input: only zod's length comparison is caught", () => {
    const buggy = z.string().refine((v) => (v as unknown as { x: { y: number } }).x.y > 0);
    expect(() => safeParseInput(buggy, "text")).toThrow(TypeError);
    const r = safeParseInput(z.string().max(5), JSON.parse('{"length": {"valueOf": 1, "toString": 1}}'));
    expect(r.success).toBe(false);
  });

  it.each(schemas)("%s: refuses or accepts hostile values, never throws, lets no control character in", (_, s) => {
    fc.assert(
      fc.property(
        fc.oneof(hostileValue, fc.dictionary(fc.constantFrom("name", "title", "description", "path"), hostileString)),
        (v) => {
          const r = safeParseInput(s, v);
          if (!r.success) return;
          for (const [key, text] of stringsIn(r.data)) {
            // Descriptions and passwords may hold line breaks and tabs; nothing else a control character.
            const allowed = /description|password|current|confirm|^$/i.test(key) ? /[\t\n\r]/g : /$^/g;
            expect(CONTROL.test(text.replace(allowed, "")), `${key}: ${JSON.stringify(text).slice(0, 80)}`).toBe(false);
          }
        },
      ),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

describe("gateway", () => {
  it("an organization's name is stored exactly as accepted, or refused with nothing written", async () => {
    const admin = await createUser({
      login: "hostile-admin",
      name: "Admin",
      role: "administrator",
      password: "hostile-pass-1",
    });
    await fc.assert(
      fc.asyncProperty(hostileString, async (name) => {
        const before = await db.organization.count();
        const parsed = createOrganizationInput.safeParse({ name });
        if (!parsed.success) {
          expect(await db.organization.count()).toBe(before);
          return;
        }
        const taken = (
          await db.organization.findMany({ where: { members: { some: { userId: admin.id } } }, select: { name: true } })
        ).some((o) => o.name.toLocaleLowerCase() === parsed.data.name.toLocaleLowerCase());
        if (taken) {
          // the same administrator's organizations have different names
          await expect(createOrganization(admin.id, parsed.data.name)).rejects.toMatchObject({ status: 409 });
          expect(await db.organization.count()).toBe(before);
          return;
        }
        const org = await createOrganization(admin.id, parsed.data.name);
        const stored = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
        expect(stored.name).toBe(parsed.data.name);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it("a pasted public key: a key, or a UserError saying what is wrong", async () => {
    const pemish = fc
      .tuple(
        fc.constantFrom("PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE", "PRIVATE KEY", "EC PRIVATE KEY"),
        fc.base64String(),
      )
      .map(([label, b64]) => `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----`);
    const jwkish = fc
      .record(
        {
          kty: fc.constantFrom("RSA", "EC", "oct", "OKP", "x"),
          n: hostileString,
          e: hostileString,
          crv: hostileString,
          x: fc.base64String(),
          d: fc.base64String(),
        },
        { requiredKeys: ["kty"] },
      )
      .map((j) => JSON.stringify(j));
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, pemish, jwkish), async (text) => {
        const outcome = await parsePublicKey(text).then(
          () => "key",
          (e) => e,
        );
        if (outcome !== "key") expect(outcome, String(outcome)).toBeInstanceOf(UserError);
      }),
      { numRuns: RUNS },
    );
  });

  it("the token endpoint answers hostile forms with an OAuth error, never a 500", async () => {
    const form = fc.dictionary(
      fc.constantFrom(
        "grant_type",
        "assertion",
        "client_id",
        "client_assertion",
        "client_assertion_type",
        "scope",
        "x",
      ),
      hostileString,
    );
    await fc.assert(
      fc.asyncProperty(
        form,
        fc.constantFrom("application/x-www-form-urlencoded", "application/json", "text/plain", ""),
        async (fields, type) => {
          const body = type === "application/json" ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
          const res = await tokenEndpoint(
            new Request("http://outpost.test/gateway/oauth/token", {
              method: "POST",
              body,
              headers: type ? { "content-type": type } : {},
            }),
          );
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(await res.json()).toHaveProperty("error");
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("portal receiving API", () => {
  const headerValue = fc.string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
    maxLength: 200,
  });
  const metadata = fc.oneof(
    headerValue,
    fc.anything().map((v) => Buffer.from(JSON.stringify(v) ?? "null").toString("base64url")),
    hostileValue.map((v) =>
      Buffer.from(JSON.stringify({ title: v, description: v, tags: [v] }) ?? "").toString("base64url"),
    ),
  );

  it("the protocol's headers: parsed, or a PortalError with a 4xx", () => {
    fc.assert(
      fc.property(
        fc.record({
          "x-content-sha256": fc.oneof(headerValue, fc.stringMatching(/^[0-9a-f]{64}$/)),
          "x-asset-version": fc.oneof(headerValue, fc.integer().map(String)),
          "x-asset-size": fc.oneof(headerValue, fc.nat().map(String)),
          "content-type": fc.oneof(headerValue, fc.constantFrom("image/png", "text/html; charset=utf-8")),
          "x-asset-metadata": metadata,
        }),
        (h) => {
          try {
            const parsed = parseAssetHeaders(new Headers(h));
            for (const [, text] of stringsIn(parsed.metadata)) expect(/\u0000|\p{Cs}/u.test(text)).toBe(false);
          } catch (e) {
            expect(e, String(e)).toBeInstanceOf(PortalError);
            expect((e as PortalError).status).toBeGreaterThanOrEqual(400);
            expect((e as PortalError).status).toBeLessThan(500);
          }
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("repository paths: traversal, NUL and backslashes refused", () => {
    for (const p of [
      "/content/dam/../etc",
      "/content/dam/a\u0000b",
      "/content/dam/a\\b",
      "content/dam/x",
      "/a//b",
      "/a/./b",
    ])
      expect(repoPath.safeParse(p).success, p).toBe(false);
    fc.assert(
      fc.property(fc.array(hostileString, { minLength: 1, maxLength: 5 }), (segments) => {
        const p = "/" + segments.join("/");
        const r = repoPath.safeParse(p);
        if (r.success)
          expect(segments.some((s) => s === ".." || s === "." || s === "" || s.includes("\u0000"))).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

/** Percent-encodes as a client would, lone surrogates as the invalid UTF-8 bytes a broken client sends. */
const pct = (s: string) => [...s].map((c) => (/\p{Cs}/u.test(c) ? "%ED%A0%80" : encodeURIComponent(c))).join("");

describe("uploads and downloads", () => {
  let server: { url: string; close: () => Promise<void> };
  let cookie: string;
  beforeAll(async () => {
    const user = await createUser({
      login: "hostile-author",
      name: "Author",
      role: "author",
      password: "hostile-pass-2",
    });
    cookie = `${SESSION_COOKIE}=${(await createSession(user.id)).token}`;
    await ensureDamRoot();
    server = await serveRoutes({
      "/api/assets/upload": uploadRoute,
      "/api/assets/browse": browseRoute,
      "/api/assets/:id/binary": binaryRoute,
    } as never);
  });
  afterAll(() => server.close());

  it("a hostile file name or folder: a 4xx with nothing stored, or an asset whose download headers stay intact", async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileString,
        fc.constantFrom("/content/dam", "/content/dam/../..", "/content/dam/\u0000", "/etc"),
        async (name, folder) => {
          const before = await db.asset.count();
          const res = await fetch(
            `${server.url}/api/assets/upload?folder=${pct(folder)}&name=${pct(name)}&conflict=keep-both`,
            { method: "PUT", body: "hostile bytes", headers: { cookie, origin: server.url } },
          );
          expect(res.status, `${res.status} for ${JSON.stringify(name).slice(0, 60)}`).toBeLessThan(500);
          if (res.status === 431) return void expect(await db.asset.count()).toBe(before); // Node's URL limit
          const body = (await res.json()) as { message?: string; asset?: { id: string } };
          if (res.status >= 400) {
            expect(body.message).toBeTruthy();
            expect(await db.asset.count()).toBe(before);
            return;
          }
          const id = body.asset?.id ?? (await db.asset.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).id;
          const download = await fetch(`${server.url}/api/assets/${id}/binary?download=1`, { headers: { cookie } });
          expect(download.status).toBe(200);
          const disposition = download.headers.get("content-disposition")!;
          expect(disposition).toMatch(/^attachment; filename="[^"\r\n]*"; filename\*=UTF-8''/);
          expect(download.headers.get("set-cookie")).toBeNull();
          expect(await download.text()).toBe("hostile bytes");
        },
      ),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it("browse queries: hostile search, sort and paging never fail", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom("path", "q", "sort", "dir", "offset", "limit"), hostileString),
        async (query) => {
          const res = await fetch(`${server.url}/api/assets/browse?${new URLSearchParams(query)}`, {
            headers: { cookie },
          });
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS / 2 },
    );
  });

  it("an upload without a session or from another site is refused", async () => {
    const anon = await uploadRoute.PUT(
      new NextRequest(`${server.url}/api/assets/upload?folder=/content/dam&name=a.txt`, { method: "PUT", body: "x" }),
      { params: Promise.resolve({}) },
    );
    expect(anon.status).toBe(401);
  });
});
