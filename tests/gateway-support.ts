// Shared set-up for the gateway tests: a user, an organization, applications with key pairs made
// as a console would make them, and assertions built with jose as an independent client would.
import { randomUUID } from "node:crypto";
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import { db } from "@/lib/db";
import { createOrganization } from "@/lib/gateway/organizations";
import { createApplication } from "@/lib/gateway/create-application";
import { updateApplication } from "@/lib/gateway/update-application";
import type { Scope } from "@/lib/gateway/scopes";

export async function makeAdmin(login = `admin-${randomUUID().slice(0, 8)}`) {
  return db.user.create({
    data: { login, name: login, role: "administrator", passwordHash: "x" },
    select: { id: true, login: true },
  });
}

export type TestApp = { clientId: string; orgTechId: string; privateKey: CryptoKey; publicKeyPem: string; alg: string };

export async function makeApp(
  userId: string,
  opts: { alg?: "RS256" | "PS256" | "ES256"; scopes?: Scope[]; orgId?: string; withKey?: boolean } = {},
): Promise<TestApp> {
  const alg = opts.alg ?? "RS256";
  const org = opts.orgId
    ? await db.organization.findUniqueOrThrow({ where: { id: opts.orgId }, select: { id: true, techId: true } })
    : await createOrganization(userId, `Org ${randomUUID().slice(0, 6)}`);
  const scopes = opts.scopes ?? ["dam-read", "dam-sync", "dam-write", "cc-share"];
  const app = await createApplication(userId, {
    name: `App ${randomUUID().slice(0, 6)}`,
    description: "",
    orgId: org.id,
    scopes,
  });
  const { publicKey, privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === "ES256" ? {} : { modulusLength: 2048 }),
  });
  const publicKeyPem = await exportSPKI(publicKey);
  if (opts.withKey !== false) {
    await updateApplication(userId, {
      clientId: app.clientId,
      name: app.name,
      description: "",
      scopes,
      publicKey: publicKeyPem,
    });
  }
  return { clientId: app.clientId, orgTechId: org.techId, privateKey, publicKeyPem, alg };
}

/** A signed assertion; `claims` overrides or (with undefined) removes the defaults. */
export async function assertion(
  app: { clientId: string; privateKey: CryptoKey | Uint8Array; alg: string },
  aud: string | string[],
  claims: Partial<Record<keyof JWTPayload | string, unknown>> = {},
  header: Record<string, unknown> = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    iss: app.clientId,
    sub: app.clientId,
    aud,
    iat: now,
    exp: now + 300,
    jti: randomUUID(),
    ...claims,
  };
  for (const k of Object.keys(payload)) if (payload[k] === undefined) delete payload[k];
  return new SignJWT(payload as JWTPayload).setProtectedHeader({ alg: app.alg, ...header }).sign(app.privateKey);
}

export const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});
