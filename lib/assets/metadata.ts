import "server-only";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";

export type MetadataInput = {
  id: string;
  /** The asset's updatedAt when the form was loaded: a save over someone else's change is refused. */
  updatedAt: string;
  title: string;
  description: string;
  tags: string[];
  creator: string;
};

/** Saves an asset's metadata with optimistic concurrency (compare-and-set on updatedAt). */
export async function updateMetadata(input: MetadataInput, userId: string): Promise<{ updatedAt: string }> {
  const asset = await db.asset.findUnique({ where: { id: input.id }, select: { name: true } });
  if (!asset) throw notFound("The asset");
  const updatedAt = new Date();
  const saved = await db.asset.updateMany({
    where: { id: input.id, updatedAt: new Date(input.updatedAt) },
    data: {
      title: input.title,
      description: input.description,
      tags: JSON.stringify(input.tags),
      creator: input.creator,
      searchText: `${asset.name} ${input.title}`.toLowerCase(),
      modifiedById: userId,
      updatedAt,
    },
  });
  if (saved.count === 0)
    throw conflict(
      "This asset was changed by someone else since you opened it. Reload to see their changes, then edit again.",
    );
  return { updatedAt: updatedAt.toISOString() };
}
