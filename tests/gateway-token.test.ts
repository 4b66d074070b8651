import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { request as httpRequest } from "node:http";
import { createPublicKey, randomUUID } from "node:crypto";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type JWTPayload,
} from "jose";
import { db } from "@/lib/db";
import { serveRoutes } from "@/tests/support/route-server";
import { POST as tokenPOST } from "@/app/gateway/oauth/token/route";
import { GET as jwksGET } from "@/app/gateway/.well-known/jwks.json/route";
import { GET as discoveryGET } from "@/app/gateway/.well-known/oauth-authorization-server/route";
import { GET as insertedDiscoveryGET } from "@/app/.well-known/oauth-authorization-server/gateway/route";
import { clearRateLimits } from "@/lib/gateway/rate-limit";
import { TOKEN_ERRORS } from "@/lib/gateway/oauth-error";
import { listTokenLog } from "@/lib/gateway/token-log";
import { rotateSigningKey, pruneRetiredKeys, RETIRED_KEY_GRACE_MS } from "@/lib/gateway/signing-keys";
import { consumeJti, pruneUsedJtis } from "@/lib/gateway/used-jti";
import { CLIENT_ASSERTION_TYPE_JWT, GRANT_JWT_BEARER } from "@/lib/gateway/scopes";
import { assertion, form, makeAdmin, makeApp, type TestApp } from "@/tests/gateway-support";

// The token endpoint served on a real HTTP server, called as a console from another install
// would: assertions are built with jose, the access token is verified against the JWKS.

const ISSUER = "http://localhost:3000/gateway"; // OUTPOST_PUBLIC_URL unset, PORT 3000 in tests
let server: { url: string; close: () => Promise<void> };
let admin: { id: string };
let rsa: TestApp;
let tokenUrl: string;

beforeAll(async () => {
  server = await serveRoutes({
    "/gateway/oauth/token": { POST: tokenPOST },
    "/gateway/.well-known/jwks.json": { GET: jwksGET },
    "/gateway/.well-known/oauth-authorization-server": { GET: discoveryGET },
    "/.well-known/oauth-authorization-server/gateway": { GET: insertedDiscoveryGET },
  });
  tokenUrl = `${server.url}/gateway/oauth/token`;
  admin = await makeAdmin();
  rsa = await makeApp(admin.id, { alg: "RS256" });
});
afterAll(() => server.close());
beforeEach(() => clearRateLimits());

const jwtBearer = (jwt: string, extra: Record<string, string> = {}) =>
  fetch(tokenUrl, form({ grant_type: GRANT_JWT_BEARER, assertion: jwt, ...extra }));
const clientCredentials = (jwt: string, extra: Record<string, string> = {}) =>
  fetch(
    tokenUrl,
    form({
      grant_type: "client_credentials",
      client_assertion_type: CLIENT_ASSERTION_TYPE_JWT,
      client_assertion: jwt,
      ...extra,
    }),
  );

async function expectError(res: Response, status: number, error: string, description?: string | RegExp) {
  const body = await res.json();
  expect({ status: res.status, error: body.error }).toEqual({ status, error });
  expect(res.headers.get("cache-control")).toBe("no-store");
  if (description instanceof RegExp) expect(body.error_description).toMatch(description);
  else if (description) expect(body.error_description).toBe(description);
  return body as { error: string; error_description: string };
}

async function verifyAccessToken(token: string) {
  const jwks = createRemoteJWKSet(new URL(`${server.url}/gateway/.well-known/jwks.json`));
  return jwtVerify(token, jwks, { issuer: ISSUER, audience: "brand-portal", algorithms: ["RS256"], typ: "at+jwt" });
}

describe("passing cases", () => {
  for (const alg of ["RS256", "PS256", "ES256"] as const) {
    it(`jwt-bearer grant with an ${alg} key issues a token that verifies against the JWKS`, async () => {
      const app = alg === "RS256" ? rsa : await makeApp(admin.id, { alg });
      const res = await jwtBearer(await assertion(app, `${ISSUER}/oauth/token`));
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = await res.json();
      expect(body).toMatchObject({
        token_type: "Bearer",
        expires_in: 3600,
        scope: "dam-read dam-sync dam-write cc-share",
      });
      const { payload, protectedHeader } = await verifyAccessToken(body.access_token);
      expect(protectedHeader).toMatchObject({ alg: "RS256", typ: "at+jwt" });
      expect(protectedHeader.kid).toBeTruthy();
      expect(payload).toMatchObject({
        iss: ISSUER,
        sub: app.clientId,
        client_id: app.clientId,
        aud: "brand-portal",
        scope: body.scope,
        org: app.orgTechId,
      });
      expect(payload.org).toMatch(/^[0-9A-F]{10}@OutpostOrg$/);
      expect(payload.exp! - payload.iat!).toBe(3600);
      expect(payload.jti).toBeTruthy();
    });

    it(`client_credentials with a private_key_jwt ${alg} client assertion and a narrower scope`, async () => {
      const app = alg === "RS256" ? rsa : await makeApp(admin.id, { alg });
      const res = await clientCredentials(await assertion(app, ISSUER), {
        scope: "dam-read dam-write",
        client_id: app.clientId,
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.scope).toBe("dam-read dam-write");
      const { payload } = await verifyAccessToken(body.access_token);
      expect(payload).toMatchObject({ sub: app.clientId, scope: "dam-read dam-write", org: app.orgTechId });
    });
  }

  it("accepts the issuer and token endpoint under the loopback name the request came in on", async () => {
    for (const aud of [
      `${server.url}/gateway`,
      `${server.url}/gateway/oauth/token`,
      ["https://elsewhere.example", `${server.url}/gateway`],
    ]) {
      const res = await jwtBearer(await assertion(rsa, aud));
      expect(res.status, JSON.stringify(aud)).toBe(200);
    }
  });

  it("uses the assertion's scope claim when the form has none", async () => {
    const res = await jwtBearer(await assertion(rsa, ISSUER, { scope: "dam-sync" }));
    expect((await res.json()).scope).toBe("dam-sync");
  });

  it("serves RFC 8414 metadata at both locations", async () => {
    for (const path of [
      "/gateway/.well-known/oauth-authorization-server",
      "/.well-known/oauth-authorization-server/gateway",
    ]) {
      const meta = await (await fetch(`${server.url}${path}`)).json();
      expect(meta).toMatchObject({
        issuer: ISSUER,
        token_endpoint: `${ISSUER}/oauth/token`,
        jwks_uri: `${ISSUER}/.well-known/jwks.json`,
        grant_types_supported: [GRANT_JWT_BEARER, "client_credentials"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
        token_endpoint_auth_signing_alg_values_supported: ["RS256", "PS256", "ES256"],
        scopes_supported: ["dam-read", "dam-sync", "dam-write", "cc-share"],
      });
    }
  });
});

describe("one failing case per rule", () => {
  const now = () => Math.floor(Date.now() / 1000);

  it("expired assertion", async () => {
    await expectError(
      await jwtBearer(await assertion(rsa, ISSUER, { iat: now() - 900, exp: now() - 600 })),
      400,
      "invalid_grant",
      TOKEN_ERRORS.expired,
    );
  });

  it("wrong audience", async () => {
    const body = await expectError(
      await jwtBearer(await assertion(rsa, "https://gateway.example/gateway")),
      400,
      "invalid_grant",
      /audience \(aud\) does not name this server/,
    );
    expect(body.error_description).toContain(ISSUER);
  });

  it("a Host header naming another server does not widen the accepted audiences", async () => {
    const jwt = await assertion(rsa, "http://gateway.example/gateway");
    const body = new URLSearchParams({ grant_type: GRANT_JWT_BEARER, assertion: jwt }).toString();
    const { port } = new URL(server.url);
    const res = await new Promise<{ status: number; json: { error: string; error_description: string } }>(
      (resolve, reject) => {
        const r = httpRequest(
          {
            host: "127.0.0.1",
            port,
            path: "/gateway/oauth/token",
            method: "POST",
            headers: {
              host: "gateway.example",
              "content-type": "application/x-www-form-urlencoded",
              "content-length": Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = "";
            res.on("data", (c) => (text += c));
            res.on("end", () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
          },
        );
        r.on("error", reject);
        r.end(body);
      },
    );
    expect(res.status).toBe(400);
    expect(res.json.error_description).toMatch(/does not name this server/);
  });

  it("signed with another key", async () => {
    const { privateKey } = await generateKeyPair("RS256", { modulusLength: 2048 });
    await expectError(
      await jwtBearer(await assertion({ ...rsa, privateKey }, ISSUER)),
      400,
      "invalid_grant",
      TOKEN_ERRORS.signature,
    );
    // the same rule in the client authentication form is invalid_client (RFC 7523 §3.2), same text
    await expectError(
      await clientCredentials(await assertion({ ...rsa, privateKey }, ISSUER)),
      401,
      "invalid_client",
      TOKEN_ERRORS.signature,
    );
  });

  it("alg none", async () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const jwt = `${enc({ alg: "none", typ: "JWT" })}.${enc({ iss: rsa.clientId, sub: rsa.clientId, aud: ISSUER, exp: now() + 300, jti: randomUUID() })}.`;
    await expectError(await jwtBearer(jwt), 400, "invalid_grant", /^alg none is not allowed/);
  });

  it("HS256 signed with the registered public key as the secret", async () => {
    const secret = new TextEncoder().encode(rsa.publicKeyPem);
    const jwt = await assertion({ clientId: rsa.clientId, privateKey: secret, alg: "HS256" }, ISSUER);
    await expectError(await jwtBearer(jwt), 400, "invalid_grant", /^alg HS256 is not allowed/);
    // and the DER form of the key as secret, the other classic confusion
    const der = createPublicKey(rsa.publicKeyPem).export({ type: "spki", format: "der" });
    await expectError(
      await jwtBearer(
        await assertion({ clientId: rsa.clientId, privateKey: new Uint8Array(der), alg: "HS256" }, ISSUER),
      ),
      400,
      "invalid_grant",
      /HS256 is not allowed/,
    );
  });

  it("an algorithm that does not fit the registered key (ES256 with an RSA key)", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    // the same answer as a bad signature (it would otherwise tell that the client exists, and its key type)
    await expectError(
      await jwtBearer(await assertion({ ...rsa, privateKey, alg: "ES256" }, ISSUER)),
      400,
      "invalid_grant",
      TOKEN_ERRORS.signature,
    );
    const [row] = await db.gatewayTokenLog.findMany({ where: { clientId: rsa.clientId }, orderBy: { id: "desc" } });
    expect(row.reason).toBe("alg ES256 does not match the registered RSA-2048 key: use RS256 or PS256");
  });

  it("replayed jti, in both grant forms", async () => {
    const jwt = await assertion(rsa, ISSUER);
    expect((await jwtBearer(jwt)).status).toBe(200);
    await expectError(await jwtBearer(jwt), 400, "invalid_grant", TOKEN_ERRORS.replay);
    const client = await assertion(rsa, ISSUER);
    expect((await clientCredentials(client)).status).toBe(200);
    await expectError(await clientCredentials(client), 401, "invalid_client", TOKEN_ERRORS.replay);
  });

  it("the same jti sent by many requests at once is accepted exactly once", async () => {
    const jwt = await assertion(rsa, ISSUER);
    const results = await Promise.all(Array.from({ length: 8 }, () => jwtBearer(jwt).then((r) => r.status)));
    expect(results.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((s) => s === 400)).toHaveLength(7);
  });

  it("unknown client: the same answer as a bad signature, the precise reason in the token log", async () => {
    const ghost = { ...rsa, clientId: "app-00000000000000000000" };
    await expectError(await jwtBearer(await assertion(ghost, ISSUER)), 400, "invalid_grant", TOKEN_ERRORS.signature);
    await expectError(
      await clientCredentials(await assertion(ghost, ISSUER)),
      401,
      "invalid_client",
      TOKEN_ERRORS.signature,
    );
    const rows = await db.gatewayTokenLog.findMany({ where: { clientId: ghost.clientId } });
    expect(rows.map((r) => r.reason)).toEqual([
      TOKEN_ERRORS.unknownClient(ghost.clientId),
      TOKEN_ERRORS.unknownClient(ghost.clientId),
    ]);
  });

  it("an iss that cannot be an application ID (a NUL, a line break) is refused, and recorded", async () => {
    for (const clientId of ["app-\u0000ghost", "app-ghost\n"]) {
      const res = await jwtBearer(await assertion({ ...rsa, clientId }, ISSUER));
      await expectError(res, 400, "invalid_grant", /must be an application ID/);
    }
    const rows = await db.gatewayTokenLog.findMany({ where: { reason: { contains: "must be an application ID" } } });
    expect(rows).toHaveLength(2);
  });

  it("a grant type with control characters is recorded with U+FFFD in their place", async () => {
    const res = await fetch(tokenUrl, form({ grant_type: "urn:\u0000odd\r" }));
    await expectError(res, 400, "unsupported_grant_type");
    expect(await db.gatewayTokenLog.count({ where: { grantType: "urn:\uFFFDodd\uFFFD" } })).toBe(1);
  });

  it("application without a registered public key: the same answer too", async () => {
    const bare = await makeApp(admin.id, { withKey: false });
    await expectError(await jwtBearer(await assertion(bare, ISSUER)), 400, "invalid_grant", TOKEN_ERRORS.signature);
    const [row] = await db.gatewayTokenLog.findMany({ where: { clientId: bare.clientId } });
    expect(row.reason).toBe(TOKEN_ERRORS.noPublicKey(bare.clientId));
  });

  it("scope not granted, and an unknown scope", async () => {
    const reader = await makeApp(admin.id, { scopes: ["dam-read"] });
    await expectError(
      await jwtBearer(await assertion(reader, ISSUER), { scope: "dam-read dam-write" }),
      400,
      "invalid_scope",
      /scope dam-write is not granted to application .* \(granted: dam-read\)/,
    );
    await expectError(
      await jwtBearer(await assertion(reader, ISSUER), { scope: "admin" }),
      400,
      "invalid_scope",
      /unknown scope admin/,
    );
  });

  it("iss different from sub", async () => {
    await expectError(
      await jwtBearer(await assertion(rsa, ISSUER, { sub: "someone-else" })),
      400,
      "invalid_grant",
      /iss and sub must both be the application ID/,
    );
  });

  it("nbf in the future", async () => {
    await expectError(
      await jwtBearer(await assertion(rsa, ISSUER, { nbf: now() + 600 })),
      400,
      "invalid_grant",
      /not valid yet \(nbf is in the future\)/,
    );
  });

  it("iat in the future beyond 60 s of skew", async () => {
    await expectError(
      await jwtBearer(await assertion(rsa, ISSUER, { iat: now() + 300 })),
      400,
      "invalid_grant",
      /iat is in the future/,
    );
  });

  it("missing exp", async () => {
    await expectError(
      await jwtBearer(await assertion(rsa, ISSUER, { exp: undefined })),
      400,
      "invalid_grant",
      /no exp claim/,
    );
    await expectError(
      await jwtBearer(await assertion(rsa, ISSUER, { exp: String(now() + 300) })),
      400,
      "invalid_grant",
      /exp must be a number: seconds since 1970/,
    );
  });

  it("exp more than 1 hour ahead", async () => {
    await expectError(
      await jwtBearer(await assertion(rsa, ISSUER, { exp: now() + 7200 })),
      400,
      "invalid_grant",
      /more than 1 hour ahead/,
    );
  });

  it("a jti with a NUL (signed by the client's own key): refused, not a 500", async () => {
    await expectError(
      await jwtBearer(await assertion(rsa, ISSUER, { jti: `${randomUUID()}\u0000` })),
      400,
      "invalid_grant",
      /jti contains control characters/,
    );
  });

  it("missing jti", async () => {
    await expectError(
      await jwtBearer(await assertion(rsa, ISSUER, { jti: undefined })),
      400,
      "invalid_grant",
      /no jti claim/,
    );
  });

  it("malformed JWTs", async () => {
    await expectError(await jwtBearer("not-a-jwt"), 400, "invalid_grant", /^malformed assertion: not a signed JWT/);
    await expectError(await jwtBearer("e30.bm90IGpzb24.c2ln"), 400, "invalid_grant", /^malformed assertion/);
    await expectError(await clientCredentials("a.b.c.d.e"), 401, "invalid_client", /JWE\) are not supported/);
  });

  it("oversize body, with and without Content-Length", async () => {
    const big = `grant_type=${encodeURIComponent(GRANT_JWT_BEARER)}&assertion=${"a".repeat(20_000)}`;
    await expectError(
      await fetch(tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: big,
      }),
      413,
      "invalid_request",
      "request body is larger than 16384 bytes",
    );
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode("a".repeat(1000)));
        c.close();
      },
    });
    const res = await fetch(tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expectError(res, 413, "invalid_request", /larger than 16384 bytes/);
  });

  it("a body that is not form-encoded", async () => {
    const res = await fetch(tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: GRANT_JWT_BEARER }),
    });
    await expectError(res, 415, "invalid_request", /application\/x-www-form-urlencoded/);
  });

  it("unsupported grant type, missing parameters, repeated parameters, client secrets", async () => {
    await expectError(
      await fetch(tokenUrl, form({ grant_type: "password", username: "a", password: "b" })),
      400,
      "unsupported_grant_type",
      /grant_type password is not supported/,
    );
    await expectError(await fetch(tokenUrl, form({})), 400, "invalid_request", "grant_type is missing");
    await expectError(
      await fetch(tokenUrl, form({ grant_type: GRANT_JWT_BEARER })),
      400,
      "invalid_request",
      /assertion is missing/,
    );
    await expectError(
      await fetch(tokenUrl, form({ grant_type: "client_credentials" })),
      401,
      "invalid_client",
      /client authentication is missing/,
    );
    const jwt = await assertion(rsa, ISSUER);
    await expectError(
      await fetch(tokenUrl, {
        ...form({}),
        body: `grant_type=${encodeURIComponent(GRANT_JWT_BEARER)}&assertion=${jwt}&assertion=${jwt}`,
      }),
      400,
      "invalid_request",
      /parameter assertion is repeated/,
    );
    const secret = await fetch(
      tokenUrl,
      form({ grant_type: "client_credentials", client_id: rsa.clientId, client_secret: "ops_x" }),
    );
    await expectError(secret, 401, "invalid_client", /only private_key_jwt/);
  });

  it("never echoes the assertion or secrets in errors", async () => {
    const jwt = await assertion(rsa, "https://gateway.example");
    const text = await (await jwtBearer(jwt)).text();
    expect(text).not.toContain(jwt.split(".")[2]);
    expect(text).not.toContain(jwt.split(".")[1]);
  });

  it("a burst of failures from one address gets 429 with Retry-After; only the first refusal is logged", async () => {
    const burst = await makeApp(admin.id);
    const { privateKey } = await generateKeyPair("RS256", { modulusLength: 2048 }); // wrong key: cheap failures
    const statuses: number[] = [];
    let limited: Response | null = null;
    for (let i = 0; i < 30; i++) {
      const res = await jwtBearer(await assertion({ ...burst, privateKey }, ISSUER));
      statuses.push(res.status);
      if (res.status === 429 && !limited) limited = res;
      else await res.body?.cancel();
    }
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    await expectError(limited!, 429, "temporarily_unavailable", /too many token requests/);
    const rows = await db.gatewayTokenLog.findMany({ where: { clientId: burst.clientId } });
    expect(rows.filter((r) => r.error === "temporarily_unavailable")).toHaveLength(1);
  });
});

describe("audit", () => {
  it("records every request with client, grant, result and reason, newest first", async () => {
    const app = await makeApp(admin.id);
    await jwtBearer(await assertion(app, ISSUER));
    await clientCredentials(await assertion(app, "https://wrong.example"));
    await jwtBearer(await assertion(app, ISSUER), { scope: "dam-read" });
    const { rows, total } = await listTokenLog(admin.id, app.clientId, { skip: 0, take: 10 });
    expect(total).toBe(3);
    expect(rows.map((r) => [r.grantType, r.result, r.error, r.scope])).toEqual([
      [GRANT_JWT_BEARER, "success", null, "dam-read"],
      ["client_credentials", "error", "invalid_client", null],
      [GRANT_JWT_BEARER, "success", null, "dam-read dam-sync dam-write cc-share"],
    ]);
    expect(rows[1].reason).toMatch(/does not name this server/);
    // another administrator who is not in the organization sees nothing
    const other = await makeAdmin();
    await expect(listTokenLog(other.id, app.clientId, { skip: 0, take: 10 })).rejects.toThrow(/not found/);
  });
});

describe("signing keys", () => {
  it("rotation: new tokens use the new key, old tokens keep verifying until the old key's grace ends", async () => {
    const first = await (await jwtBearer(await assertion(rsa, ISSUER))).json();
    const oldKid = decodeProtectedHeader(first.access_token).kid;
    const { kid: newKid } = await rotateSigningKey();
    expect(newKid).not.toBe(oldKid);
    const second = await (await jwtBearer(await assertion(rsa, ISSUER))).json();
    expect(decodeProtectedHeader(second.access_token).kid).toBe(newKid);

    const set = await (await fetch(`${server.url}/gateway/.well-known/jwks.json`)).json();
    expect(set.keys.map((k: { kid: string }) => k.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
    for (const k of set.keys) {
      expect(k).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
      expect(k.d).toBeUndefined();
    }
    const local = createLocalJWKSet(set);
    await expect(
      jwtVerify(first.access_token, local, { issuer: ISSUER, audience: "brand-portal" }),
    ).resolves.toBeTruthy();
    await expect(
      jwtVerify(second.access_token, local, { issuer: ISSUER, audience: "brand-portal" }),
    ).resolves.toBeTruthy();

    // once every token the old key signed has expired, it leaves the JWKS and the database
    await pruneRetiredKeys(new Date(Date.now() + RETIRED_KEY_GRACE_MS + 1000));
    const after = await (await fetch(`${server.url}/gateway/.well-known/jwks.json`)).json();
    expect(after.keys.map((k: { kid: string }) => k.kid)).toEqual([newKid]);
  });

  it("the private signing keys are sealed at rest", async () => {
    const rows = await db.gatewaySigningKey.findMany({ omit: { privateEnc: false } });
    for (const r of rows) expect(r.privateEnc).toMatch(/^v1\./);
  });

  it("a forged token signed with another key does not verify against the JWKS", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({ scope: "dam-write", org: rsa.orgTechId } as JWTPayload)
      .setProtectedHeader({
        alg: "RS256",
        kid: decodeProtectedHeader((await (await jwtBearer(await assertion(rsa, ISSUER))).json()).access_token).kid,
        typ: "at+jwt",
      })
      .setIssuer(ISSUER)
      .setAudience("brand-portal")
      .setSubject(rsa.clientId)
      .setExpirationTime("1h")
      .sign(privateKey);
    await expect(verifyAccessToken(forged)).rejects.toThrow();
  });
});

describe("used jtis", () => {
  it("are pruned after they expire, and an expired row can be taken over", async () => {
    const past = Math.floor(Date.now() / 1000) - 10;
    await consumeJti(rsa.clientId, "old-jti", past, "grant");
    await expect(consumeJti(rsa.clientId, "old-jti", past + 600, "grant")).resolves.toBeUndefined();
    await expect(consumeJti(rsa.clientId, "old-jti", past + 600, "grant")).rejects.toThrow(TOKEN_ERRORS.replay);
    await consumeJti(rsa.clientId, "gone-jti", past, "grant");
    expect(await pruneUsedJtis()).toBeGreaterThanOrEqual(1);
    expect(await db.gatewayUsedJti.count({ where: { jti: "gone-jti" } })).toBe(0);
  });
});
