import { createHash } from "node:crypto";
import * as download from "@/app/portal/[tenant]/download/[id]/route";
import * as renditions from "@/app/portal/[tenant]/renditions/[id]/[kind]/route";
import * as zip from "@/app/portal/[tenant]/zip/route";
import { createPortalUser } from "@/lib/portal/users";
import { createPortalSession } from "@/lib/portal/sessions";
import type { Routes } from "./route-server";
import { gatewaySigned } from "./replication-env";

// Puts content into a tenant the way a console does: through the receiving API on a real HTTP
// server, with an access token signed by the embedded gateway. And portal users with sessions.

export const contentRoutes = {
  "/portal/:tenant/download/:id": { GET: download.GET },
  "/portal/:tenant/renditions/:id/:kind": { GET: renditions.GET },
  "/portal/:tenant/zip": { GET: zip.GET, POST: zip.POST },
} as unknown as Routes;

export const sha = (b: Buffer | Uint8Array) => createHash("sha256").update(b).digest("hex");
const meta = (m: Record<string, unknown>) => Buffer.from(JSON.stringify(m)).toString("base64url");

export function publisher(serverUrl: string, slug: string, org: string, clientId = "client-1") {
  const base = `${serverUrl}/portal/${slug}/api/v1`;
  const token = () => gatewaySigned({ sub: clientId, client_id: clientId, scope: "dam-read dam-write", org });
  const pub = { "x-publication-id": "pub-1", "x-publication-title": encodeURIComponent("Summer launch") };
  return {
    async asset(
      path: string,
      body: Buffer,
      m: Record<string, unknown> & { public: boolean },
      opts: { mimeType?: string; version?: number } = {},
    ) {
      const res = await fetch(`${base}/assets?path=${encodeURIComponent(path)}`, {
        method: "PUT",
        headers: {
          ...pub,
          authorization: `Bearer ${await token()}`,
          "content-type": opts.mimeType ?? "image/png",
          "x-content-sha256": sha(body),
          "x-asset-version": String(opts.version ?? 1),
          "x-asset-size": String(body.length),
          "x-asset-metadata": meta(m),
        },
        body: new Uint8Array(body),
      });
      if (res.status >= 300) throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    async folder(path: string, title: string, isPublic: boolean) {
      const res = await fetch(`${base}/folders?path=${encodeURIComponent(path)}`, {
        method: "PUT",
        headers: { ...pub, authorization: `Bearer ${await token()}`, "content-type": "application/json" },
        body: JSON.stringify({ title, description: "", public: isPublic }),
      });
      if (res.status >= 300) throw new Error(`PUT folder ${path}: ${res.status} ${await res.text()}`);
    },
    async collection(name: string, memberPaths: string[], isPublic: boolean) {
      const res = await fetch(`${base}/collections/${name}`, {
        method: "PUT",
        headers: { ...pub, authorization: `Bearer ${await token()}`, "content-type": "application/json" },
        body: JSON.stringify({ title: name, description: "", memberPaths, public: isPublic }),
      });
      if (res.status >= 300) throw new Error(`PUT collection ${name}: ${res.status}`);
    },
    async remove(kind: "assets" | "folders", path: string) {
      const res = await fetch(`${base}/${kind}?path=${encodeURIComponent(path)}`, {
        method: "DELETE",
        headers: { ...pub, authorization: `Bearer ${await token()}` },
      });
      if (res.status !== 200) throw new Error(`DELETE ${path}: ${res.status}`);
      return res.json();
    },
    async removeCollection(name: string) {
      const res = await fetch(`${base}/collections/${name}`, {
        method: "DELETE",
        headers: { ...pub, authorization: `Bearer ${await token()}` },
      });
      if (res.status !== 200) throw new Error(`DELETE collection ${name}: ${res.status}`);
      return res.json();
    },
  };
}

/** A portal user of the tenant and the Cookie header of a session of theirs. */
export async function portalUserWithSession(tenantId: string, login: string, role: "admin" | "user") {
  const user = await createPortalUser({ tenantId, login, displayName: login, password: "portal-password-1", role });
  const { token } = await createPortalSession(user.id);
  return { user, cookie: `outpost_portal_session=${token}`, scope: { tenantId, role } as const };
}
