// The start-up the publishing scripts share (bench:publish, soak:crash, bench:load): the other
// install (gateway and portal, in a child process with its own database), the gateway
// administrator's part of trusting a console, generated assets, and the small process helpers.
// Runs under node --conditions=react-server (lib modules import "server-only"), so every lib
// module is imported where it is used: the process's DATABASE_URL must be set first.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer as createNetServer } from "node:net";
import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { serveRoutes } from "./route-server";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

/** What a console needs from the gateway administrator: its client id, the organization, the tenants. */
export type PortalSetup = { clientId: string; orgTechId: string; slugs: string[] };

/**
 * Serves the gateway (token endpoint, JWKS, discovery) and the portal's receiving routes on `port`,
 * with this process's database (migrated here). `latencyMs` is added to every portal request
 * (bench:publish's --latency, for benchmarking only).
 */
export async function serveInstallRoutes(opts: { port: number; latencyMs?: number }): Promise<void> {
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(process.env.DATABASE_URL!);
  const { ensureSigningKey } = await import("@/lib/gateway/signing-keys");
  await ensureSigningKey();
  const latencyMs = opts.latencyMs ?? 0;
  const delayed =
    (h: Handler): Handler =>
    async (req, ctx) => {
      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
      return h(req, ctx);
    };
  const h = (m: unknown) => m as Handler;
  const token = await import("@/app/gateway/oauth/token/route");
  const jwks = await import("@/app/gateway/.well-known/jwks.json/route");
  const meta = await import("@/app/gateway/.well-known/oauth-authorization-server/route");
  const ping = await import("@/app/portal/[tenant]/api/v1/ping/route");
  const assets = await import("@/app/portal/[tenant]/api/v1/assets/route");
  await serveRoutes(
    {
      "/gateway/oauth/token": { POST: h(token.POST) },
      "/gateway/.well-known/jwks.json": { GET: h(jwks.GET) },
      "/gateway/.well-known/oauth-authorization-server": { GET: h(meta.GET) },
      "/portal/:tenant/api/v1/ping": { GET: delayed(h(ping.GET)) },
      "/portal/:tenant/api/v1/assets": { PUT: delayed(h(assets.PUT)), DELETE: delayed(h(assets.DELETE)) },
    },
    { port: opts.port, keepAliveTimeout: 30_000 },
  );
}

/**
 * The gateway administrator's part, in this process's (the portal install's) database: an
 * organization, a JWT application holding the console's public key, and one tenant per slug.
 */
export async function setUpGateway(opts: {
  name: string;
  publicKeyPem: string;
  slugs: string[];
}): Promise<PortalSetup> {
  const { db } = await import("@/lib/db");
  const { createOrganization } = await import("@/lib/gateway/organizations");
  const { createApplication } = await import("@/lib/gateway/create-application");
  const { updateApplication } = await import("@/lib/gateway/update-application");
  const { createTenant } = await import("@/lib/portal/tenants");
  const scopes = ["dam-read", "dam-sync", "dam-write", "cc-share"] as const;
  const admin = await db.user.create({
    data: { login: opts.name.toLowerCase(), name: opts.name, role: "administrator", passwordHash: "x" },
  });
  const org = await createOrganization(admin.id, `${opts.name} org`);
  const app = await createApplication(admin.id, {
    name: `${opts.name} console`,
    description: "",
    orgId: org.id,
    scopes: [...scopes],
  });
  await updateApplication(admin.id, {
    clientId: app.clientId,
    name: app.name,
    description: "",
    scopes: [...scopes],
    publicKey: opts.publicKeyPem,
  });
  const slugs: string[] = [];
  for (const slug of opts.slugs) slugs.push((await createTenant({ name: slug, slug, orgTechId: org.techId })).slug);
  return { clientId: app.clientId, orgTechId: org.techId, slugs };
}

/**
 * The console's side, in this process's (the console's) database: Cloud Services › Create
 * Configuration, its public key handed to `trust` (the gateway administrator, usually a child
 * process), then the client id and organization it answers filled in. `gatewayUrl` when the
 * gateway is not this install's own (OUTPOST_PUBLIC_URL).
 */
export async function createTrustedConfig(opts: {
  name: string;
  gatewayUrl?: string;
  trust: (publicKeyPem: string) => Promise<PortalSetup>;
}): Promise<{ configId: string; setup: PortalSetup }> {
  const { db } = await import("@/lib/db");
  const { createConfig } = await import("@/lib/cloud-services/create-config");
  const cfg = await createConfig({ title: opts.name, name: opts.name.toLowerCase() });
  const key = await db.configKeyPair.findFirstOrThrow({ where: { configId: cfg.id } });
  const setup = await opts.trust(key.publicKeyPem);
  await db.brandPortalConfig.update({
    where: { id: cfg.id },
    data: {
      clientId: setup.clientId,
      orgId: setup.orgTechId,
      ...(opts.gatewayUrl ? { gatewayUrl: opts.gatewayUrl } : {}),
    },
  });
  return { configId: cfg.id, setup };
}

export type GeneratedAsset = { path: string; sha256: string };

/**
 * `count` assets of `bytes` random bytes each in a new folder at `folderPath` (its parents must
 * exist, or be the DAM root), named `<prefix>-<i>.bin`: blobs written to the store, rows in batches.
 */
export async function generateAssets(opts: {
  folderPath: string;
  prefix: string;
  count: number;
  bytes: number;
}): Promise<GeneratedAsset[]> {
  const { db } = await import("@/lib/db");
  const { assetBlobs } = await import("@/lib/storage/stores");
  const { renditionStateFor } = await import("@/lib/assets/detect-type");
  const name = opts.folderPath.split("/").pop()!;
  const parentPath = opts.folderPath.slice(0, opts.folderPath.lastIndexOf("/"));
  const parent = await db.folder.findUnique({ where: { path: parentPath }, select: { id: true } });
  const folder = await db.folder.create({
    data: { path: opts.folderPath, name, title: name, ...(parent ? { parentId: parent.id } : {}) },
  });
  const out: GeneratedAsset[] = [];
  const rows = [];
  for (let i = 0; i < opts.count; i++) {
    let left = opts.bytes;
    const src = new Readable({
      read() {
        const c = Math.min(left, 1 << 20);
        left -= c;
        this.push(c ? randomBytes(c) : null);
      },
    });
    const blob = await assetBlobs.write(src);
    const file = `${opts.prefix}-${i}.bin`;
    out.push({ path: `${folder.path}/${file}`, sha256: blob.sha256 });
    rows.push({
      path: `${folder.path}/${file}`,
      name: file,
      title: file,
      searchText: file,
      folderId: folder.id,
      mimeType: "application/octet-stream",
      renditionState: renditionStateFor("application/octet-stream"), // as an upload would
      size: BigInt(blob.size),
      sha256: blob.sha256,
    });
  }
  for (let i = 0; i < rows.length; i += 500) await db.asset.createMany({ data: rows.slice(i, i + 500) });
  return out;
}

/** The next IPC message from a child process; rejects if it exits first. */
export function childMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`a child process exited (${code})`));
    child.once("exit", onExit);
    child.once("message", (m) => {
      child.off("exit", onExit);
      resolve(m);
    });
  });
}

/** A port free on 127.0.0.1 now (for a server that must know its own URL before it listens). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
