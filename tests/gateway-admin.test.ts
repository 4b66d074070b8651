import "reflect-metadata";
import { describe, it, expect, beforeAll } from "vitest";
import { generateKeyPairSync, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { calculateJwkThumbprint, exportJWK, exportSPKI, generateKeyPair } from "jose";
import { db } from "@/lib/db";
import { parsePublicKey } from "@/lib/gateway/public-key";
import { looksLikePrivateKey, PRIVATE_KEY_MESSAGE } from "@/lib/gateway/private-key-check";
import { createApplication } from "@/lib/gateway/create-application";
import { updateApplication } from "@/lib/gateway/update-application";
import { deleteApplication, getApplication, listApplications } from "@/lib/gateway/applications";
import { revealSecret } from "@/lib/gateway/reveal-secret";
import {
  addOrgAdmin,
  createOrganization,
  deleteOrganization,
  listOrganizations,
  removeOrgAdmin,
} from "@/lib/gateway/organizations";
import { currentSigningKey, ensureSigningKey, rotateSigningKey } from "@/lib/gateway/signing-keys";
import { UserError } from "@/lib/errors";
import { makeAdmin } from "@/tests/gateway-support";

// The administration side: what may be pasted as a public key, how applications and their
// secrets are kept, who sees what, and the signing keys' race-safety.

const rsaPem = (bits: number) =>
  generateKeyPairSync("rsa", { modulusLength: bits }).publicKey.export({ type: "spki", format: "pem" }) as string;

async function refused(text: string, message: RegExp | string) {
  const err = await parsePublicKey(text).then(
    () => null,
    (e) => e,
  );
  expect(err, `accepted: ${text.slice(0, 40)}`).toBeInstanceOf(UserError);
  expect(err.field).toBe("publicKey");
  if (typeof message === "string") expect(err.message).toBe(message);
  else expect(err.message).toMatch(message);
}

describe("public key validation", () => {
  it("accepts an SPKI PEM and normalises it, with its RFC 7638 thumbprint", async () => {
    const { publicKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
    const pem = await exportSPKI(publicKey);
    const key = await parsePublicKey(`\n  ${pem.replace(/\n/g, "\r\n")}  \n`);
    expect(key.pem).toBe(pem.trim());
    expect(key.alg).toBe("RSA-2048");
    expect(key.thumbprint).toBe(await calculateJwkThumbprint(await exportJWK(publicKey), "sha256"));
  });

  it("accepts RSA PUBLIC KEY (PKCS#1), a JWK, an EC P-256 key and a certificate", async () => {
    const pair = generateKeyPairSync("rsa", { modulusLength: 3072 });
    const pkcs1 = pair.publicKey.export({ type: "pkcs1", format: "pem" }) as string;
    expect(pkcs1).toContain("BEGIN RSA PUBLIC KEY");
    expect((await parsePublicKey(pkcs1)).alg).toBe("RSA-3072");

    const jwk = pair.publicKey.export({ format: "jwk" });
    const fromJwk = await parsePublicKey(JSON.stringify(jwk));
    expect(fromJwk.pem).toBe((pair.publicKey.export({ type: "spki", format: "pem" }) as string).trim());

    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({
      type: "spki",
      format: "pem",
    }) as string;
    expect((await parsePublicKey(ec)).alg).toBe("EC-P256");

    x509.cryptoProvider.set(webcrypto as unknown as Crypto);
    const alg = {
      name: "RSASSA-PKCS1-v1_5",
      hash: "SHA-256",
      publicExponent: new Uint8Array([1, 0, 1]),
      modulusLength: 2048,
    };
    const keys = await webcrypto.subtle.generateKey(alg, true, ["sign", "verify"]);
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: "01",
      name: "CN=Outpost console",
      notBefore: new Date(),
      notAfter: new Date(Date.now() + 86_400_000),
      signingAlgorithm: alg,
      keys: keys as CryptoKeyPair,
    });
    const fromCert = await parsePublicKey(cert.toString("pem"));
    expect(fromCert.alg).toBe("RSA-2048");
    expect(fromCert.pem).toContain("BEGIN PUBLIC KEY");
    const spki = Buffer.from(await webcrypto.subtle.exportKey("spki", (keys as CryptoKeyPair).publicKey)).toString(
      "base64",
    );
    expect(fromCert.pem.replace(/-----[A-Z ]+-----|\s/g, "")).toBe(spki);
  });

  it("refuses a 1024-bit RSA key", async () => {
    await refused(rsaPem(1024), /1024 bits; at least 2048 bits are required/);
  });

  it("refuses private keys in every form", async () => {
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pkcs8 = pair.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    const pkcs1 = pair.privateKey.export({ type: "pkcs1", format: "pem" }) as string;
    const ecPriv = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({
      type: "sec1",
      format: "pem",
    }) as string;
    const jwk = JSON.stringify(pair.privateKey.export({ format: "jwk" }));
    for (const text of [
      pkcs8,
      pkcs1,
      ecPriv,
      jwk,
      `${pair.publicKey.export({ type: "spki", format: "pem" })}\n${pkcs8}`,
    ]) {
      expect(looksLikePrivateKey(text)).toBe(true);
      await refused(text, PRIVATE_KEY_MESSAGE);
    }
  });

  it("refuses other curves, other key types, and text that is not a key", async () => {
    const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey.export({
      type: "spki",
      format: "pem",
    }) as string;
    await refused(p384, /curve secp384r1; only P-256 \(ES256\) is supported/);
    const ed = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }) as string;
    await refused(ed, /ED25519 keys are not supported/);
    await refused("hello world", /^Not a PEM public key, certificate or JWK/);
    await refused("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", /damaged/);
    await refused(
      "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----",
      /is not a public key/,
    );
    await refused("{ not json", /not valid JSON/);
    await refused(JSON.stringify({ kty: "oct", kk: "x" }), /symmetric/);
    await refused(JSON.stringify({ keys: [] }), /JWK Set/);
    await refused("", "Paste the public key.");
  });
});

describe("applications", () => {
  let admin: { id: string };
  let orgId: string;
  beforeAll(async () => {
    admin = await makeAdmin();
    orgId = (await createOrganization(admin.id, "Acme Brands")).id;
  });

  it("generates an application ID and a secret that is sealed, revealable, and never in clear in the database", async () => {
    const app = await createApplication(admin.id, {
      name: "AEM Author",
      description: "Publishes to the portal",
      orgId,
      scopes: ["dam-read", "dam-sync"],
    });
    expect(app.clientId).toMatch(/^app-[0-9a-f]{20}$/);
    const secret = await revealSecret(admin.id, app.clientId);
    expect(secret).toMatch(/^ops_[A-Za-z0-9_-]{43}$/);
    const row = await db.gatewayApplication.findUniqueOrThrow({
      where: { clientId: app.clientId },
      omit: { secretEnc: false },
    });
    expect(row.secretEnc).toMatch(/^v1\./);
    expect(row.secretEnc).not.toContain(secret);
    // the default query never returns it
    const plain = await db.gatewayApplication.findUniqueOrThrow({ where: { clientId: app.clientId } });
    expect("secretEnc" in plain).toBe(false);
    // sealed to its own client ID: copying it to another row does not reveal it
    const other = await createApplication(admin.id, { name: "Other", description: "", orgId, scopes: ["dam-read"] });
    await db.gatewayApplication.update({ where: { clientId: other.clientId }, data: { secretEnc: row.secretEnc } });
    await expect(revealSecret(admin.id, other.clientId)).rejects.toThrow();
  });

  it("saves a public key, and refuses a private key or a 1024-bit key without saving anything", async () => {
    const app = await createApplication(admin.id, { name: "Keyed", description: "", orgId, scopes: ["dam-read"] });
    const base = { clientId: app.clientId, name: "Keyed", description: "", scopes: ["dam-read" as const] };
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pub = pair.publicKey.export({ type: "spki", format: "pem" }) as string;
    await expect(updateApplication(admin.id, { ...base, publicKey: pub })).resolves.toMatchObject({
      keyChanged: true,
      publicKeyAlg: "RSA-2048",
    });

    const priv = pair.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    await expect(updateApplication(admin.id, { ...base, name: "Renamed", publicKey: priv })).rejects.toThrow(
      PRIVATE_KEY_MESSAGE,
    );
    await expect(updateApplication(admin.id, { ...base, name: "Renamed", publicKey: rsaPem(1024) })).rejects.toThrow(
      /1024 bits/,
    );
    const row = await getApplication(admin.id, app.clientId);
    expect(row.name).toBe("Keyed"); // nothing of the refused save was written
    expect(row.publicKeyPem).toBe(pub.trim());
    const privBody = priv.split("\n")[1];
    const dump =
      JSON.stringify(await db.gatewayApplication.findMany({ omit: { secretEnc: false } })) +
      JSON.stringify(await db.gatewayTokenLog.findMany());
    expect(dump).not.toContain(privBody);

    // an empty field removes the key
    await updateApplication(admin.id, { ...base, publicKey: "" });
    expect((await getApplication(admin.id, app.clientId)).publicKeyPem).toBeNull();
  });

  it("lists only applications of organizations the caller administers, with search and paging", async () => {
    const org = await createOrganization(admin.id, "Paging Org");
    for (let i = 0; i < 25; i++)
      await createApplication(admin.id, {
        name: `Bulk ${String(i).padStart(2, "0")}`,
        description: "",
        orgId: org.id,
        scopes: ["dam-read"],
      });
    const all = await listApplications(admin.id, { skip: 0, take: 1000 });
    expect(all.total).toBeGreaterThanOrEqual(25);
    const page2 = await listApplications(admin.id, { q: "BULK", skip: 10, take: 10 });
    expect(page2.total).toBe(25);
    expect(page2.rows).toHaveLength(10);
    const page3 = await listApplications(admin.id, { q: "bulk", skip: 20, take: 10 });
    expect(page3.rows).toHaveLength(5);
    const byId = await listApplications(admin.id, { q: page3.rows[0].clientId.toUpperCase(), skip: 0, take: 10 });
    expect(byId.rows.map((r) => r.clientId)).toEqual([page3.rows[0].clientId]);

    const stranger = await makeAdmin();
    expect((await listApplications(stranger.id, { skip: 0, take: 10 })).total).toBe(0);
    const someId = all.rows[0].clientId;
    await expect(getApplication(stranger.id, someId)).rejects.toThrow(/not found/);
    await expect(revealSecret(stranger.id, someId)).rejects.toThrow(/not found/);
    await expect(deleteApplication(stranger.id, someId)).rejects.toThrow(/not found/);
    await expect(
      createApplication(stranger.id, { name: "Intruder", description: "", orgId: org.id, scopes: ["dam-read"] }),
    ).rejects.toThrow(/not found/);
    // once added as an administrator of the organization, they see its applications
    await addOrgAdmin(admin.id, org.id, stranger.id);
    expect((await listApplications(stranger.id, { skip: 0, take: 10 })).total).toBe(25);
  });

  it("refuses a duplicate name in one organization and deletes an application", async () => {
    const app = await createApplication(admin.id, {
      name: "Unique name",
      description: "",
      orgId,
      scopes: ["dam-read"],
    });
    await expect(
      createApplication(admin.id, { name: "Unique name", description: "", orgId, scopes: ["dam-read"] }),
    ).rejects.toThrow(/already has an application named/);
    await deleteApplication(admin.id, app.clientId);
    await expect(getApplication(admin.id, app.clientId)).rejects.toThrow(/not found/);
  });
});

describe("organizations", () => {
  it("generates a technical ID, makes the creator its administrator, and guards its last administrator", async () => {
    const a = await makeAdmin();
    const org = await createOrganization(a.id, "Globex");
    expect(org.techId).toMatch(/^[0-9A-F]{10}@OutpostOrg$/);
    const [listed] = (await listOrganizations(a.id)).filter((o) => o.id === org.id);
    expect(listed.members.map((m) => m.user.id)).toEqual([a.id]);
    await expect(removeOrgAdmin(a.id, org.id, a.id)).rejects.toThrow(/at least one administrator/);

    const author = await db.user.create({
      data: { login: "an-author", name: "Author", role: "author", passwordHash: "x" },
    });
    await expect(addOrgAdmin(a.id, org.id, author.id)).rejects.toThrow(/not a console administrator/);
    const b = await makeAdmin();
    await addOrgAdmin(a.id, org.id, b.id);
    await expect(addOrgAdmin(a.id, org.id, b.id)).rejects.toThrow(/already administers/);
    await removeOrgAdmin(b.id, org.id, a.id);
    expect((await listOrganizations(a.id)).some((o) => o.id === org.id)).toBe(false);

    await createApplication(b.id, { name: "Blocker", description: "", orgId: org.id, scopes: ["dam-read"] });
    await expect(deleteOrganization(b.id, org.id)).rejects.toThrow(/still has 1 application/);
  });

  it("an administrator's organizations have different names; another administrator may reuse one", async () => {
    const a = await makeAdmin();
    await createOrganization(a.id, "Initech");
    await expect(createOrganization(a.id, "INITECH")).rejects.toMatchObject({
      status: 409,
      field: "name",
      message: "You already administer an organization named Initech: choose another name.",
    });
    expect((await listOrganizations(a.id)).filter((o) => o.name === "Initech")).toHaveLength(1);
    await createOrganization((await makeAdmin()).id, "Initech");
  });
});

describe("signing keys", () => {
  it("nodes racing to create the first key (or to rotate) end up with one key per generation", async () => {
    await db.gatewaySigningKey.deleteMany();
    await Promise.all(Array.from({ length: 6 }, () => ensureSigningKey()));
    expect(await db.gatewaySigningKey.count()).toBe(1);
    const first = await currentSigningKey();
    await Promise.all([rotateSigningKey(), rotateSigningKey(), rotateSigningKey()]);
    const rows = await db.gatewaySigningKey.findMany({ orderBy: { generation: "asc" } });
    expect(rows.map((r) => r.generation)).toEqual([1, 2]);
    expect(rows[0]).toMatchObject({ kid: first.kid });
    expect(rows[0].retiredAt).not.toBeNull();
    expect(rows[1].retiredAt).toBeNull();
    expect((await currentSigningKey()).kid).toBe(rows[1].kid);
  });
});
