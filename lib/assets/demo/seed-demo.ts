import "server-only";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { DAM_ROOT } from "@/lib/assets/names";
import { demoImage } from "@/lib/assets/demo/images";
import { demoPdf } from "@/lib/assets/demo/pdf";
import { kickRenditions } from "@/lib/assets/rendition-kick";
import { assetBlobs } from "@/lib/storage/stores";

// The sample tree a newcomer finds on a new database: /content/dam/outpost-demo with subfolders,
// 30 generated pictures, a PDF and a collection. Made in about a second; the renditions follow
// in the background. Several nodes starting together: the first transaction wins, the others
// collide on the folder's unique path and leave it be.

const ROOT = `${DAM_ROOT}/outpost-demo`;
const FOLDERS = [
  { path: ROOT, title: "Outpost demo" },
  { path: `${ROOT}/landscapes`, title: "Landscapes" },
  { path: `${ROOT}/products`, title: "Products" },
  { path: `${ROOT}/campaigns`, title: "Campaigns" },
  { path: `${ROOT}/campaigns/spring-2026`, title: "Spring 2026" },
  { path: `${ROOT}/brand`, title: "Brand" },
];
const SETS = [
  {
    folder: `${ROOT}/landscapes`,
    count: 10,
    stem: "landscape",
    words: ["Aurora", "Dune", "Lagoon", "Glacier", "Canyon", "Meadow", "Fjord", "Mesa", "Delta", "Tundra"],
    tags: ["landscape", "nature"],
  },
  {
    folder: `${ROOT}/products`,
    count: 8,
    stem: "product",
    words: ["Lamp", "Chair", "Kettle", "Speaker", "Watch", "Backpack", "Bottle", "Headphones"],
    tags: ["product", "catalogue"],
  },
  {
    folder: `${ROOT}/campaigns/spring-2026`,
    count: 8,
    stem: "spring",
    words: ["Bloom", "Sunrise", "Breeze", "Petal", "Orchard", "Rain", "Sprout", "Horizon"],
    tags: ["campaign", "spring-2026"],
  },
  {
    folder: `${ROOT}/brand`,
    count: 4,
    stem: "pattern",
    words: ["Primary", "Secondary", "Accent", "Neutral"],
    tags: ["brand", "pattern"],
  },
];

export async function seedDemoContent(): Promise<void> {
  if ((await db.asset.count()) > 0 || (await db.folder.count({ where: { path: ROOT } })) > 0) return;
  const started = Date.now();
  const root = await db.folder.findUnique({ where: { path: DAM_ROOT }, select: { id: true } });
  if (!root) return;

  type Planned = {
    folder: string;
    name: string;
    title: string;
    tags: string[];
    data: Buffer;
    mimeType: string;
    width: number | null;
    height: number | null;
    description: string;
  };
  const planned: Planned[] = [];
  let n = 0;
  for (const set of SETS) {
    const images = await Promise.all(Array.from({ length: set.count }, (_, i) => demoImage(n + i)));
    images.forEach((img, i) => {
      const num = String(i + 1).padStart(2, "0");
      planned.push({
        folder: set.folder,
        name: `${set.stem}-${num}.${img.ext}`,
        title: `${set.words[i]} ${num}`,
        tags: set.tags,
        data: img.data,
        mimeType: img.ext === "png" ? "image/png" : "image/jpeg",
        width: img.width,
        height: img.height,
        description: `Generated demo picture of the ${set.tags[0]} set.`,
      });
    });
    n += set.count;
  }
  planned.push({
    folder: `${ROOT}/brand`,
    name: "brand-guidelines.pdf",
    title: "Brand guidelines",
    tags: ["brand", "guidelines"],
    mimeType: "application/pdf",
    width: null,
    height: null,
    description: "Colours and tone of the demo brand.",
    data: demoPdf("Outpost brand guidelines", [
      "Colours, type and tone for the demo campaigns.",
      "Primary blue, green, orange and red.",
      "Generated locally by Outpost for the demo content.",
    ]),
  });

  const blobs = await Promise.all(planned.map((p) => assetBlobs.write(Readable.from([p.data]))));
  const folderIds = new Map<string, string>([[DAM_ROOT, root.id]]);
  for (const f of FOLDERS) folderIds.set(f.path, randomUUID());
  const assets = planned.map((p, i) => ({
    ...p,
    id: randomUUID(),
    sha256: blobs[i].sha256,
    size: BigInt(blobs[i].size),
  }));
  try {
    await db.$transaction(async (tx) => {
      for (const f of FOLDERS) {
        const parent = f.path.slice(0, f.path.lastIndexOf("/"));
        await tx.folder.create({
          data: {
            id: folderIds.get(f.path),
            path: f.path,
            name: f.path.slice(parent.length + 1),
            title: f.title,
            parentId: folderIds.get(parent),
          },
        });
      }
      for (const b of blobs)
        await tx.blob.upsert({
          where: { sha256: b.sha256 },
          create: { sha256: b.sha256, size: BigInt(b.size) },
          update: {},
        });
      await tx.asset.createMany({
        data: assets.map((a) => ({
          id: a.id,
          path: `${a.folder}/${a.name}`,
          name: a.name,
          title: a.title,
          searchText: `${a.name} ${a.title}`.toLowerCase(),
          description: a.description,
          tags: JSON.stringify(a.tags),
          creator: "Outpost demo",
          folderId: folderIds.get(a.folder)!,
          mimeType: a.mimeType,
          size: a.size,
          sha256: a.sha256,
          width: a.width,
          height: a.height,
        })),
      });
      await tx.assetVersion.createMany({
        data: assets.map((a) => ({ assetId: a.id, version: 1, sha256: a.sha256, size: a.size, mimeType: a.mimeType })),
      });
      await tx.collection.create({
        data: {
          name: "outpost-demo-highlights",
          title: "Demo highlights",
          description: "A few pictures from every set of the demo content.",
          members: { create: assets.filter((_, i) => i % 4 === 0).map((a) => ({ assetId: a.id })) },
        },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return; // another node seeded first
    throw e;
  }
  kickRenditions();
  console.log(
    `[outpost] demo content: ${assets.length} assets in ${FOLDERS.length} folders (${Date.now() - started} ms)`,
  );
}
