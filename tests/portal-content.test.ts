import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { db } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { createTenant } from "@/lib/portal/tenants";
import {
  findFolder,
  folderTree,
  folderTreeWithSubfolders,
  getCollection,
  listCollections,
  listFolderAssets,
  listSubfolders,
  PAGE_SIZE,
  SORTS,
} from "@/lib/portal/browse";
import { assetCardSelect, toCard } from "@/lib/portal/asset-view";
import { visible } from "@/lib/portal/visibility";
import { getPortalAsset } from "@/lib/portal/asset-page";
import { searchAssets } from "@/lib/portal/search";
import { planZip } from "@/lib/portal/zip";
import { folderPathOf } from "@/lib/portal/paths";
import { publishReport } from "@/lib/portal/report";
import { processPendingPortalRenditions } from "@/lib/portal/renditions";
import { portalSignIn } from "@/lib/portal/sign-in";
import { createUser } from "@/lib/auth/users";
import { serveRoutes } from "./support/route-server";
import { gatewayRoutes, portalRoutes } from "./support/replication-env";
import { contentRoutes, portalUserWithSession, publisher, sha } from "./support/portal-publish";

await vi.hoisted(async () => (await import("./support/public-url")).usePublicUrlOnFreePort());

// The portal's content for its users, over the real receiving API and the real download, rendition
// and ZIP routes: who sees what (Public Folder Publish), one tenant never reaching another's
// assets, downloads and ZIPs that match the originals, and removal taking things away everywhere.

const ORG = "A1B2C3D4E5@OutpostOrg";
const ORG2 = "F1F2F3F4F5@OutpostOrg";
let server: { url: string; close: () => Promise<void> };
type Who = Awaited<ReturnType<typeof portalUserWithSession>>;
let acme: { id: string }, globex: { id: string };
let admin: Who, user: Who, globexAdmin: Who;
const ids: Record<string, string> = {};
let logo: Buffer, secret: Buffer, pdf: Buffer;
const PUB = "/content/dam/public";
const PRIV = "/content/dam/internal";

const get = (p: string, who: Who, init: RequestInit = {}) =>
  fetch(`${server.url}${p}`, { ...init, headers: { cookie: who.cookie, ...init.headers } });

beforeAll(async () => {
  server = await serveRoutes(
    { ...gatewayRoutes, ...portalRoutes, ...contentRoutes },
    { port: Number(new URL(publicUrl).port) },
  );
  acme = await createTenant({ name: "Acme", slug: "acme", orgTechId: ORG });
  globex = await createTenant({ name: "Globex", slug: "globex", orgTechId: ORG2 });
  admin = await portalUserWithSession(acme.id, "ann", "admin");
  user = await portalUserWithSession(acme.id, "bob", "user");
  globexAdmin = await portalUserWithSession(globex.id, "gil", "admin");

  logo = await sharp({ create: { width: 640, height: 400, channels: 3, background: "#3366cc" } })
    .png()
    .toBuffer();
  secret = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#cc3333" } })
    .png()
    .toBuffer();
  pdf = Buffer.from("%PDF-1.4\n% a tiny document\n%%EOF\n");
  const acmePub = publisher(server.url, "acme", ORG);
  await acmePub.folder(PUB, "Public", true);
  await acmePub.asset(`${PUB}/logo.png`, logo, {
    title: "Brand logo",
    tags: ["brand"],
    public: true,
    width: 640,
    height: 400,
  });
  await acmePub.asset(
    `${PUB}/sub/guide.pdf`,
    pdf,
    { title: "Guidelines", description: "usage rules", public: true },
    { mimeType: "application/pdf" },
  );
  await acmePub.asset(`${PUB}/naïve "quote";x.png`, logo, { title: "Odd name", public: true });
  await acmePub.folder(PRIV, "Internal", false);
  await acmePub.asset(`${PRIV}/secret.png`, secret, { title: "Secret plan", tags: ["brand"], public: false });
  await acmePub.collection("launch", [`${PUB}/logo.png`, `${PRIV}/secret.png`], true);
  await publisher(server.url, "globex", ORG2, "client-g").asset("/content/dam/g/only.png", secret, {
    title: "Globex only",
    public: true,
  });
  for (const a of await db.portalAsset.findMany({ select: { id: true, name: true } })) ids[a.name] = a.id;
});
afterAll(() => server.close());

describe("visibility", () => {
  it("shows administrators every folder and asset, and portal users only the public ones", async () => {
    expect((await listSubfolders(admin.scope, "/content/dam")).map((f) => [f.title, f.isPublic])).toEqual([
      ["Internal", false],
      ["Public", true],
    ]);
    expect((await listSubfolders(user.scope, "/content/dam")).map((f) => f.title)).toEqual(["Public"]);
    expect(await findFolder(user.scope, PRIV)).toBeNull();
    expect((await listFolderAssets(user.scope, PRIV, { sort: "name", dir: "asc", page: 1 })).total).toBe(0);
    expect((await listFolderAssets(admin.scope, PRIV, { sort: "name", dir: "asc", page: 1 })).total).toBe(1);
    expect(await getPortalAsset(user.scope, ids["secret.png"])).toBeNull();
    expect((await getPortalAsset(admin.scope, ids["secret.png"]))?.title).toBe("Secret plan");
    expect((await folderTree(user.scope, `${PUB}/sub`)).map((f) => f.path)).toEqual([PUB, `${PUB}/sub`]);
    // A public collection shows its public members only.
    expect((await getCollection(user.scope, "launch", { sort: "name", dir: "asc", page: 1 }))?.total).toBe(1);
    expect((await getCollection(admin.scope, "launch", { sort: "name", dir: "asc", page: 1 }))?.total).toBe(2);
    expect((await listCollections(user.scope)).map((c) => c.name)).toEqual(["launch"]);
  });

  it("gives a folder page the same subfolders from its tree as listSubfolders, for every viewer", async () => {
    for (const who of [admin, user])
      for (const p of ["/content/dam", PUB, `${PUB}/sub`, PRIV]) {
        const { tree, subfolders } = await folderTreeWithSubfolders(who.scope, p);
        expect(subfolders).toEqual(await listSubfolders(who.scope, p));
        expect(tree).toEqual(await folderTree(who.scope, p));
      }
    expect((await folderTreeWithSubfolders(user.scope, "/content/dam")).subfolders.map((f) => f.title)).toEqual([
      "Public",
    ]);
  });

  it("searches name, title, description, tags and type over what the viewer may see", async () => {
    const titles = async (who: Who, q: string, extra: object = {}) =>
      (await searchAssets(who.scope, { q, page: 1, ...extra })).assets.map((a) => a.title).sort();
    expect(await titles(admin, "brand")).toEqual(["Brand logo", "Secret plan"]);
    expect(await titles(user, "brand")).toEqual(["Brand logo"]);
    expect(await titles(user, "usage rules")).toEqual(["Guidelines"]);
    expect(await titles(user, "pdf")).toEqual(["Guidelines"]);
    expect(await titles(user, "", { type: "document" })).toEqual(["Guidelines"]);
    expect(await titles(user, "", { type: "image", size: "small" })).toEqual(["Brand logo", "Odd name"]);
    expect(await titles(user, "%")).toEqual([]); // wildcards are taken literally
    expect(await titles(globexAdmin, "brand")).toEqual([]);
  });

  it("answers 404 to a portal user asking for a non-public asset, rendition, folder ZIP or selection ZIP", async () => {
    // Before the background work has run: no rendition yet (the page shows a placeholder), no bytes.
    expect((await getPortalAsset(admin.scope, ids["secret.png"]))?.renditionState).toBe("pending");
    expect((await getPortalAsset(admin.scope, ids["guide.pdf"]))?.renditionState).toBe("none"); // nothing to make
    expect((await get(`/portal/acme/renditions/${ids["secret.png"]}/thumbnail`, admin)).status).toBe(404);
    await processPendingPortalRenditions();
    expect((await get(`/portal/acme/download/${ids["secret.png"]}`, user)).status).toBe(404);
    expect((await get(`/portal/acme/download/${ids["secret.png"]}`, admin)).status).toBe(200);
    expect((await get(`/portal/acme/renditions/${ids["secret.png"]}/thumbnail`, user)).status).toBe(404);
    expect((await get(`/portal/acme/renditions/${ids["secret.png"]}/thumbnail`, admin)).status).toBe(200);
    const folderZip = await get(`/portal/acme/zip?folder=${encodeURIComponent(PRIV)}`, user);
    expect(folderZip.status).toBe(404);
    expect(folderZip.headers.get("content-type")).toMatch(/json/);
    const sel = await get(`/portal/acme/zip`, user, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
      body: new URLSearchParams([
        ["id", ids["logo.png"]],
        ["id", ids["secret.png"]],
      ]).toString(),
    });
    expect(sel.status).toBe(404);
    expect(sel.headers.get("content-type")).toMatch(/json/);
    expect((await sel.json()).message).toMatch(/One or more of the selected assets was not found/);
  });
});

describe("tenant isolation", () => {
  it("never gives one tenant's user another tenant's assets, through any URL", async () => {
    const theirs = ids["only.png"];
    // Acme's administrator, on Acme's URLs, naming Globex's asset.
    expect((await get(`/portal/acme/download/${theirs}`, admin)).status).toBe(404);
    expect((await get(`/portal/acme/renditions/${theirs}/web`, admin)).status).toBe(404);
    // Globex's administrator on Acme's URLs: the session opens only its own tenant.
    expect((await get(`/portal/acme/download/${ids["logo.png"]}`, globexAdmin)).status).toBe(404);
    expect((await get(`/portal/acme/zip?folder=${encodeURIComponent(PUB)}`, globexAdmin)).status).toBe(404);
    // Globex's administrator on Globex's URLs, naming Acme's assets: refused without partial output.
    const zip = await get(`/portal/globex/zip`, globexAdmin, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ ids: [theirs, ids["logo.png"]] }),
    });
    expect(zip.status).toBe(404);
    expect(zip.headers.get("content-type")).toMatch(/json/);
    expect(await getPortalAsset(globexAdmin.scope, ids["logo.png"])).toBeNull();
    expect((await searchAssets(admin.scope, { q: "globex", page: 1 })).total).toBe(0);
  });
});

describe("downloads", () => {
  it("streams the original with its SHA-256 and a safe Content-Disposition for any name", async () => {
    const res = await get(`/portal/acme/download/${ids["logo.png"]}`, user);
    expect(res.status).toBe(200);
    expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(sha(logo));
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="logo.png"; filename*=UTF-8''logo.png`);
    const odd = await get(`/portal/acme/download/${ids['naïve "quote";x.png']}`, user);
    expect(odd.headers.get("content-disposition")).toBe(
      `attachment; filename="na_ve _quote__x.png"; filename*=UTF-8''na%C3%AFve%20%22quote%22%3Bx.png`,
    );
    await odd.arrayBuffer();
  });

  it("makes thumbnails and web renditions, served with caching headers; PDFs get none", async () => {
    const a = await getPortalAsset(user.scope, ids["logo.png"]);
    expect(a?.renditionState).toBe("ready");
    expect(a?.renditionList.map((r) => [r.kind, r.width])).toEqual([
      ["web", 640],
      ["thumbnail", 320],
    ]);
    const thumb = await get(`/portal/acme/renditions/${ids["logo.png"]}/thumbnail?v=${a!.renditions.thumbnail}`, user);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect(thumb.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(320);
    const stale = await get(`/portal/acme/renditions/${ids["logo.png"]}/thumbnail?v=0000000000000000`, user);
    expect(stale.headers.get("cache-control")).toBe("private, no-cache");
    await stale.arrayBuffer();
    const web = await get(`/portal/acme/download/${ids["logo.png"]}?rendition=web`, user);
    expect(web.headers.get("content-disposition")).toMatch(/filename="logo\.web\.jpg"/);
    await web.arrayBuffer();
    expect((await getPortalAsset(user.scope, ids["guide.pdf"]))?.renditionState).toBe("none");
  });

  it("gives a folder page the cards Prisma's query builder gives, renditions, dates and sizes included", async () => {
    for (const who of [admin, user])
      for (const folder of [PUB, PRIV, `${PUB}/sub`])
        for (const sort of SORTS)
          for (const dir of ["asc", "desc"] as const) {
            const got = await listFolderAssets(who.scope, folder, { sort, dir, page: 1 });
            const want = await db.portalAsset.findMany({
              where: { ...visible(who.scope), folderPath: folder },
              select: assetCardSelect,
              orderBy: [{ [sort]: dir }, { name: "asc" }],
              take: PAGE_SIZE,
            });
            expect(got.assets).toEqual(want.map(toCard));
            expect(got.total).toBe(want.length);
          }
    const [logoCard] = (await listFolderAssets(user.scope, PUB, { sort: "title", dir: "asc", page: 1 })).assets;
    expect(Object.keys(logoCard.renditions).sort()).toEqual(["thumbnail", "web"]);
  });

  it("streams a ZIP of a folder with every file intact, and of a selection", async () => {
    const res = await get(`/portal/acme/zip?folder=${encodeURIComponent(PUB)}`, user);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/filename="public\.zip"/);
    const dir = mkdtempSync(path.join(os.tmpdir(), "zip-"));
    const file = path.join(dir, "a.zip");
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const names = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n").sort();
    expect(names).toEqual(["logo.png", "naïve _quote_;x.png", "sub/guide.pdf"]);
    expect(sha(execFileSync("unzip", ["-p", file, "sub/guide.pdf"]))).toBe(sha(pdf));
    expect(sha(execFileSync("unzip", ["-p", file, "logo.png"]))).toBe(sha(logo));

    const sel = await get(`/portal/acme/zip`, admin, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
      body: new URLSearchParams([
        ["id", ids["secret.png"]],
        ["id", ids["logo.png"]],
      ]).toString(),
    });
    expect(sel.status).toBe(200);
    writeFileSync(file, Buffer.from(await sel.arrayBuffer()));
    expect(execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n")).toEqual([
      "secret.png",
      "logo.png",
    ]);
  });

  it("streams a collection as one ZIP named after it, with the members the viewer may see", async () => {
    const unzipNames = async (res: Response) => {
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), "zip-")), "c.zip");
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      return execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n").sort();
    };
    const asUser = await get(`/portal/acme/zip?collection=launch`, user);
    expect(asUser.status).toBe(200);
    expect(asUser.headers.get("content-disposition")).toMatch(/filename="launch\.zip"/);
    expect(await unzipNames(asUser)).toEqual(["logo.png"]); // its non-public member is not the user's
    expect(await unzipNames(await get(`/portal/acme/zip?collection=launch`, admin))).toEqual([
      "logo.png",
      "secret.png",
    ]);
    const check = await get(`/portal/acme/zip?check=1&collection=launch`, user);
    expect(await check.json()).toMatchObject({ ok: true, files: 1, fileName: "launch.zip" });

    // A collection for administrators only, and one whose members are all hidden from a user.
    const pub = publisher(server.url, "acme", ORG);
    await pub.collection("board", [`${PUB}/logo.png`], false);
    await pub.collection("vault", [`${PRIV}/secret.png`], true);
    try {
      expect((await get(`/portal/acme/zip?collection=board`, user)).status).toBe(404);
      expect(await unzipNames(await get(`/portal/acme/zip?collection=board`, admin))).toEqual(["logo.png"]);
      const empty = await get(`/portal/acme/zip?check=1&collection=vault`, user);
      expect(empty.status).toBe(404);
      expect((await empty.json()).message).toBe("This collection has no assets to download.");
      expect((await get(`/portal/acme/zip?collection=launch`, globexAdmin)).status).toBe(404);
      expect((await get(`/portal/acme/zip?collection=${encodeURIComponent("../launch")}`, admin)).status).toBe(400);
    } finally {
      // Straight from the table: a removal through the API would show in the publish report below.
      await db.portalCollection.deleteMany({ where: { name: { in: ["board", "vault"] } } });
    }
  });

  it("refuses ZIPs over the limits with a clear message, before any byte", async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `id${i}`);
    const res = await get(`/portal/acme/zip`, admin, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ ids: many }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).message).toBe(
      "A ZIP holds at most 5,000 files and this one would have 10,000: select fewer assets or download a subfolder.",
    );
    await expect(planZip(admin.scope, { folder: PUB }, { maxFiles: 2, maxBytes: 1e9 })).rejects.toThrow(
      /at most 2 files and this one would have 3/,
    );
    await expect(planZip(admin.scope, { folder: PUB }, { maxFiles: 10, maxBytes: 100 })).rejects.toThrow(
      /at most 100 B and this one would have/,
    );
    const check = await get(`/portal/acme/zip?check=1&folder=${encodeURIComponent(PUB)}`, user);
    expect(await check.json()).toMatchObject({ ok: true, files: 3, fileName: "public.zip" });
  });
});

describe("bad input", () => {
  it("refuses path traversal and encoded slashes in asset, rendition, folder and ZIP URLs", async () => {
    for (const p of [
      `/portal/acme/download/..%2F..%2Fetc%2Fpasswd`,
      `/portal/acme/download/${ids["logo.png"]}%2F..%2F${ids["secret.png"]}`,
      `/portal/acme/renditions/${ids["logo.png"]}/..%2Fthumbnail`,
      `/portal/acme/renditions/${ids["logo.png"]}/original`,
      `/portal/acme/zip?folder=${encodeURIComponent(`${PUB}/../internal`)}`,
      `/portal/acme/zip?folder=${encodeURIComponent(`${PUB}/%2E%2E/internal`)}`,
    ]) {
      const res = await get(p, user);
      expect([400, 404], p).toContain(res.status);
      expect(res.headers.get("content-type"), p).toMatch(/json/);
      await res.arrayBuffer();
    }
    // The asset page's id, with a traversal or an encoded slash in it, names no asset.
    for (const id of [`${ids["logo.png"]}/../${ids["secret.png"]}`, `..%2F${ids["secret.png"]}`, "../secret.png"])
      expect(await getPortalAsset(user.scope, id)).toBeNull();
    expect(folderPathOf(["public", ".."])).toBeNull();
    expect(folderPathOf(["public/../internal"])).toBeNull(); // an encoded slash, decoded by the router
    expect(folderPathOf(["public\\..\\internal"])).toBeNull();
    expect(folderPathOf(["public", "sub"])).toBe(`${PUB}/sub`);
  });

  it("signs nobody in to the portal with a console user's credentials", async () => {
    await createUser({ login: "console-admin", name: "C", role: "administrator", password: "console-password-1" });
    await expect(portalSignIn("acme", "console-admin", "console-password-1")).rejects.toThrow();
  });
});

describe("unpublishing and the publish report", () => {
  it("takes a removed asset and folder off every page, search and download", async () => {
    const pub = publisher(server.url, "acme", ORG);
    await pub.asset(`${PUB}/gone.png`, secret, { title: "Soon gone", public: true });
    const id = (await db.portalAsset.findFirstOrThrow({ where: { name: "gone.png" } })).id;
    await processPendingPortalRenditions();
    expect((await get(`/portal/acme/download/${id}`, user)).status).toBe(200);
    await pub.remove("assets", `${PUB}/gone.png`);
    expect((await get(`/portal/acme/download/${id}`, user)).status).toBe(404);
    expect((await get(`/portal/acme/renditions/${id}/thumbnail`, user)).status).toBe(404);
    expect(await getPortalAsset(admin.scope, id)).toBeNull();
    expect((await searchAssets(admin.scope, { q: "soon gone", page: 1 })).total).toBe(0);

    await pub.folder(`${PUB}/old`, "Old", true);
    await pub.asset(`${PUB}/old/a.png`, logo, { title: "Old A", public: true });
    const oldId = (await db.portalAsset.findFirstOrThrow({ where: { path: `${PUB}/old/a.png` } })).id;
    expect(await pub.remove("folders", `${PUB}/old`)).toMatchObject({ removed: { folders: 1, assets: 1 } });
    expect(await findFolder(admin.scope, `${PUB}/old`)).toBeNull();
    expect((await get(`/portal/acme/download/${oldId}`, admin)).status).toBe(404);
    expect((await get(`/portal/acme/zip?folder=${encodeURIComponent(`${PUB}/old`)}`, admin)).status).toBe(404);
  });

  it("reports arrivals and removals per day and per publication, with the client and organization", async () => {
    const r = await publishReport(acme.id);
    const today = new Date().toISOString().slice(0, 10);
    const day = r.series.find((d) => d.day === today)!;
    expect(r.series).toHaveLength(30);
    expect(day.arrived).toBe(6); // four in beforeAll, two in the test above
    expect(day.removed).toBe(2);
    expect(day.bytes).toBe(logo.length * 3 + pdf.length + secret.length * 2);
    expect(r.publications).toEqual([
      expect.objectContaining({
        publicationId: "pub-1",
        title: "Summer launch",
        clientId: "client-1",
        org: ORG,
        arrived: 6,
        removed: 2,
      }),
    ]);
    expect(r.removals.map((x) => [x.kind, x.path, x.assets])).toEqual([
      ["folder", `${PUB}/old`, 1],
      ["asset", `${PUB}/gone.png`, 1],
    ]);
    const a = await getPortalAsset(admin.scope, ids["logo.png"]);
    expect(a).toMatchObject({
      publishedBy: "client-1",
      publishedOrg: ORG,
      publication: { id: "pub-1", title: "Summer launch" },
    });
    expect((await publishReport(globex.id)).publications.map((p) => p.clientId)).toEqual(["client-g"]);
  });

  it("takes a removed collection off the landing page and its URL", async () => {
    const pub = publisher(server.url, "acme", ORG);
    await pub.collection("brief", [`${PUB}/logo.png`], true);
    expect((await listCollections(user.scope)).map((c) => c.name)).toEqual(["brief", "launch"]);
    expect(await pub.removeCollection("brief")).toMatchObject({ result: "deleted" });
    expect((await listCollections(admin.scope)).map((c) => c.name)).toEqual(["launch"]);
    expect(await getCollection(admin.scope, "brief", { sort: "name", dir: "asc", page: 1 })).toBeNull();
  });

  it("leads a portal user to a public folder whose parents arrived as Administrators only, showing them nothing else", async () => {
    const pub = publisher(server.url, "acme", ORG);
    const TOP = "/content/dam/campaigns";
    await pub.folder(TOP, "Campaigns", false);
    await pub.asset(`${TOP}/hidden.png`, secret, { title: "Hidden draft", public: false });
    await pub.folder(`${TOP}/2026`, "2026", false);
    await pub.folder(`${TOP}/2026/other`, "Other", false);
    await pub.folder(`${TOP}/2026/spring`, "Spring", true);
    await pub.asset(`${TOP}/2026/spring/flyer.png`, logo, { title: "Spring flyer", public: true });
    try {
      expect((await listSubfolders(user.scope, "/content/dam")).map((f) => f.title)).toEqual(["Campaigns", "Public"]);
      expect((await listSubfolders(user.scope, TOP)).map((f) => f.title)).toEqual(["2026"]);
      expect((await listSubfolders(user.scope, `${TOP}/2026`)).map((f) => f.title)).toEqual(["Spring"]);
      expect(await findFolder(user.scope, TOP)).toMatchObject({ title: "Campaigns" }); // its breadcrumb link works
      expect(await findFolder(user.scope, `${TOP}/2026/other`)).toBeNull();
      expect((await folderTree(user.scope, `${TOP}/2026/spring`)).map((f) => f.path)).toEqual([
        TOP,
        `${TOP}/2026`,
        `${TOP}/2026/spring`,
        PUB,
      ]);
      expect((await listFolderAssets(user.scope, TOP, { sort: "name", dir: "asc", page: 1 })).total).toBe(0);
      const spring = await listFolderAssets(user.scope, `${TOP}/2026/spring`, { sort: "name", dir: "asc", page: 1 });
      expect(spring.total).toBe(1);
    } finally {
      await pub.remove("folders", TOP);
    }
  });

  it("applies a changed Public Folder Publish flag to later publications only", async () => {
    const pub = publisher(server.url, "acme", ORG);
    await pub.asset(`${PUB}/flip.png`, logo, { title: "Flip", public: true });
    const id = (await db.portalAsset.findFirstOrThrow({ where: { name: "flip.png" } })).id;
    expect((await getPortalAsset(user.scope, id))?.title).toBe("Flip");
    // The configuration's flag turned off, the asset published again: Portal users lose it.
    await pub.asset(`${PUB}/flip.png`, logo, { title: "Flip", public: false }, { version: 2 });
    expect(await getPortalAsset(user.scope, id)).toBeNull();
    expect((await get(`/portal/acme/download/${id}`, user)).status).toBe(404);
    expect((await searchAssets(user.scope, { q: "flip", page: 1 })).total).toBe(0);
    expect((await getPortalAsset(admin.scope, id))?.isPublic).toBe(false);
    // Assets published earlier keep the flag they were published with.
    expect((await getPortalAsset(user.scope, ids["logo.png"]))?.title).toBe("Brand logo");
    await pub.remove("assets", `${PUB}/flip.png`);
  });
});
