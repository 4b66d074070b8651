import { describe, it, expect } from "vitest";
import { db } from "@/lib/db";
import { ensureDamRoot } from "@/lib/assets/folders";
import { seedDemoContent } from "@/lib/assets/demo/seed-demo";
import { startRenditionWorker } from "@/lib/assets/rendition-queue";
import { assetBlobs } from "@/lib/storage/stores";

// A fresh database per file (tests/support/setup.ts): this one starts without assets.

describe("demo content", () => {
  it("creates the sample tree once, even when two nodes start together", async () => {
    await Promise.all([ensureDamRoot(), ensureDamRoot()]);
    expect(await db.folder.count({ where: { path: "/content/dam" } })).toBe(1);
    const started = Date.now();
    await Promise.all([seedDemoContent(), seedDemoContent()]);
    console.log(`[demo] seeded in ${Date.now() - started} ms`);
    await seedDemoContent(); // a restart: nothing new
    const folders = await db.folder.findMany({
      where: { path: { startsWith: "/content/dam/outpost-demo" } },
      select: { path: true },
    });
    expect(folders.map((f) => f.path).sort()).toEqual([
      "/content/dam/outpost-demo",
      "/content/dam/outpost-demo/brand",
      "/content/dam/outpost-demo/campaigns",
      "/content/dam/outpost-demo/campaigns/spring-2026",
      "/content/dam/outpost-demo/landscapes",
      "/content/dam/outpost-demo/products",
    ]);
    expect(await db.asset.count({ where: { mimeType: { in: ["image/jpeg", "image/png"] } } })).toBe(30);
    const pdf = await db.asset.findUniqueOrThrow({
      where: { path: "/content/dam/outpost-demo/brand/brand-guidelines.pdf" },
    });
    expect(pdf.mimeType).toBe("application/pdf");
    const head = await new Promise<Buffer>((resolve) =>
      assetBlobs.open(pdf.sha256, { start: 0, end: 7 }).on("data", (c) => resolve(c as Buffer)),
    );
    expect(head.toString("latin1")).toBe("%PDF-1.4");
    const c = await db.collection.findUniqueOrThrow({
      where: { name: "outpost-demo-highlights" },
      include: { _count: { select: { members: true } } },
    });
    expect(c._count.members).toBeGreaterThan(5);
    expect(await db.assetVersion.count()).toBe(31);
  });

  it("the rendition worker makes the thumbnails in the background and stops cleanly", async () => {
    const stop = startRenditionWorker();
    await expect
      .poll(() => db.asset.count({ where: { renditionState: "pending" } }), { timeout: 30_000, interval: 200 })
      .toBe(0);
    await stop();
    expect(await db.asset.count({ where: { renditionState: "ready" } })).toBe(30);
    expect(await db.asset.count({ where: { renditionState: "none" } })).toBe(1);
    expect(await db.rendition.count()).toBe(60);
  }, 60_000);
});
