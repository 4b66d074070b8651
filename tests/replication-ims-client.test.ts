import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt, decodeProtectedHeader, importSPKI, jwtVerify } from "jose";
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db";
import { metadataCandidates, resolveTokenEndpoint } from "@/lib/ims/discovery";
import { requestAccessToken } from "@/lib/ims/request-token";
import { getAccessToken } from "@/lib/ims/token-cache";
import { TokenError } from "@/lib/ims/token-error";
import { systemClock } from "@/lib/clock";
import { manualClock } from "./support/manual-clock";
import { createHttpTransport } from "@/lib/http/transport";
import { serveRoutes } from "./support/route-server";
import { createConfig } from "./support/replication-fixtures";

// The client side of the token exchange against servers that publish their metadata in each
// standard place, or none: discovery, the assertion's claims, both grant forms, errors, caching.

const transport = createHttpTransport();
const deps = { transport, clock: systemClock, connectTimeoutMs: 5_000, socketTimeoutMs: 5_000 };
let server: { url: string; close: () => Promise<void> };
const posted: URLSearchParams[] = [];
let tokenStatus: { status: number; body: unknown; headers?: Record<string, string> } | null = null;

const meta = (issuer: string) => () =>
  NextResponse.json({ issuer: `${server.url}${issuer}`, token_endpoint: `${server.url}/t${issuer}/token` });
const token = async (req: NextRequest) => {
  posted.push(new URLSearchParams(await req.text()));
  if (tokenStatus)
    return NextResponse.json(tokenStatus.body, { status: tokenStatus.status, headers: tokenStatus.headers });
  return NextResponse.json({
    access_token: `tok-${posted.length}`,
    token_type: "Bearer",
    expires_in: 600,
    scope: "dam-read dam-write",
  });
};

beforeAll(async () => {
  server = await serveRoutes({
    // RFC 8414 path-inserted
    "/.well-known/oauth-authorization-server/inserted": { GET: meta("/inserted") },
    // appended
    "/appended/.well-known/oauth-authorization-server": { GET: meta("/appended") },
    // OpenID Connect
    "/oidc/.well-known/openid-configuration": { GET: meta("/oidc") },
    // metadata naming another issuer
    "/liar/.well-known/oauth-authorization-server": {
      GET: () =>
        NextResponse.json({ issuer: "https://elsewhere.example", token_endpoint: `${server.url}/t/liar/token` }),
    },
    "/t/inserted/token": { POST: token },
    "/t/appended/token": { POST: token },
    "/t/oidc/token": { POST: token },
    "/direct/oauth/token": { POST: token },
  });
});
afterAll(async () => {
  transport.close();
  await server.close();
});

describe("discovery", () => {
  it("lists the RFC 8414 forms and OpenID Connect discovery", () => {
    expect(metadataCandidates("https://gw.example/tenant/gateway/").map((c) => c.url)).toEqual([
      "https://gw.example/.well-known/oauth-authorization-server/tenant/gateway",
      "https://gw.example/tenant/gateway/.well-known/oauth-authorization-server",
      "https://gw.example/tenant/gateway/.well-known/openid-configuration",
    ]);
    expect(metadataCandidates("https://gw.example").map((c) => c.url)).toEqual([
      "https://gw.example/.well-known/oauth-authorization-server",
      "https://gw.example/.well-known/openid-configuration",
    ]);
  });

  it("finds the token endpoint in each place, or uses the URL itself", async () => {
    for (const [path, via] of [
      ["/inserted", "oauth-authorization-server"],
      ["/appended", "oauth-authorization-server"],
      ["/oidc", "openid-configuration"],
    ] as const) {
      const e = await resolveTokenEndpoint(`${server.url}${path}`, { ...deps, fresh: true });
      expect(e).toMatchObject({ url: `${server.url}/t${path}/token`, via, issuer: `${server.url}${path}` });
    }
    expect(await resolveTokenEndpoint(`${server.url}/direct/oauth/token`, { ...deps, fresh: true })).toMatchObject({
      via: "direct",
      url: `${server.url}/direct/oauth/token`,
    });
  });

  it("refuses metadata that names another issuer (RFC 8414 §3.3)", async () => {
    await expect(resolveTokenEndpoint(`${server.url}/liar`, { ...deps, fresh: true })).rejects.toThrow(
      /does not match the issuer the gateway names \(https:\/\/elsewhere\.example\)/,
    );
  });
});

describe("token request", () => {
  it("signs an RFC 7523 assertion with the configuration's key and posts the jwt-bearer grant", async () => {
    const { config, publicKeyPem } = await createConfig({
      tenantUrl: "",
      gatewayUrl: `${server.url}/appended`,
      clientId: "client-abc",
      scope: "dam-read dam-write",
    });
    const t = await requestAccessToken(config, deps);
    expect(t).toMatchObject({ scope: "dam-read dam-write", endpoint: `${server.url}/t/appended/token` });
    const form = posted.at(-1)!;
    expect(form.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
    expect(form.get("scope")).toBe("dam-read dam-write");
    const assertion = form.get("assertion")!;
    const header = decodeProtectedHeader(assertion);
    const key = await db.configKeyPair.findFirstOrThrow({ where: { configId: config.id } });
    expect(header).toMatchObject({ alg: "RS256", kid: key.kid });
    const { payload } = await jwtVerify(assertion, await importSPKI(publicKeyPem, "RS256"), {
      issuer: "client-abc",
      subject: "client-abc",
      audience: `${server.url}/t/appended/token`,
    });
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(300);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    const again = await requestAccessToken(config, deps);
    expect(decodeJwt(posted.at(-1)!.get("assertion")!).jti).not.toBe(payload.jti);
    expect(again.token).not.toBe(t.token);
  });

  it("posts the client-credentials grant with a private_key_jwt client assertion", async () => {
    const { config } = await createConfig({
      tenantUrl: "",
      gatewayUrl: `${server.url}/oidc`,
      clientId: "client-cc",
      grantType: "client-credentials",
    });
    await requestAccessToken(config, deps);
    const form = posted.at(-1)!;
    expect(Object.fromEntries([...form.keys()].map((k) => [k, true]))).toEqual({
      grant_type: true,
      client_assertion_type: true,
      client_assertion: true,
      scope: true,
    });
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("client_assertion_type")).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    expect(decodeJwt(form.get("client_assertion")!)).toMatchObject({ iss: "client-cc", sub: "client-cc" });
  });

  it("turns the gateway's errors into causes, and keeps Retry-After", async () => {
    const { config } = await createConfig({
      tenantUrl: "",
      gatewayUrl: `${server.url}/direct/oauth/token`,
      clientId: "client-err",
    });
    const fail = async (s: typeof tokenStatus) => {
      tokenStatus = s;
      try {
        await requestAccessToken(config, deps);
        throw new Error("no error");
      } catch (e) {
        return e as TokenError;
      } finally {
        tokenStatus = null;
      }
    };
    expect((await fail({ status: 400, body: { error: "unsupported_grant_type" } })).cause).toMatch(
      /does not support the JWT bearer grant/,
    );
    const limited = await fail({
      status: 429,
      body: { error: "slow_down", error_description: "too many" },
      headers: { "retry-after": "7" },
    });
    expect(limited).toMatchObject({ code: "rate_limited", transient: true, opts: { retryAfterMs: 7000 } });
    expect((await fail({ status: 404, body: "<html>" })).cause).toMatch(
      /answered HTTP 404: there is no token endpoint at this URL/,
    );
    expect((await fail({ status: 200, body: { token_type: "Bearer" } })).cause).toMatch(/not an OAuth token response/);
  });
});

describe("token cache", () => {
  it("requests one token per configuration for concurrent callers, reuses it, and renews it shortly before expiry", async () => {
    const { config } = await createConfig({
      tenantUrl: "",
      gatewayUrl: `${server.url}/inserted`,
      clientId: "client-cache",
    });
    const key = await db.configKeyPair.findFirstOrThrow({ where: { configId: config.id } });
    const clock = manualClock();
    const d = { ...deps, clock };
    const cfg = { ...config, kid: key.kid };
    const before = posted.length;
    const tokens = await Promise.all(Array.from({ length: 10 }, () => getAccessToken(cfg, d)));
    expect(new Set(tokens.map((t) => t.token)).size).toBe(1);
    expect(posted.length - before).toBe(1);
    clock.advance(600_000 - 60_000 - 1); // lifetime 600 s, renewed a minute before
    expect((await getAccessToken(cfg, d)).token).toBe(tokens[0].token);
    clock.advance(2);
    expect((await getAccessToken(cfg, d)).token).not.toBe(tokens[0].token);
    expect(posted.length - before).toBe(2);
    // a token the portal refused is replaced once, however many callers saw the refusal
    const current = (await getAccessToken(cfg, d)).token;
    const renewed = await Promise.all(Array.from({ length: 4 }, () => getAccessToken(cfg, d, { rejected: current })));
    expect(new Set(renewed.map((t) => t.token)).size).toBe(1);
    expect(posted.length - before).toBe(3);
    const row = await db.brandPortalConfig.findUniqueOrThrow({ where: { id: config.id } });
    expect(row).toMatchObject({ lastTokenOk: true, lastTokenError: null });
    expect(row.tokenExpiresAt!.getTime()).toBe(renewed[0].expiresAt);
  });
});
