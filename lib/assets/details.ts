import "server-only";
import { db } from "@/lib/db";
import { renditionUrl } from "@/lib/assets/serialize";
import { describeBp } from "@/lib/assets/bp-state";
import type { BpStatus } from "@/lib/assets/types";

export type AssetDetails = NonNullable<Awaited<ReturnType<typeof getAssetDetails>>>;

/** Everything the asset details page shows, by path (the console URL) or id. One indexed lookup plus small joins. */
export async function getAssetDetails(where: { path: string } | { id: string }) {
  const a = await db.asset.findUnique({
    where,
    include: {
      renditions: { select: { kind: true, mimeType: true, width: true, height: true, size: true, sha256: true } },
      versions: {
        select: { version: true, size: true, mimeType: true, createdAt: true, createdById: true },
        orderBy: { version: "desc" },
        take: 20,
      },
      collections: { select: { collection: { select: { id: true, name: true, title: true } } }, take: 50 },
    },
  });
  if (!a) return null;
  const userIds = [
    ...new Set(
      [a.createdById, a.modifiedById, ...a.versions.map((v) => v.createdById)].filter((x): x is string => !!x),
    ),
  ];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })
    : [];
  const [{ bp }] = await describeBp([
    {
      kind: "asset",
      id: a.id,
      path: a.path,
      bp: { state: a.bpState, at: a.bpAt?.toISOString() ?? null, by: a.bpBy } as BpStatus,
    },
  ]);
  const nameOf = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? "Deleted user") : null);
  return {
    id: a.id,
    path: a.path,
    name: a.name,
    title: a.title,
    description: a.description,
    tags: parseTagsJson(a.tags),
    creator: a.creator,
    mimeType: a.mimeType,
    typeFlag: a.typeFlag,
    size: Number(a.size),
    sha256: a.sha256,
    width: a.width,
    height: a.height,
    version: a.version,
    renditionState: a.renditionState,
    createdAt: a.createdAt.toISOString(),
    createdBy: nameOf(a.createdById),
    updatedAt: a.updatedAt.toISOString(),
    modifiedBy: nameOf(a.modifiedById),
    bp,
    renditions: a.renditions.map((r) => ({
      kind: r.kind,
      mimeType: r.mimeType,
      width: r.width,
      height: r.height,
      size: Number(r.size),
      url: renditionUrl(a.id, r.kind, r.sha256),
    })),
    versions: a.versions.map((v) => ({
      version: v.version,
      size: Number(v.size),
      mimeType: v.mimeType,
      createdAt: v.createdAt.toISOString(),
      createdBy: nameOf(v.createdById),
    })),
    collections: a.collections.map((m) => m.collection),
  };
}

function parseTagsJson(s: string): string[] {
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}
