// How a scope is named in numbers: "3 assets", "2 folders with 418 assets", "1 collection with 5 assets".
// An unpublish of a collection removes the collection only (expandScope): its members are not removed,
// so for an unpublish a collection is named without them and its members are not counted.
import type { ScopeSummary } from "@/lib/publication/expand-scope";
import { formatBytes, plural } from "@/lib/format";

type Action = "publish" | "unpublish";
type Rows = Pick<ScopeSummary, "rows">;

const collectionsOf = (s: Rows) => s.rows.filter((r) => r.kind === "collection");
const sum = (rows: Rows["rows"], key: "assets" | "bytes") => rows.reduce((t, r) => t + r[key], 0);

export function scopeText(s: Rows, action: Action): string {
  const assets = s.rows.filter((r) => r.kind === "asset");
  const folders = s.rows.filter((r) => r.kind === "folder");
  const collections = collectionsOf(s);
  const parts: string[] = [];
  if (assets.length) parts.push(plural(assets.length, "asset"));
  if (folders.length) parts.push(`${plural(folders.length, "folder")} with ${plural(sum(folders, "assets"), "asset")}`);
  if (collections.length)
    parts.push(
      action === "publish"
        ? `${plural(collections.length, "collection")} with ${plural(sum(collections, "assets"), "asset")}`
        : plural(collections.length, "collection"),
    );
  if (parts.length < 2) return parts[0] ?? "nothing";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** For an unpublish that names collections: that their assets stay (null: nothing to say). */
export function keptText(s: Rows, action: Action): string | null {
  return action === "unpublish" && collectionsOf(s).length
    ? "Removing a collection does not remove its assets from Brand Portal."
    : null;
}

/** The Scope step's summary line: what the scope names, then the assets and bytes it sends or removes. */
export function totalsText(s: Pick<ScopeSummary, "rows" | "totals">, action: Action): string {
  // The totals count a collection's members in full (never deduplicated): subtracting them is exact.
  const left = action === "unpublish" ? collectionsOf(s) : [];
  const assets = s.totals.assets - sum(left, "assets");
  const bytes = s.totals.bytes - sum(left, "bytes");
  const what = scopeText(s, action);
  const kept = keptText(s, action);
  const line =
    assets || action === "publish" ? `${what} in all: ${plural(assets, "asset")}, ${formatBytes(bytes)}` : what;
  return kept ? `${line}. ${kept}` : line;
}

/** What each row includes, for the Scope table. */
export function includesText(r: ScopeSummary["rows"][number], action: Action): string {
  if (r.kind === "asset") return "This asset";
  if (r.kind === "folder")
    return `${plural(r.assets, "asset")}${r.folders ? ` in ${plural(r.folders + 1, "folder")}` : ""}, the folder structure`;
  if (action === "publish") return `The collection and its ${plural(r.assets, "member")}`;
  if (!r.assets) return "The collection";
  return `The collection only: its ${plural(r.assets, "member")} ${r.assets === 1 ? "is" : "are"} not removed`;
}

/** The result: "3 assets have been queued up for publishing to Brand Portal". */
export function queuedMessage(action: Action, s: Rows): string {
  const what = scopeText(s, action);
  const verb = s.rows.length === 1 ? "has" : "have";
  return action === "publish"
    ? `${what} ${verb} been queued up for publishing to Brand Portal`
    : `${what} ${verb} been queued up for removal from Brand Portal`;
}

export const instanceUrl = (id: string) => `/tools/workflow/instances/${id}`;
