import "server-only";
import type { Tx } from "@/lib/db/tx";
import type { Readable } from "node:stream";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { env } from "@/lib/env";
import { collectBlobs } from "@/lib/assets/blob-gc";
import { renditionStateFor } from "@/lib/assets/detect-type";
import { inspectBlob } from "@/lib/assets/inspect";
import { assetName, joinPath, numberedName, titleFromFileName } from "@/lib/assets/names";
import { kickRenditions } from "@/lib/assets/rendition-kick";
import { assetBlobs } from "@/lib/storage/stores";
import { conflict, notFound, UserError } from "@/lib/errors";
import { formatBytes } from "@/lib/format";
import { safeParseInput } from "@/lib/parse-input";

export type Conflict = "replace" | "keep-both";
export type UploadOutcome = "created" | "replaced" | "kept-both";
export type UploadResult = {
  outcome: UploadOutcome;
  asset: { id: string; path: string; name: string; version: number; mimeType: string; typeFlag: string | null };
};

type UploadInput = {
  folderPath: string;
  name: string;
  /** What to do when the name exists; without it an existing name is refused with 409 "exists". */
  conflict?: Conflict;
  body: Readable | ReadableStream<Uint8Array>;
  /** Content-Length, when the client sent one: checked before and after the transfer. */
  size?: number;
  userId: string;
  signal?: AbortSignal;
};

/**
 * Streams one file into content-addressed storage (SHA-256 computed on the way), then records it
 * in one transaction: a new asset, a new version of an existing one (replace), or a new asset
 * under a free numbered name (keep both). A failed or interrupted upload leaves no rows and no
 * file behind. Renditions are made later by the rendition worker.
 */
export async function uploadAsset(input: UploadInput): Promise<UploadResult> {
  const parsed = safeParseInput(assetName, input.name);
  if (!parsed.success)
    throw new UserError(`${parsed.error.issues[0].message}.`, { field: "name", code: "invalid_name" });
  const folder = await db.folder.findUnique({ where: { path: input.folderPath }, select: { id: true, path: true } });
  if (!folder) throw notFound(`The folder ${input.folderPath}`);
  const limit = env.OUTPOST_UPLOAD_LIMIT_BYTES;
  if (input.size !== undefined && input.size > limit) {
    throw new UserError(
      `The file is ${formatBytes(input.size)}, more than the upload limit of ${formatBytes(limit)}.`,
      { status: 413, code: "too_large" },
    );
  }
  await assertRoom(input.size ?? 0);
  const path = joinPath(folder.path, input.name);
  if (!input.conflict) await assertAbsent(path, input.name, folder.path);

  const blob = await assetBlobs
    .write(input.body, { maxBytes: limit, expectedSize: input.size, signal: input.signal })
    .catch((e) => {
      if (e instanceof UserError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (
        code === "ECONNRESET" ||
        code === "ABORT_ERR" ||
        (e as Error).name === "AbortError" ||
        (e as Error).message === "aborted"
      ) {
        throw new UserError("The upload was interrupted; nothing was stored.", { status: 400, code: "aborted" });
      }
      throw e;
    });
  try {
    const info = await inspectBlob(blob.sha256, input.name);
    const result = await record({ ...input, folder, path, blob, info });
    if (renditionStateFor(result.asset.mimeType) === "pending") kickRenditions();
    if (result.oldRenditions.length) void collectBlobs(result.oldRenditions).catch(() => {});
    return { outcome: result.outcome, asset: result.asset };
  } catch (e) {
    await collectBlobs([blob.sha256], { keepRecent: false }).catch(() => {});
    throw e;
  }
}

async function record(
  x: UploadInput & {
    folder: { id: string; path: string };
    path: string;
    blob: { sha256: string; size: number };
    info: Awaited<ReturnType<typeof inspectBlob>>;
  },
) {
  const select = { id: true, path: true, name: true, version: true, mimeType: true, typeFlag: true } as const;
  const binary = {
    sha256: x.blob.sha256,
    size: BigInt(x.blob.size),
    mimeType: x.info.mimeType,
    typeFlag: x.info.typeFlag,
    width: x.info.width,
    height: x.info.height,
    renditionState: renditionStateFor(x.info.mimeType),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        await tx.blob.upsert({
          where: { sha256: x.blob.sha256 },
          create: { sha256: x.blob.sha256, size: BigInt(x.blob.size) },
          update: {},
        });
        const existing = await tx.asset.findUnique({ where: { path: x.path }, select: { id: true, version: true } });
        const folderThere = await tx.folder.findUnique({ where: { path: x.path }, select: { id: true } });
        if ((existing || folderThere) && !x.conflict) throw exists(x.name, x.folder.path);
        if (existing && x.conflict === "replace") {
          const old = await tx.rendition.findMany({ where: { assetId: existing.id }, select: { sha256: true } });
          await tx.rendition.deleteMany({ where: { assetId: existing.id } });
          const version = existing.version + 1;
          await tx.assetVersion.create({
            data: {
              assetId: existing.id,
              version,
              sha256: binary.sha256,
              size: binary.size,
              mimeType: binary.mimeType,
              createdById: x.userId,
            },
          });
          const asset = await tx.asset.update({
            where: { id: existing.id },
            data: {
              ...binary,
              version,
              renditionLeaseUntil: null,
              modifiedById: x.userId,
              updatedAt: new Date(),
            },
            select,
          });
          return { outcome: "replaced" as const, asset, oldRenditions: old.map((r) => r.sha256) };
        }
        if (folderThere && x.conflict === "replace") {
          throw conflict(
            `A folder named "${x.name}" exists in ${x.folder.path}; a file cannot replace it. Choose Keep both or rename the file.`,
          );
        }
        let name = x.name;
        if (existing || folderThere) name = await freeName(tx, x.folder.path, x.name);
        const asset = await tx.asset.create({
          data: {
            ...binary,
            path: joinPath(x.folder.path, name),
            name,
            title: titleFromFileName(name),
            searchText: `${name} ${titleFromFileName(name)}`.toLowerCase(),
            folderId: x.folder.id,
            createdById: x.userId,
            modifiedById: x.userId,
            versions: {
              create: {
                version: 1,
                sha256: binary.sha256,
                size: binary.size,
                mimeType: binary.mimeType,
                createdById: x.userId,
              },
            },
          },
          select,
        });
        return {
          outcome: name === x.name ? ("created" as const) : ("kept-both" as const),
          asset,
          oldRenditions: [] as string[],
        };
      });
    } catch (e) {
      // Two uploads raced for the same name: look again (keep both picks the next number).
      if (attempt < 3 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}

async function freeName(tx: Tx, folderPath: string, name: string): Promise<string> {
  for (let n = 1; n < 10_000; n++) {
    const candidate = numberedName(name, n);
    const path = joinPath(folderPath, candidate);
    const taken = (await tx.asset.count({ where: { path } })) + (await tx.folder.count({ where: { path } }));
    if (!taken) return candidate;
  }
  throw conflict(`Too many files named like "${name}" in ${folderPath}.`);
}

const exists = (name: string, folderPath: string) =>
  new UserError(`"${name}" already exists in ${folderPath}. Choose Replace or Keep both.`, {
    status: 409,
    code: "exists",
    field: "name",
  });

async function assertAbsent(path: string, name: string, folderPath: string) {
  const [a, f] = await Promise.all([db.asset.count({ where: { path } }), db.folder.count({ where: { path } })]);
  if (a + f) throw exists(name, folderPath);
}

/** Refuses at once when the disk cannot take the file (BlobStore also stops on ENOSPC mid-way). */
async function assertRoom(size: number) {
  const free = await assetBlobs.freeBytes();
  if (free !== null && size + 64 * 1024 * 1024 > free) {
    throw new UserError(
      `The server's disk has ${formatBytes(free)} free, not enough for this file. Free some space or ask an administrator.`,
      { status: 507, code: "disk_full" },
    );
  }
}

/** Which of these names already exist in the folder (the upload dialog asks before sending them). */
export async function existingNames(folderPath: string, names: string[]): Promise<string[]> {
  const folder = await db.folder.findUnique({ where: { path: folderPath }, select: { id: true, path: true } });
  if (!folder) throw notFound(`The folder ${folderPath}`);
  const paths = names.map((n) => joinPath(folder.path, n));
  const [assets, folders] = await Promise.all([
    db.asset.findMany({ where: { path: { in: paths } }, select: { name: true } }),
    db.folder.findMany({ where: { path: { in: paths } }, select: { name: true } }),
  ]);
  return [...new Set([...assets, ...folders].map((r) => r.name))];
}
