// `npm run bench:portal`: seeds a tenant with 100,000 published assets in 1,000 folders (metadata
// rows, half of them public) into a scratch database, then measures what the portal's pages call:
// a folder page (tree, subfolders, one sorted page of assets), a search over everything the viewer
// may see, and an asset page, for a Portal administrator and a Portal user; then streams a 1 GB
// ZIP through the real ZIP route on a real HTTP server and reports its speed and how much the
// process's resident memory grew. `--database postgresql://…` (or BENCH_DATABASE_URL) for PostgreSQL.
// Run with react-server conditions (lib modules import "server-only"); see package.json.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import { randomBytes, randomUUID } from "node:crypto";
import { Readable } from "node:stream";

const FOLDERS = Number(process.env.BENCH_FOLDERS ?? 1000);
const PER_FOLDER = Number(process.env.BENCH_PER_FOLDER ?? 100);
const ZIP_MB = Number(process.env.BENCH_ZIP_MB ?? 1024);
const BATCH = 500;

const argDb = process.argv.indexOf("--database");
const dbUrl = argDb > 0 ? process.argv[argDb + 1] : process.env.BENCH_DATABASE_URL;
const dir = mkdtempSync(path.join(os.tmpdir(), "outpost-bench-portal-"));
mkdirSync(dir, { recursive: true });
process.env.OUTPOST_DATA_DIR = dir;
process.env.OUTPOST_WORKERS = "off";
process.env.DATABASE_URL = dbUrl ?? `file:${path.join(dir, "bench.db")}`;

const WORDS = ["aurora", "harbor", "summit", "meadow", "canyon", "lagoon", "ember", "willow", "quartz", "delta"];
const WORDS2 = ["falcon", "orchid", "mosaic", "prism", "cedar", "tundra", "breeze", "lantern", "atlas", "coral"];
const TYPES = [
  ["jpg", "image/jpeg"],
  ["png", "image/png"],
  ["pdf", "application/pdf"],
  ["mp4", "video/mp4"],
] as const;

const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function time(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn(i); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  console.log(
    `${label.padEnd(40)} p50 ${pct(ms, 50).toFixed(1).padStart(6)} ms   p95 ${pct(ms, 95).toFixed(1).padStart(6)} ms   (${n} runs)`,
  );
}

async function main() {
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(process.env.DATABASE_URL!);
  const { db } = await import("@/lib/db");
  const { sql, join, raw } = await import("@/lib/assets/sql");
  const { createTenant } = await import("@/lib/portal/tenants");
  const { findFolder, folderTree, listFolderAssets, listSubfolders } = await import("@/lib/portal/browse");
  const { searchAssets } = await import("@/lib/portal/search");
  const { getPortalAsset } = await import("@/lib/portal/asset-page");
  const { portalBlobs } = await import("@/lib/storage/stores");

  const tenant = await createTenant({ name: "Bench", slug: `bench-${Date.now()}`, orgTechId: "BENCH00000@OutpostOrg" });
  const admin = { tenantId: tenant.id, role: "admin" as const };
  const user = { tenantId: tenant.id, role: "user" as const };
  const insert = (table: string, rows: Record<string, unknown>[]) => {
    const cols = Object.keys(rows[0]);
    const values = rows.map((r) => sql`(${join(cols.map((c) => r[c]))})`);
    return db.$executeRaw`INSERT INTO ${raw(`"${table}"`)} (${raw(cols.map((c) => `"${c}"`).join(", "))}) VALUES ${join(values)}`;
  };

  // 10 top-level folders with 100 subfolders each (the assets live in the 1,000 subfolders).
  const t0 = performance.now();
  const now = Date.now();
  const tops = Array.from({ length: Math.ceil(FOLDERS / 100) }, (_, i) => `/content/dam/region-${i + 1}`);
  const folders: { path: string; isPublic: boolean }[] = [];
  const folderRows: Record<string, unknown>[] = tops.map((p, i) => ({
    id: randomUUID(),
    tenantId: tenant.id,
    path: p,
    parentPath: "/content/dam",
    title: `Region ${i + 1}`,
    metadata: "{}",
    isPublic: true,
    updatedAt: new Date(now),
  }));
  for (let i = 0; i < FOLDERS; i++) {
    const p = `${tops[Math.floor(i / 100)]}/campaign-${String(i + 1).padStart(4, "0")}`;
    const isPublic = i % 2 === 0;
    folders.push({ path: p, isPublic });
    folderRows.push({
      id: randomUUID(),
      tenantId: tenant.id,
      path: p,
      parentPath: p.slice(0, p.lastIndexOf("/")),
      title: `Campaign ${i + 1}`,
      metadata: "{}",
      isPublic,
      updatedAt: new Date(now),
    });
  }
  for (let i = 0; i < folderRows.length; i += BATCH) await insert("PortalFolder", folderRows.slice(i, i + BATCH));
  const sha = "0".repeat(64);
  let rows: Record<string, unknown>[] = [];
  const ids: string[] = [];
  let n = 0;
  for (const f of folders) {
    for (let j = 0; j < PER_FOLDER; j++, n++) {
      const [ext, mimeType] = TYPES[n % TYPES.length];
      const name = `asset-${String(n + 1).padStart(6, "0")}.${ext}`;
      const title = `${WORDS[n % 10]} ${WORDS2[(n * 7 + 3) % 10]} ${n + 1}`;
      const id = randomUUID();
      if (n % 97 === 0) ids.push(id);
      const at = new Date(now - n * 60_000);
      rows.push({
        id,
        tenantId: tenant.id,
        path: `${f.path}/${name}`,
        folderPath: f.path,
        name,
        title,
        searchText: `${name} ${title} brand asset ${mimeType}`.toLowerCase(),
        metadata: JSON.stringify({ description: "", tags: ["brand"], creator: "", width: 1200, height: 800 }),
        sha256: sha,
        size: BigInt(10_000 + ((n * 7919) % 5_000_000)),
        mimeType,
        version: 1,
        isPublic: f.isPublic,
        publishedAt: at,
        updatedAt: at,
        renditionState: "none",
      });
      if (rows.length >= BATCH) {
        await insert("PortalAsset", rows);
        rows = [];
      }
    }
  }
  if (rows.length) await insert("PortalAsset", rows);
  // PostgreSQL's autovacuum analyzes a table soon after a bulk load; queries made right after it,
  // without statistics, would be planned blind, as no running installation's are.
  if (dbUrl) await db.$executeRawUnsafe(`ANALYZE "PortalAsset", "PortalFolder"`);
  const provider = dbUrl ? "PostgreSQL" : "SQLite";
  console.log(
    `\nSeeded ${n.toLocaleString("en")} published assets in ${folders.length.toLocaleString("en")} folders in ${((performance.now() - t0) / 1000).toFixed(1)} s (${provider})\n`,
  );

  const pick = <T>(xs: readonly T[], i: number) => xs[(i * 2654435761) % xs.length];
  const sorts = ["name", "title", "publishedAt", "size", "mimeType"] as const;
  for (const [who, v] of [
    ["admin", admin],
    ["user", user],
  ] as const) {
    const visibleFolders = who === "admin" ? folders : folders.filter((f) => f.isPublic);
    await time(`folder page (${who}, 48 of 100, sorted)`, 200, async (i) => {
      const p = pick(visibleFolders, i).path;
      const folder = await findFolder(v, p);
      if (!folder) throw new Error(`folder ${p} not found`);
      const q = { sort: sorts[i % sorts.length], dir: i % 2 ? ("desc" as const) : ("asc" as const), page: 1 + (i % 2) };
      await Promise.all([folderTree(v, p), listSubfolders(v, p), listFolderAssets(v, p, q)]);
    });
    await time(`landing page (${who}, 10 folders)`, 100, async () => {
      await Promise.all([
        folderTree(v, "/content/dam"),
        listSubfolders(v, "/content/dam"),
        listFolderAssets(v, "/content/dam", { sort: "name", dir: "asc", page: 1 }),
      ]);
    });
    await time(`search, one word (${who})`, 60, (i) => searchAssets(v, { q: pick(WORDS2, i), page: 1 }));
    await time(`search, two words + type (${who})`, 60, (i) =>
      searchAssets(v, { q: `${pick(WORDS, i)} ${pick(WORDS2, i + 3)}`, type: "image", page: 1 }),
    );
    // A rare word (one asset's number): the case where reading rows in date order finds nothing
    // to stop at, so only an index over the words keeps it fast.
    await time(`search, one asset's number (${who})`, 60, (i) =>
      searchAssets(v, { q: String(1 + ((i * 7919) % n)).padStart(6, "0"), page: 1 }),
    );
    await time(`asset page (${who})`, 300, (i) => getPortalAsset(v, pick(ids, i)));
  }

  // ZIP: 1 GB streamed through the real route (the portal's session, archiver, the blob store).
  const { serveRoutes } = await import("./support/route-server");
  // The route's own work (plan, archive, response); the session check in front of it is one lookup.
  const { zipResponse } = await import("@/lib/portal/zip-response");
  const CHUNK_MB = 64;
  const distinct = 4;
  const blobs: { sha256: string; size: number }[] = [];
  for (let b = 0; b < distinct; b++) {
    const chunk = randomBytes(1024 * 1024);
    blobs.push(
      await portalBlobs.write(
        Readable.from(
          (function* () {
            for (let k = 0; k < CHUNK_MB; k++)
              yield Buffer.concat([chunk, Buffer.from([b, k])]).subarray(0, 1024 * 1024);
          })(),
        ),
      ),
    );
  }
  const zipRows = Array.from({ length: Math.ceil(ZIP_MB / CHUNK_MB) }, (_, i) => {
    const b = blobs[i % distinct];
    return {
      id: randomUUID(),
      tenantId: tenant.id,
      path: `/content/dam/zip/big-${i + 1}.bin`,
      folderPath: "/content/dam/zip",
      name: `big-${i + 1}.bin`,
      title: `Big ${i + 1}`,
      searchText: "big",
      metadata: "{}",
      sha256: b.sha256,
      size: BigInt(b.size),
      mimeType: "application/octet-stream",
      version: 1,
      isPublic: true,
      publishedAt: new Date(),
      updatedAt: new Date(),
      renditionState: "none",
    };
  });
  await insert("PortalAsset", zipRows);
  await insert("PortalFolder", [
    {
      id: randomUUID(),
      tenantId: tenant.id,
      path: "/content/dam/zip",
      parentPath: "/content/dam",
      title: "Zip",
      metadata: "{}",
      isPublic: true,
      updatedAt: new Date(),
    },
  ]);
  const server = await serveRoutes({
    "/portal/:tenant/zip": { GET: ((req: Request) => zipResponse(req, admin)) as never },
  });
  const once = () =>
    new Promise<{ bytes: number; ms: number; peakRss: number }>((resolve, reject) => {
      const t = performance.now();
      let bytes = 0;
      let peakRss = process.memoryUsage.rss();
      http
        .get(`${server.url}/portal/${tenant.slug}/zip?folder=%2Fcontent%2Fdam%2Fzip`, {}, (res) => {
          if (res.statusCode !== 200) return reject(new Error(`ZIP answered ${res.statusCode}`));
          res.on("data", (c: Buffer) => {
            bytes += c.length;
            if ((bytes & 0x3ffffff) < c.length) peakRss = Math.max(peakRss, process.memoryUsage.rss());
          });
          res.on("end", () =>
            resolve({ bytes, ms: performance.now() - t, peakRss: Math.max(peakRss, process.memoryUsage.rss()) }),
          );
          res.on("error", reject);
        })
        .on("error", reject);
    });
  await once(); // warm: the blobs in the page cache, code paths compiled
  global.gc?.();
  const before = process.memoryUsage.rss();
  const r = await once();
  const mbs = r.bytes / 1024 / 1024 / (r.ms / 1000);
  console.log(
    `\nzip: ${mbs.toFixed(0)} MB/s, rss growth ${((r.peakRss - before) / 1024 / 1024).toFixed(1)} MB   (${(r.bytes / 1024 / 1024).toFixed(0)} MB in ${(r.ms / 1000).toFixed(2)} s, ${zipRows.length} files)`,
  );
  await server.close();
  await db.$disconnect();
}

main()
  .then(() => rmSync(dir, { recursive: true, force: true }))
  .catch((e) => {
    console.error(e);
    rmSync(dir, { recursive: true, force: true });
    process.exit(1);
  });
