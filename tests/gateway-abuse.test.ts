import { describe, it, expect, beforeAll, afterAll, beforeEach, vi } from "vitest";
import { generateKeyPair } from "jose";
import { db } from "@/lib/db";
import { serveRoutes } from "@/tests/support/route-server";
import { POST as tokenPOST } from "@/app/gateway/oauth/token/route";
import { GET as discoveryGET } from "@/app/gateway/.well-known/oauth-authorization-server/route";
import { GET as insertedDiscoveryGET } from "@/app/.well-known/oauth-authorization-server/gateway/route";
import { clearRateLimits } from "@/lib/gateway/rate-limit";
import { LIMITS } from "@/lib/gateway/token-admission";
import { TOKEN_ERRORS } from "@/lib/gateway/oauth-error";
import { CLIENT_ASSERTION_TYPE_JWT, GRANT_JWT_BEARER } from "@/lib/gateway/scopes";
import { notePublicHost, resetPublicHostWarning } from "@/lib/runtime/public-url-check";
import { assertion, form, makeAdmin, makeApp, type TestApp } from "@/tests/gateway-support";

// Abuse of the token endpoint by strangers: forged assertions in a real client's name must not
// lock it out, client IDs cannot be told apart from bad signatures, and the discovery document
// passes a strict RFC 8414 check. The limiter's state is in the database (shared by nodes).

const ISSUER = "http://localhost:3000/gateway";
let server: { url: string; close: () => Promise<void> };
let admin: { id: string };
let real: TestApp;
let forger: TestApp; // the real client's ID with another key
let tokenUrl: string;

beforeAll(async () => {
  server = await serveRoutes({
    "/gateway/oauth/token": { POST: tokenPOST },
    "/gateway/.well-known/oauth-authorization-server": { GET: discoveryGET },
    "/.well-known/oauth-authorization-server/gateway": { GET: insertedDiscoveryGET },
  });
  tokenUrl = `${server.url}/gateway/oauth/token`;
  admin = await makeAdmin();
  real = await makeApp(admin.id);
  forger = { ...real, privateKey: (await generateKeyPair("RS256", { modulusLength: 2048 })).privateKey };
});
afterAll(() => server.close());
beforeEach(() => clearRateLimits());

/** A jwt-bearer request from `from` (as a reverse proxy reports the client's address). */
async function request(app: TestApp, from: string, mode: "grant" | "client" = "grant") {
  const jwt = await assertion(app, ISSUER);
  const fields: Record<string, string> =
    mode === "grant"
      ? { grant_type: GRANT_JWT_BEARER, assertion: jwt }
      : { grant_type: "client_credentials", client_assertion_type: CLIENT_ASSERTION_TYPE_JWT, client_assertion: jwt };
  const init = form(fields);
  const res = await fetch(tokenUrl, { ...init, headers: { ...init.headers, "x-forwarded-for": `10.9.9.9, ${from}` } });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, string>,
    retryAfter: res.headers.get("retry-after"),
  };
}

const REAL_ADDR = "192.0.2.10";
const STRANGER = "198.51.100.7";

describe("forged assertions cannot lock a client out", () => {
  it("60 forgeries from a stranger in 12 s: the stranger is throttled, the real client keeps getting tokens", async () => {
    expect((await request(real, REAL_ADDR)).status).toBe(200);
    const forged: number[] = [];
    const genuine: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 60; i++) {
      forged.push((await request(forger, STRANGER)).status);
      if (i % 10 === 9) genuine.push((await request(real, REAL_ADDR)).status);
    }
    const seconds = (Date.now() - started) / 1000;
    expect(forged.slice(0, LIMITS.sourceFailures.capacity).every((s) => s === 400)).toBe(true);
    // past the budget, only what refilled meanwhile (one every 5 s) is heard
    const heard = forged.filter((s) => s === 400).length - LIMITS.sourceFailures.capacity;
    expect(heard).toBeLessThanOrEqual(Math.ceil(seconds * LIMITS.sourceFailures.refillPerSecond) + 1);
    expect(forged.filter((s) => s === 429).length).toBe(60 - LIMITS.sourceFailures.capacity - heard);
    expect(genuine).toEqual([200, 200, 200, 200, 200, 200]);
    // the client's own bucket paid for its own 7 tokens only
    const bucket = await db.gatewayRateLimit.findUniqueOrThrow({ where: { key: `client:${real.clientId}` } });
    expect(bucket.tokens).toBeGreaterThan(LIMITS.client.capacity - 8);
  });

  it("the stranger's 429 says when to retry, and a new stranger is still heard", async () => {
    for (let i = 0; i < LIMITS.sourceFailures.capacity; i++) await request(forger, STRANGER);
    const limited = await request(forger, STRANGER);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe("temporarily_unavailable");
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await request(forger, "198.51.100.8")).status).toBe(400);
  });

  it("forgeries sent from the real client's own address are refused, and the real client is not", async () => {
    expect((await request(real, REAL_ADDR, "client")).status).toBe(200);
    const forged: number[] = [];
    for (let i = 0; i < 40; i++) forged.push((await request(forger, REAL_ADDR, "client")).status);
    expect(forged.every((s) => s === 401)).toBe(true); // verified and refused, never refused unheard
    expect((await request(real, REAL_ADDR, "client")).status).toBe(200);
    // and the token log holds one row for the burst's failures past the budget, not forty
    const rows = await db.gatewayTokenLog.count({ where: { clientId: real.clientId, ip: REAL_ADDR, result: "error" } });
    expect(rows).toBeLessThanOrEqual(LIMITS.sourceFailures.capacity + 1);
  });

  it("forgeries from ever-new addresses use up the global budget: strangers wait, the known client does not", async () => {
    expect((await request(real, REAL_ADDR)).status).toBe(200);
    const statuses: number[] = [];
    // as many addresses as it takes: the global budget refills while the requests run
    for (let i = 0; i < LIMITS.allFailures.capacity * 2 && !statuses.includes(429); i++) {
      statuses.push((await request(forger, `203.0.113.${i % 250}.${Math.floor(i / 250)}`)).status);
    }
    expect(statuses).toContain(429);
    // a flood that goes on keeps the budget empty
    await db.gatewayRateLimit.update({ where: { key: "fail:all" }, data: { tokens: 0, at: Date.now() } });
    // a client never seen from this address is not heard now …
    const newcomer = await makeApp(admin.id);
    expect((await request(newcomer, "192.0.2.77")).status).toBe(429);
    // … the client that has obtained tokens from its address is
    expect((await request(real, REAL_ADDR)).status).toBe(200);
  }, 120_000);

  it("the limiter's state is in the database, where every node sees it", async () => {
    await request(forger, STRANGER);
    const rows = await db.gatewayRateLimit.findMany({ select: { key: true } });
    expect(rows.map((r) => r.key).sort()).toEqual(["fail:all", `fail:ip:${STRANGER}`]);
  });
});

describe("client IDs cannot be enumerated", () => {
  it("an unknown client ID and a bad signature get the same status, error and description", async () => {
    const ghost = { ...real, clientId: "app-0000000000000000ffff" };
    for (const mode of ["grant", "client"] as const) {
      const unknown = await request(ghost, "192.0.2.50", mode);
      const badSignature = await request(forger, "192.0.2.50", mode);
      expect(unknown).toEqual(badSignature);
      expect(unknown.body.error_description).toBe(TOKEN_ERRORS.signature);
    }
    const reasons = await db.gatewayTokenLog.findMany({
      where: { clientId: { in: [ghost.clientId, real.clientId] }, ip: "192.0.2.50" },
      orderBy: { id: "asc" },
      select: { clientId: true, reason: true },
    });
    expect(reasons).toEqual([
      { clientId: ghost.clientId, reason: TOKEN_ERRORS.unknownClient(ghost.clientId) },
      { clientId: real.clientId, reason: TOKEN_ERRORS.signature },
      { clientId: ghost.clientId, reason: TOKEN_ERRORS.unknownClient(ghost.clientId) },
      { clientId: real.clientId, reason: TOKEN_ERRORS.signature },
    ]);
  });
});

// RFC 8414 §2 and §3, checked strictly (as a validating client would).
const REGISTERED_RESPONSE_TYPES = [
  "code",
  "token",
  "id_token",
  "none",
  "code token",
  "code id_token",
  "id_token token",
  "code id_token token",
];
const AUTH_METHODS = [
  "none",
  "client_secret_post",
  "client_secret_basic",
  "client_secret_jwt",
  "private_key_jwt",
  "tls_client_auth",
  "self_signed_tls_client_auth",
];
function strictMetadataProblems(meta: Record<string, unknown>, expectedIssuer: string): string[] {
  const problems: string[] = [];
  const url = (v: unknown) => {
    try {
      const u = new URL(String(v));
      return (u.protocol === "https:" || u.hostname === "localhost") && !u.hash;
    } catch {
      return false;
    }
  };
  const strings = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string" && x);
  if (meta.issuer !== expectedIssuer) problems.push("issuer differs from the URL it was fetched for");
  if (!url(meta.issuer) || /[?#]/.test(String(meta.issuer)))
    problems.push("issuer is not an https URL without query or fragment");
  for (const k of ["token_endpoint", "jwks_uri"]) if (!url(meta[k])) problems.push(`${k} is not an https URL`);
  if (!strings(meta.response_types_supported)) problems.push("response_types_supported is missing or empty");
  else if (!(meta.response_types_supported as string[]).every((t) => REGISTERED_RESPONSE_TYPES.includes(t)))
    problems.push("response_types_supported has unregistered values");
  const grants = (meta.grant_types_supported as string[] | undefined) ?? ["authorization_code", "implicit"];
  if (!meta.authorization_endpoint && grants.some((g) => g === "authorization_code" || g === "implicit"))
    problems.push("authorization_endpoint is required for the grants listed");
  const rt = (meta.response_types_supported as string[] | undefined) ?? [];
  if (!meta.authorization_endpoint && rt.some((t) => t !== "none"))
    problems.push("response types other than none need an authorization endpoint");
  const methods = (meta.token_endpoint_auth_methods_supported as string[] | undefined) ?? ["client_secret_basic"];
  if (!methods.every((m) => AUTH_METHODS.includes(m))) problems.push("unknown token endpoint auth method");
  if (methods.some((m) => m.endsWith("_jwt"))) {
    const algs = meta.token_endpoint_auth_signing_alg_values_supported;
    if (!strings(algs)) problems.push("token_endpoint_auth_signing_alg_values_supported is required for *_jwt");
    else if ((algs as string[]).includes("none"))
      problems.push("token_endpoint_auth_signing_alg_values_supported contains none");
  }
  if (meta.scopes_supported !== undefined && !strings(meta.scopes_supported))
    problems.push("scopes_supported is empty");
  return problems;
}

describe("discovery", () => {
  it("passes a strict RFC 8414 check at both locations; response_types_supported is [none]", async () => {
    for (const path of [
      "/gateway/.well-known/oauth-authorization-server",
      "/.well-known/oauth-authorization-server/gateway",
    ]) {
      const meta = await (await fetch(`${server.url}${path}`)).json();
      expect(strictMetadataProblems(meta, ISSUER)).toEqual([]);
      expect(meta.response_types_supported).toEqual(["none"]);
    }
    // the check itself catches what was wrong before
    expect(
      strictMetadataProblems(
        {
          issuer: ISSUER,
          token_endpoint: `${ISSUER}/oauth/token`,
          jwks_uri: `${ISSUER}/jwks`,
          grant_types_supported: ["client_credentials"],
          response_types_supported: [],
        },
        ISSUER,
      ),
    ).toEqual(["response_types_supported is missing or empty"]);
  });

  it("warns once when requests name another host than OUTPOST_PUBLIC_URL", () => {
    resetPublicHostWarning();
    const warn = vi.fn();
    notePublicHost(new Headers({ host: "localhost:3000" }), warn);
    notePublicHost(new Headers({ host: "127.0.0.1:3000" }), warn); // loopback names are one name
    expect(warn).not.toHaveBeenCalled();
    notePublicHost(new Headers({ host: "outpost.example.com", "x-forwarded-proto": "https" }), warn);
    notePublicHost(new Headers({ host: "other.example.com" }), warn);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain(
      "requests arrive for https://outpost.example.com, but OUTPOST_PUBLIC_URL is http://localhost:3000 (not set)",
    );
    expect(warn.mock.calls[0][0]).toContain("set OUTPOST_PUBLIC_URL=https://outpost.example.com");
  });
});
