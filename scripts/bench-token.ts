// Token endpoint figures: valid RS256 jwt-bearer requests over real HTTP, including every database
// write (rate limit, jti, token log). Prints ms per request one at a time, and tokens/s with 8 in
// flight. Usage: npm run bench:token [-- --requests 400 --database postgresql://…]
// Runs under node --conditions=react-server (lib modules import "server-only").
import { mkdtempSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import type { NextRequest } from "next/server";
import { serveRoutes } from "./support/route-server";
import { arg } from "./support/args";

const dir = mkdtempSync(path.join(os.tmpdir(), "bench-token-"));
process.env.OUTPOST_DATA_DIR = dir;
const databaseUrl = arg("database", `file:${path.join(dir, "bench.db")}`);
process.env.DATABASE_URL = databaseUrl;
const N = Number(arg("requests", "400"));

async function main() {
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(databaseUrl);
  const { db } = await import("@/lib/db");
  const { ensureSigningKey } = await import("@/lib/gateway/signing-keys");
  const { createOrganization } = await import("@/lib/gateway/organizations");
  const { createApplication } = await import("@/lib/gateway/create-application");
  const { updateApplication } = await import("@/lib/gateway/update-application");
  const { issuer } = await import("@/lib/gateway/issuer");
  const token = await import("@/app/gateway/oauth/token/route");
  const limits = await import("@/lib/gateway/rate-limit").catch(() => null);

  await ensureSigningKey();
  const user = await db.user.create({
    data: { login: "bench", name: "bench", role: "administrator", passwordHash: "x" },
  });
  const org = await createOrganization(user.id, "Bench");
  const scopes = ["dam-read", "dam-write"] as const;
  const app = await createApplication(user.id, { name: "Bench", description: "", orgId: org.id, scopes: [...scopes] });
  const { publicKey, privateKey } = await generateKeyPair("RS256", { modulusLength: 2048 });
  await updateApplication(user.id, {
    clientId: app.clientId,
    name: "Bench",
    description: "",
    scopes: [...scopes],
    publicKey: await exportSPKI(publicKey),
  });
  const server = await serveRoutes({
    "/gateway/oauth/token": { POST: token.POST as (r: NextRequest) => Promise<Response> },
  });
  const url = `${server.url}/gateway/oauth/token`;

  async function assertions(n: number) {
    const now = Math.floor(Date.now() / 1000);
    return Promise.all(
      Array.from({ length: n }, () =>
        new SignJWT({})
          .setProtectedHeader({ alg: "RS256" })
          .setIssuer(app.clientId)
          .setSubject(app.clientId)
          .setAudience(issuer())
          .setIssuedAt(now)
          .setExpirationTime(now + 600)
          .setJti(randomUUID())
          .sign(privateKey),
      ),
    );
  }
  async function post(jwt: string) {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "192.0.2.1" },
      body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: jwt }),
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  }
  // The client's own bucket allows 20 at once and one a second: emptied before each request here,
  // so the figures measure the endpoint's work, limiter statements included, not the limit.
  const reset = async () => {
    if (limits && "clearRateLimits" in limits)
      await (limits as { clearRateLimits: () => Promise<void> }).clearRateLimits();
    else (limits as unknown as { tokenRequestLimit?: { clear(): void } })?.tokenRequestLimit?.clear();
  };

  for (const jwt of await assertions(20)) await post(jwt); // warm-up
  const serial = await assertions(N);
  const cpu0 = process.cpuUsage();
  let t0 = performance.now();
  for (let i = 0; i < serial.length; i++) {
    if (i % 15 === 0) await reset();
    await post(serial[i]);
  }
  const perRequest = (performance.now() - t0) / N;
  const cpu = process.cpuUsage(cpu0);
  const cpuPerRequest = (cpu.user + cpu.system) / 1000 / N; // this process's CPU: less sensitive to a busy machine
  const parallel = await assertions(N);
  t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < parallel.length) {
        const i = next++;
        if (i % 15 === 0) await reset();
        await post(parallel[i]);
      }
    }),
  );
  const perSecond = N / ((performance.now() - t0) / 1000);
  console.log(`provider: ${databaseUrl.split(":")[0]}`);
  console.log(`ms per request (one at a time): ${perRequest.toFixed(1)}`);
  console.log(`CPU ms per request (one at a time): ${cpuPerRequest.toFixed(2)}`);
  console.log(`tokens/s (8 in flight): ${perSecond.toFixed(0)}`);
  await server.close();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

void main();
