import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, importSPKI, jwtVerify, SignJWT, decodeProtectedHeader, type CryptoKey } from "jose";
import { NextResponse, type NextRequest } from "next/server";
import type { Routes } from "./route-server";

// A minimal RFC 7523 authorization server for tests only (the embedded gateway is another
// engineer's work): both grant forms, assertion checks, RFC 6749 errors, RFC 8414 metadata, a
// JWKS, and at+jwt access tokens with the contract's claims. Mounted under <base>/gateway.

type Client = { publicKeyPem: string | null; org: string; scopes: string[] };

export type TestIssuer = {
  routes: (prefix?: string) => Routes;
  setBase(url: string): void;
  readonly issuer: string;
  register(clientId: string, c: Client): void;
  tokensIssued: number;
  /** Seconds the next tokens live (negative: already expired when issued; expires_in still says 3600). */
  lifetimeS: number;
  /** Lifetimes for the next tokens, used before lifetimeS. */
  nextLifetimes: number[];
  failNext: { status: number; body: unknown; headers?: Record<string, string> }[];
  mint(claims: Record<string, unknown>, opts?: { expSecondsFromNow?: number; typ?: string }): Promise<string>;
};

export async function createTestIssuer(): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const clients = new Map<string, Client>();
  const usedJti = new Set<string>();
  let base = "http://127.0.0.1:0";

  const self: TestIssuer = {
    tokensIssued: 0,
    lifetimeS: 3600,
    nextLifetimes: [],
    failNext: [],
    get issuer() {
      return `${base}/gateway`;
    },
    setBase: (url) => void (base = url),
    register: (id, c) => void clients.set(id, c),
    mint: (claims, opts = {}) => sign(privateKey, kid, { iss: self.issuer, aud: "brand-portal", ...claims }, opts.expSecondsFromNow ?? 3600, opts.typ ?? "at+jwt"),
    routes: (prefix = "/gateway") => ({
      [`${prefix}/.well-known/oauth-authorization-server`]: {
        GET: () => NextResponse.json({ issuer: self.issuer, token_endpoint: `${self.issuer}/oauth/token`, jwks_uri: `${self.issuer}/.well-known/jwks.json`, grant_types_supported: ["urn:ietf:params:oauth:grant-type:jwt-bearer", "client_credentials"] }),
      },
      [`${prefix}/.well-known/jwks.json`]: { GET: () => NextResponse.json({ keys: [jwk] }) },
      [`${prefix}/oauth/token`]: { POST: (req) => token(req) },
    }),
  };

  const err = (status: number, error: string, description: string) => NextResponse.json({ error, error_description: description }, { status });

  async function token(req: NextRequest): Promise<Response> {
    const planned = self.failNext.shift();
    if (planned) return NextResponse.json(planned.body, { status: planned.status, headers: planned.headers });
    const form = new URLSearchParams(await req.text());
    const grant = form.get("grant_type");
    let assertion: string | null;
    if (grant === "urn:ietf:params:oauth:grant-type:jwt-bearer") assertion = form.get("assertion");
    else if (grant === "client_credentials") {
      if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") return err(400, "invalid_request", "client_assertion_type must be jwt-bearer");
      assertion = form.get("client_assertion");
    } else return err(400, "unsupported_grant_type", `grant_type ${grant} is not supported`);
    if (!assertion) return err(400, "invalid_request", "assertion missing");

    let header;
    try {
      header = decodeProtectedHeader(assertion);
    } catch {
      return err(400, "invalid_request", "malformed assertion");
    }
    if (!["RS256", "PS256", "ES256"].includes(String(header.alg))) return err(400, "invalid_grant", "algorithm not allowed");
    const unverified = JSON.parse(Buffer.from(assertion.split(".")[1], "base64url").toString());
    const client = clients.get(unverified.iss);
    if (!client) return err(401, "invalid_client", "unknown client");
    if (!client.publicKeyPem) return err(401, "invalid_client", "no public key registered for this client");
    let claims;
    try {
      const key = await importSPKI(client.publicKeyPem, String(header.alg));
      ({ payload: claims } = await jwtVerify(assertion, key, { audience: [`${self.issuer}/oauth/token`, self.issuer], issuer: unverified.iss, subject: unverified.iss, requiredClaims: ["exp", "jti", "iat"] }));
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED") return err(400, "invalid_grant", "signature verification failed");
      return err(400, "invalid_grant", (e as Error).message);
    }
    if (usedJti.has(String(claims.jti))) return err(400, "invalid_grant", "assertion replayed (jti already used)");
    usedJti.add(String(claims.jti));
    const asked = (form.get("scope") ?? client.scopes.join(" ")).split(" ").filter(Boolean);
    const notGranted = asked.filter((s) => !client.scopes.includes(s));
    if (notGranted.length) return err(400, "invalid_scope", `scope not granted: ${notGranted.join(" ")}`);
    const scope = asked.join(" ");
    self.tokensIssued++;
    const access = await sign(privateKey, kid, { iss: self.issuer, sub: unverified.iss, client_id: unverified.iss, aud: "brand-portal", scope, org: client.org }, self.nextLifetimes.shift() ?? self.lifetimeS, "at+jwt");
    return NextResponse.json({ access_token: access, token_type: "Bearer", expires_in: 3600, scope }, { headers: { "Cache-Control": "no-store" } });
  }
  return self;
}

async function sign(key: CryptoKey, kid: string, claims: Record<string, unknown>, expSecondsFromNow: number, typ: string) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "RS256", kid, typ })
    .setIssuedAt(now)
    .setExpirationTime(now + expSecondsFromNow)
    .setJti(randomUUID())
    .sign(key);
}
