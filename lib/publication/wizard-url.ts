// The Manage Publication wizard's address carries the selection: /publication?item=folder:<id>&item=asset:<id>
// (shared by the toolbar command and the page; no server code).
import type { ScopeItem } from "@/lib/publication/schemas";

const KINDS = new Set(["asset", "folder", "collection"]);

export function wizardUrl(items: { kind: string; id: string }[]): string {
  const p = new URLSearchParams();
  for (const i of items) p.append("item", `${i.kind}:${i.id}`);
  return `/publication?${p}`;
}

/** The items named in the address; anything malformed is left out. */
export function itemsFromParams(values: string | string[] | undefined): ScopeItem[] {
  const list = Array.isArray(values) ? values : values ? [values] : [];
  const out: ScopeItem[] = [];
  for (const v of list.slice(0, 1000)) {
    const [kind, id] = v.split(":");
    if (KINDS.has(kind) && id && id.length <= 40 && /^[A-Za-z0-9_-]+$/.test(id))
      out.push({ kind: kind as ScopeItem["kind"], id });
  }
  return out;
}
