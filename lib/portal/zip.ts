import "server-only";
import { Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound, UserError } from "@/lib/errors";
import { formatBytes } from "@/lib/format";
import { below, join, sql, chunks } from "@/lib/assets/sql";
import { portalBlobs } from "@/lib/storage/stores";
import { findFolder } from "@/lib/portal/browse";
import { collectionMembers } from "@/lib/portal/collection-members";
import { collectionName } from "@/lib/portal/schemas";
import { DAM_ROOT, ID_PATTERN } from "@/lib/portal/paths";
import { visible, visibleSql, type PortalScope } from "@/lib/portal/visibility";

// One ZIP of several assets, a whole folder or a collection, streamed as it is built: archiver
// reads each binary from the store in turn and the response sends the bytes on (never the whole
// archive in memory or on disk). Files are stored, not compressed: brand assets are mostly
// compressed already, and storing keeps the ZIP as fast as the disk. The plan is checked before
// the first byte: every asset visible to the viewer (else 404 and no output), within the limits.

export const ZIP_LIMITS = { maxFiles: 5_000, maxBytes: 10 * 1024 ** 3 };
export type ZipLimits = typeof ZIP_LIMITS;

export const zipInput = z.union([
  z.object({ ids: z.array(z.string().regex(ID_PATTERN, "not an asset id")).min(1, "Select at least one asset.") }),
  z.object({ folder: z.string().min(1).max(1024) }),
  z.object({ collection: collectionName }),
]);
export type ZipInput = z.infer<typeof zipInput>;

export type ZipEntry = { name: string; sha256: string; size: number; date: Date };
export type ZipPlan = { fileName: string; entries: ZipEntry[]; bytes: number };

const tooMany = (n: number, max: number) =>
  new UserError(
    `A ZIP holds at most ${max.toLocaleString("en")} files and this one would have ${n.toLocaleString("en")}: select fewer assets or download a subfolder.`,
    { status: 413, code: "zip_too_many_files" },
  );
const tooBig = (bytes: number, max: number) =>
  new UserError(
    `A ZIP holds at most ${formatBytes(max)} and this one would have ${formatBytes(bytes)}: select fewer assets or download a subfolder.`,
    { status: 413, code: "zip_too_large" },
  );

// ZIP entry names: "/" separates folders; nothing that could climb out of the folder it is unpacked in.
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f\\:*?"<>|]/g, "_").replace(/^\.+$/, "_") || "_";
const entryPath = (rel: string) => rel.split("/").map(clean).join("/");

export async function planZip(v: PortalScope, input: ZipInput, limits: ZipLimits = ZIP_LIMITS): Promise<ZipPlan> {
  if ("ids" in input) return planSelection(v, input.ids, limits);
  if ("folder" in input) return planFolder(v, input.folder, limits);
  return planCollection(v, input.collection, limits);
}

async function planSelection(v: PortalScope, rawIds: string[], limits: ZipLimits): Promise<ZipPlan> {
  const ids = [...new Set(rawIds)];
  if (ids.length > limits.maxFiles) throw tooMany(ids.length, limits.maxFiles); // before any query
  const rows: { id: string; name: string; sha256: string; size: bigint; publishedAt: Date }[] = [];
  for (const part of chunks(ids, 500)) {
    rows.push(
      ...(await db.portalAsset.findMany({
        where: { ...visible(v), id: { in: part } },
        select: { id: true, name: true, sha256: true, size: true, publishedAt: true },
      })),
    );
  }
  // One unknown, hidden or foreign id refuses the whole request, without saying which.
  if (rows.length !== ids.length) throw notFound("One or more of the selected assets");
  const bytes = rows.reduce((n, r) => n + Number(r.size), 0);
  if (bytes > limits.maxBytes) throw tooBig(bytes, limits.maxBytes);
  const order = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const used = new Set<string>();
  const entries = rows.map((r) => ({
    name: uniqueName(clean(r.name), used),
    sha256: r.sha256,
    size: Number(r.size),
    date: r.publishedAt,
  }));
  return { fileName: `assets-${entries.length}.zip`, entries, bytes };
}

/** The members the viewer may see, flat (they come from any folder), named after the collection. */
async function planCollection(v: PortalScope, name: string, limits: ZipLimits): Promise<ZipPlan> {
  const found = await collectionMembers(v, name);
  if (!found) throw notFound("The collection");
  if (!found.ids.length)
    throw new UserError("This collection has no assets to download.", { status: 404, code: "empty" });
  return { ...(await planSelection(v, found.ids, limits)), fileName: `${name}.zip` };
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf(".");
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base} (${i})${ext}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

async function planFolder(v: PortalScope, path: string, limits: ZipLimits): Promise<ZipPlan> {
  const folder = await findFolder(v, path);
  if (!folder) throw notFound("The folder");
  const inside = join([visibleSql(v), sql`("folderPath" = ${path} OR ${below("folderPath", path)})`], " AND ");
  const [sum] = await db.$queryRaw<{ n: number | bigint; bytes: number | bigint | string | null }[]>(
    sql`SELECT COUNT(*) AS "n", SUM("size") AS "bytes" FROM "PortalAsset" WHERE ${inside}`,
  );
  const n = Number(sum?.n ?? 0);
  const bytes = Number(sum?.bytes ?? 0);
  if (n === 0) throw new UserError("This folder has no assets to download.", { status: 404, code: "empty" });
  if (n > limits.maxFiles) throw tooMany(n, limits.maxFiles);
  if (bytes > limits.maxBytes) throw tooBig(bytes, limits.maxBytes);
  const rows = await db.$queryRaw<
    { path: string; sha256: string; size: number | bigint; publishedAt: Date | string }[]
  >(sql`SELECT "path", "sha256", "size", "publishedAt" FROM "PortalAsset" WHERE ${inside} ORDER BY "path"`);
  const base = path === DAM_ROOT ? DAM_ROOT.length + 1 : path.length + 1;
  const entries = rows.map((r) => ({
    name: entryPath(r.path.slice(base)),
    sha256: r.sha256,
    size: Number(r.size),
    date: r.publishedAt instanceof Date ? r.publishedAt : new Date(r.publishedAt),
  }));
  const name = path === DAM_ROOT ? "assets" : path.slice(path.lastIndexOf("/") + 1);
  return { fileName: `${name}.zip`, entries, bytes };
}

/** The archive as a web stream; each binary is opened only when its turn comes. */
export function zipStream(entries: ZipEntry[]): ReadableStream<Uint8Array> {
  const archive = new ZipArchive({ store: true, highWaterMark: 1024 * 1024 });
  let i = 0;
  const next = () => {
    if (i >= entries.length) return void archive.finalize();
    const e = entries[i++];
    archive.append(portalBlobs.open(e.sha256, undefined, { highWaterMark: 1024 * 1024 }), {
      name: e.name,
      date: e.date,
      store: true,
    });
  };
  archive.on("entry", next);
  archive.on("warning", (e) => console.warn("[portal] zip:", e.message));
  archive.on("error", (e) => console.error("[portal] zip failed:", e.message));
  next();
  return Readable.toWeb(archive) as ReadableStream<Uint8Array>;
}
