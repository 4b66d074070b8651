import { z } from "zod";
import { textProblem } from "@/lib/text-rules";
import {
  assetName,
  creator,
  DAM_ROOT,
  description,
  folderName,
  NAME_MAX,
  SEARCH_MAX,
  tags,
  title,
} from "@/lib/assets/names";

// Input schemas of the Assets console's actions and route handlers (shared with the forms).

const id = z.string().min(1).max(40);
export const damPath = z
  .string()
  .max(4000)
  .refine(
    (p) =>
      !textProblem(p, "Path") &&
      (p === DAM_ROOT ||
        (p.startsWith(`${DAM_ROOT}/`) &&
          !p
            .slice(DAM_ROOT.length + 1)
            .split("/")
            .some((s) => s === "" || s === "." || s === ".."))),
    "Not a path under /content/dam",
  );

export const itemRef = z.object({ kind: z.enum(["folder", "asset"]), id });
export const itemRefs = z
  .array(itemRef)
  .min(1, "Select at least one item")
  .max(1000, "Select at most 1000 items at once");

export const createFolderInput = z.object({ parentPath: damPath, title, name: folderName });
export const renameFolderInput = z.object({ id, title, name: folderName });
export const renameAssetInput = z.object({ id, name: assetName });
export const moveInput = z.object({ items: itemRefs, targetPath: damPath });
export const deleteInput = z.object({ items: itemRefs, confirmNonEmpty: z.boolean() });
export const metadataInput = z.object({ id, updatedAt: z.iso.datetime(), title, description, tags, creator });

export const collectionName = folderName;
export const createCollectionInput = z.object({
  title,
  name: collectionName,
  description,
  assetIds: z.array(id).max(1000).optional(),
});
export const collectionMembersInput = z.object({
  collectionId: id,
  assetIds: z.array(id).min(1, "Select at least one asset").max(1000),
});
export const deleteCollectionsInput = z.object({ ids: z.array(id).min(1).max(200) });

export const sortKey = z.enum(["name", "title", "type", "size", "modified"]);
export const bpFilter = z.enum(["published", "pending", "failed", "not-published"], {
  error: "The Brand Portal filter is one of published, pending, failed or not-published.",
});
export const browseQuery = z.object({
  path: damPath.default(DAM_ROOT),
  q: z
    .string()
    .trim()
    .max(SEARCH_MAX, `Search at most ${SEARCH_MAX} characters`)
    .refine((v) => textProblem(v, "Search") === null, "Search words cannot contain control characters")
    .optional(),
  bp: bpFilter.optional(),
  sort: sortKey.catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  offset: z.coerce.number().int().min(0).max(10_000_000).catch(0),
  limit: z.coerce.number().int().min(1).max(200).catch(50),
});

export const uploadQuery = z.object({
  folder: damPath,
  name: z.string().max(NAME_MAX * 4),
  conflict: z.enum(["replace", "keep-both"]).optional(),
});
export const checkNamesInput = z.object({
  folder: damPath,
  names: z
    .array(z.string().max(NAME_MAX * 4))
    .min(1)
    .max(1000),
});
