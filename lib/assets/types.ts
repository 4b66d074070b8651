// What the Assets console's route handlers return and its client components render (no server code).

export type BpStatus = { state: string | null; at: string | null; by: string | null };

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
};

export type CollectionSummary = { id: string; name: string; title: string; members: number };
