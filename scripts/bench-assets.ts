// `npm run bench:assets`: seeds 100,000 assets in 1,000 folders (metadata only, one shared blob)
// into a scratch SQLite database in a temp data dir, then measures the server time of the
// functions the Assets console's routes call: a folder page, a search over all assets, and the
// asset details lookup. Prints p50/p95 per operation and the seeding time.
// Run with react-server conditions (lib modules import "server-only"); see package.json.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { Readable } from "node:stream";

const FOLDERS = Number(process.env.BENCH_FOLDERS ?? 1000);
const PER_FOLDER = Number(process.env.BENCH_PER_FOLDER ?? 100);
const BATCH = 1000;

// BENCH_DIR reuses a seeded data dir (to iterate on queries); by default a fresh temp dir is removed at the end.
const dir = process.env.BENCH_DIR ?? mkdtempSync(path.join(os.tmpdir(), "outpost-bench-"));
const keep = !!process.env.BENCH_DIR;
mkdirSync(dir, { recursive: true });
process.env.OUTPOST_DATA_DIR = dir;
process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? `file:${path.join(dir, "bench.db")}`;

const WORDS = [
  "aurora",
  "harbor",
  "summit",
  "meadow",
  "canyon",
  "lagoon",
  "ember",
  "willow",
  "quartz",
  "delta",
  "falcon",
  "orchid",
  "mosaic",
  "prism",
  "cedar",
  "tundra",
  "breeze",
  "lantern",
  "atlas",
  "coral",
];
const TYPES = [
  ["jpg", "image/jpeg"],
  ["png", "image/png"],
  ["pdf", "application/pdf"],
  ["mp4", "video/mp4"],
] as const;

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function time<T>(label: string, n: number, fn: (i: number) => Promise<T>) {
  for (let i = 0; i < 5; i++) await fn(i); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  console.log(
    `${label.padEnd(34)} p50 ${pct(ms, 50).toFixed(1).padStart(6)} ms   p95 ${pct(ms, 95).toFixed(1).padStart(6)} ms   (${n} runs)`,
  );
  return { p50: pct(ms, 50), p95: pct(ms, 95) };
}

async function main() {
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(process.env.DATABASE_URL!);
  const { db } = await import("@/lib/db");
  const { ensureDamRoot } = await import("@/lib/assets/folders");
  const { listFolder } = await import("@/lib/assets/browse");
  const { searchAssets } = await import("@/lib/assets/search");
  const { getAssetDetails } = await import("@/lib/assets/details");
  const { assetBlobs } = await import("@/lib/storage/stores");
  const { sql, join, raw } = await import("@/lib/assets/sql");

  const t0 = performance.now();
  const existing = await db.folder.findMany({
    where: { parentId: (await db.folder.findUnique({ where: { path: "/content/dam/bench" } }))?.id ?? "-" },
    select: { path: true },
  });
  const folders = existing.length ? existing : await seed();
  const seedMs = performance.now() - t0;
  const total = await db.asset.count();
  console.log(
    `\n${existing.length ? "Reused" : "Seeded"} ${total.toLocaleString("en")} assets in ${folders.length.toLocaleString("en")} folders${existing.length ? "" : ` in ${(seedMs / 1000).toFixed(1)} s`} (${process.env.BENCH_DATABASE_URL ? "PostgreSQL" : "SQLite"})\n`,
  );

  async function seed() {
    const root = await ensureDamRoot();
    const blob = await assetBlobs.write(Readable.from([Buffer.from("shared bench blob")]));
    await db.blob.create({ data: { sha256: blob.sha256, size: BigInt(blob.size) } });
    const base = await db.folder.create({
      data: { path: "/content/dam/bench", name: "bench", title: "Bench", parentId: root.id },
    });
    const folders = Array.from({ length: FOLDERS }, (_, i) => {
      const name = `folder-${String(i + 1).padStart(4, "0")}`;
      return {
        id: randomUUID(),
        path: `/content/dam/bench/${name}`,
        name,
        title: `Folder ${i + 1}`,
        parentId: base.id,
      };
    });
    await db.$transaction(async (tx) => {
      for (let i = 0; i < folders.length; i += BATCH) await tx.folder.createMany({ data: folders.slice(i, i + BATCH) });
    });
    const now = Date.now();
    const publisher = await db.user.create({
      data: { login: `bench-${randomUUID().slice(0, 8)}`, name: "Bench Publisher", role: "author", passwordHash: "x" },
    });
    let assets: Record<string, unknown>[] = [];
    let versions: Record<string, unknown>[] = [];
    const flush = async () => {
      const [a, v] = [assets, versions];
      [assets, versions] = [[], []];
      // Multi-row INSERTs in one transaction per batch: ~3x faster than createMany through the driver adapter.
      await db.$transaction([insertRows("Asset", a), insertRows("AssetVersion", v)]);
    };
    let n = 0;
    for (const f of folders) {
      for (let j = 0; j < PER_FOLDER; j++, n++) {
        const [ext, mimeType] = TYPES[n % TYPES.length];
        const name = `asset-${String(n + 1).padStart(6, "0")}.${ext}`;
        const title = `${WORDS[n % WORDS.length]} ${WORDS[(n * 7 + 3) % WORDS.length]} ${n + 1}`;
        const id = randomUUID();
        const size = BigInt(10_000 + ((n * 7919) % 5_000_000));
        const image = ext === "jpg" || ext === "png";
        const at = new Date(now - n * 60_000);
        assets.push({
          id,
          path: `${f.path}/${name}`,
          name,
          title: title[0].toUpperCase() + title.slice(1),
          searchText: `${name} ${title}`.toLowerCase(),
          folderId: f.id,
          mimeType,
          size,
          sha256: blob.sha256,
          width: image ? 1200 : null,
          height: image ? 800 : null,
          renditionState: "none",
          createdAt: at,
          updatedAt: at,
          // Brand Portal states: 1 % failed, 2 % pending, 30 % published, the rest never published.
          ...bpSeed(n, at, publisher.id),
        });
        versions.push({
          id: randomUUID(),
          assetId: id,
          version: 1,
          sha256: blob.sha256,
          size,
          mimeType,
          createdAt: at,
        });
        if (assets.length >= BATCH) await flush();
      }
    }
    if (assets.length) await flush();
    return folders;
  }

  function bpSeed(n: number, at: Date, by: string) {
    if (n % 100 === 7) return { bpState: "failed", bpAt: at, bpBy: by };
    if (n % 50 === 3) return { bpState: "pending", bpAt: null, bpBy: null };
    if (n % 10 < 3) return { bpState: "published", bpAt: at, bpBy: by };
    return { bpState: null, bpAt: null, bpBy: null };
  }

  function insertRows(table: string, rows: Record<string, unknown>[]) {
    const cols = Object.keys(rows[0]);
    const values = rows.map((r) => sql`(${join(cols.map((c) => r[c]))})`);
    return db.$executeRaw`INSERT INTO ${raw(`"${table}"`)} (${raw(cols.map((c) => `"${c}"`).join(", "))}) VALUES ${join(values)}`;
  }

  const pick = <T>(xs: readonly T[], i: number) => xs[(i * 2654435761) % xs.length];
  const sorts = ["name", "modified", "title", "size", "type"] as const;
  await time("folder page (50 of 100, sorted)", 300, (i) =>
    listFolder({
      path: pick(folders, i).path,
      sort: sorts[i % sorts.length],
      dir: i % 2 ? "desc" : "asc",
      offset: 0,
      limit: 50,
    }),
  );
  await time("search all assets (1 word)", 100, (i) =>
    searchAssets({ path: "/content/dam", q: pick(WORDS, i), sort: "name", dir: "asc", offset: 0, limit: 50 }),
  );
  await time("search all assets (2 words)", 100, (i) =>
    searchAssets({
      path: "/content/dam",
      q: `${pick(WORDS, i)} ${pick(WORDS, i + 1)}`,
      sort: "modified",
      dir: "desc",
      offset: 0,
      limit: 50,
    }),
  );
  await time("search in one folder", 100, (i) =>
    searchAssets({ path: pick(folders, i).path, q: pick(WORDS, i), sort: "name", dir: "asc", offset: 0, limit: 50 }),
  );
  await time("filter all assets: failed", 100, (i) =>
    searchAssets({
      path: "/content/dam",
      q: "",
      bp: "failed",
      sort: sorts[i % sorts.length],
      dir: "asc",
      offset: 0,
      limit: 50,
    }),
  );
  await time("filter all assets: pending", 100, (i) =>
    searchAssets({
      path: "/content/dam",
      q: "",
      bp: "pending",
      sort: "name",
      dir: i % 2 ? "desc" : "asc",
      offset: 0,
      limit: 50,
    }),
  );
  await time("filter all assets: not published", 100, (i) =>
    searchAssets({
      path: "/content/dam",
      q: "",
      bp: "not-published",
      sort: "name",
      dir: i % 2 ? "desc" : "asc",
      offset: 0,
      limit: 50,
    }),
  );
  await time("filter all: published, by modified", 100, (i) =>
    searchAssets({
      path: "/content/dam",
      q: "",
      bp: "published",
      sort: "modified",
      dir: i % 2 ? "desc" : "asc",
      offset: 0,
      limit: 50,
    }),
  );
  await time("filter one folder: published", 100, (i) =>
    searchAssets({
      path: pick(folders, i).path,
      q: "",
      bp: "published",
      sort: "name",
      dir: "asc",
      offset: 0,
      limit: 50,
    }),
  );
  await time("search + filter (1 word, failed)", 100, (i) =>
    searchAssets({
      path: "/content/dam",
      q: pick(WORDS, i),
      bp: "failed",
      sort: "name",
      dir: "asc",
      offset: 0,
      limit: 50,
    }),
  );
  await time("asset details", 300, (i) =>
    getAssetDetails({
      path: `${pick(folders, i).path}/asset-${String(((i * 7919) % total) + 1).padStart(6, "0")}.${TYPES[((i * 7919) % total) % TYPES.length][0]}`,
    }),
  );

  await db.$disconnect();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  if (!keep) rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
