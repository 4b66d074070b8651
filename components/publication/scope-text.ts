// How a scope is named in numbers: "3 assets", "2 folders with 418 assets", "1 collection with 5 assets".
import type { ScopeSummary } from "@/lib/publication/expand-scope";

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

export function scopeText(s: Pick<ScopeSummary, "rows">): string {
  const assets = s.rows.filter((r) => r.kind === "asset");
  const folders = s.rows.filter((r) => r.kind === "folder");
  const collections = s.rows.filter((r) => r.kind === "collection");
  const sum = (rows: typeof s.rows) => rows.reduce((t, r) => t + r.assets, 0);
  const parts: string[] = [];
  if (assets.length) parts.push(n(assets.length, "asset"));
  if (folders.length) parts.push(`${n(folders.length, "folder")} with ${n(sum(folders), "asset")}`);
  if (collections.length) parts.push(`${n(collections.length, "collection")} with ${n(sum(collections), "asset")}`);
  if (parts.length < 2) return parts[0] ?? "nothing";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** What each row includes, for the Scope table. */
export function includesText(r: ScopeSummary["rows"][number]): string {
  if (r.kind === "asset") return "This asset";
  if (r.kind === "folder")
    return `${n(r.assets, "asset")}${r.folders ? ` in ${n(r.folders + 1, "folder")}` : ""}, the folder structure`;
  return `The collection and its ${n(r.assets, "member")}`;
}

/** The result: "3 assets have been queued up for publishing to Brand Portal". */
export function queuedMessage(action: "publish" | "unpublish", what: string): string {
  const verb = /^1 \w+$/.test(what) ? "has" : "have";
  return action === "publish"
    ? `${what} ${verb} been queued up for publishing to Brand Portal`
    : `${what} ${verb} been queued up for removal from Brand Portal`;
}

export const instanceUrl = (id: string) => `/tools/workflow/instances/${id}`;
