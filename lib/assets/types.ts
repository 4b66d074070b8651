// What the Assets console's route handlers return and its client components render (no server code).

/**
 * An item's Brand Portal state: `state` as replication wrote it (null: never published), when and
 * by whom (a user id; `byName` is their display name), the failed job's reason, and the scheduled
 * publication that covers the item.
 */
export type BpStatus = {
  state: string | null;
  at: string | null;
  by: string | null;
  byName?: string | null;
  error?: string | null;
  scheduled?: { at: string; action: string; title: string } | null;
};

/** The Assets console's Brand Portal filter. */
export const BP_FILTERS = [
  { id: "published", label: "Published" },
  { id: "pending", label: "Pending (queued or scheduled)" },
  { id: "failed", label: "Failed" },
  { id: "not-published", label: "Not published" },
] as const;
export type BpFilter = (typeof BP_FILTERS)[number]["id"];

export type FolderItem = {
  kind: "folder";
  id: string;
  path: string;
  name: string;
  title: string;
  modified: string;
  bp: BpStatus;
};

export type AssetItem = {
  kind: "asset";
  id: string;
  path: string;
  name: string;
  title: string;
  mimeType: string;
  typeFlag: string | null;
  size: number;
  width: number | null;
  height: number | null;
  modified: string;
  version: number;
  renditionState: string;
  /** Set once the thumbnail exists; the URL changes with the binary, so browsers may cache it. */
  thumbnailUrl: string | null;
  bp: BpStatus;
};

export type BrowseItem = FolderItem | AssetItem;

export type SortKey = "name" | "title" | "type" | "size" | "modified";
export type SortDir = "asc" | "desc";

export type FolderRef = { id: string; path: string; name: string; title: string };

export type BrowsePage = {
  folder: FolderRef;
  items: BrowseItem[];
  total: number;
  offset: number;
  limit: number;
  /** Set when the page holds search results from the folder's whole subtree. */
  query: string | null;
  /** Set when the page holds the items below the folder in this Brand Portal state. */
  bp?: BpFilter | null;
};

/**
 * A selected card or row, as the selection toolbar's commands receive it. A collection's path is
 * where AEM keeps it: /content/dam/collections/<name>.
 */
export type SelectedItem = {
  kind: "folder" | "asset" | "collection";
  id: string;
  path: string;
  name: string;
  title: string;
  mimeType?: string;
};

export const collectionPath = (name: string) => `/content/dam/collections/${name}`;

export type ItemRef = { kind: "folder" | "asset"; id: string };

export type DeletePreview = {
  folders: number;
  assets: number;
  /** The selected folders that hold something, with what they hold. */
  nonEmpty: { path: string; title: string; folders: number; assets: number }[];
  /** How many of the selected items Brand Portal holds (deleting unpublishes them there). */
  onPortal: number;
};

export type CollectionSummary = { id: string; name: string; title: string; members: number };
