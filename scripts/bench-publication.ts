// npm run bench:publication [-- --assets 10000] [--scheduled 50] [--spread 20] [--runs 3] [--database postgresql://…]
//
// Two figures of publishing:
// - accept: publishing one folder of --assets assets (metadata only), from the action's call to
//   its answer: the scope expanded, the Publication and one job per item written in one
//   transaction, spread over four agents. Median of --runs runs (the queue emptied between runs).
// - lateness: --scheduled publications scheduled at random times over the next --spread seconds,
//   started by the real scheduler on the system clock; lateness = start − activation time, p50
//   and p99. No agent runs: both figures are the console's own work.
// Runs under node --conditions=react-server (lib modules import "server-only").
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { arg } from "./support/args";

const ASSETS = Number(arg("assets", "10000"));
const SCHEDULED = Number(arg("scheduled", "50"));
const SPREAD_S = Number(arg("spread", "20"));
const RUNS = Math.max(1, Number(arg("runs", "3")));

const dir = mkdtempSync(path.join(os.tmpdir(), "outpost-bench-publication-"));
Object.assign(process.env, {
  OUTPOST_DATA_DIR: dir,
  DATABASE_URL: arg("database", `file:${path.join(dir, "console.db")}`),
  OUTPOST_WORKERS: "off",
  OUTPOST_DEMO_CONTENT: "off",
});

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(process.env.DATABASE_URL!);
  const { db } = await import("@/lib/db");
  const { createConfig } = await import("@/lib/cloud-services/create-config");
  const { publishNow, schedulePublication } = await import("@/lib/publication/create-publication");
  const { startScheduler } = await import("@/lib/publication/scheduler");

  // A complete configuration (publishing refuses an incomplete one); no agent runs, so nothing is sent.
  const cfg = await createConfig({ title: "Bench", name: "bench" });
  await db.brandPortalConfig.update({
    where: { id: cfg.id },
    data: { tenantUrl: "http://127.0.0.1:9/portal/bench", gatewayUrl: "http://127.0.0.1:9/gateway", clientId: "bench" },
  });
  const user = await db.user.create({ data: { login: "bench", name: "Bench", role: "author", passwordHash: "x" } });
  const root = await db.folder.create({ data: { path: "/content/dam/bench", name: "bench", title: "Bench" } });
  const t0 = performance.now();
  const now = new Date();
  for (let i = 0; i < ASSETS; i += 1000) {
    await db.asset.createMany({
      data: Array.from({ length: Math.min(1000, ASSETS - i) }, (_, k) => {
        const name = `asset-${String(i + k).padStart(6, "0")}.jpg`;
        return {
          path: `${root.path}/${name}`,
          name,
          title: name,
          searchText: name,
          folderId: root.id,
          mimeType: "image/jpeg",
          size: BigInt(262_144),
          sha256: "0".repeat(64),
          createdAt: now,
          updatedAt: now,
        };
      }),
    });
  }
  const provider = process.env.DATABASE_URL!.startsWith("postgres") ? "PostgreSQL" : "SQLite";
  console.log(
    `Seeded ${ASSETS.toLocaleString("en")} assets in ${((performance.now() - t0) / 1000).toFixed(1)} s (${provider})`,
  );

  const accept: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    await db.replicationJob.deleteMany();
    await db.asset.updateMany({ data: { bpState: null } });
    const t = performance.now();
    const out = await publishNow({ action: "publish", items: [{ kind: "folder", id: root.id }], userId: user.id });
    const ms = performance.now() - t;
    accept.push(ms);
    console.log(`  run ${r + 1}: ${out.jobs.toLocaleString("en")} jobs accepted in ${ms.toFixed(0)} ms`);
  }
  accept.sort((a, b) => a - b);
  console.log(`accept ${ASSETS}: ${pct(accept, 50).toFixed(0)} ms (median of ${RUNS})`);

  await db.replicationJob.deleteMany();
  const one = await db.asset.findFirstOrThrow({ where: { folderId: root.id }, select: { id: true } });
  const scheduler = startScheduler();
  const base = Date.now() + 3_000;
  const pubs = [];
  for (let i = 0; i < SCHEDULED; i++) {
    const at = new Date(base + Math.floor(Math.random() * SPREAD_S * 1000));
    pubs.push(
      await schedulePublication({
        action: "publish",
        items: [{ kind: "asset", id: one.id }],
        userId: user.id,
        title: `Later ${i}`,
        activationDate: at.toISOString(),
      }),
    );
  }
  const ids = pubs.map((p) => p.id);
  while ((await db.publication.count({ where: { id: { in: ids }, state: "scheduled" } })) > 0)
    await new Promise((r) => setTimeout(r, 500));
  await scheduler.stop();
  const rows = await db.publication.findMany({
    where: { id: { in: ids } },
    select: { scheduledAt: true, startedAt: true },
  });
  const late = rows.map((r) => r.startedAt!.getTime() - r.scheduledAt!.getTime()).sort((a, b) => a - b);
  console.log(
    `${SCHEDULED} publications over ${SPREAD_S} s: lateness p50: ${pct(late, 50)} ms, max ${late[late.length - 1]} ms`,
  );
  console.log(`lateness p50: ${pct(late, 50)} ms`);
  console.log(`lateness p99: ${pct(late, 99)} ms`);
  await db.$disconnect();
}
