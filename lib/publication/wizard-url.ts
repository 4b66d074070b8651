// The Manage Publication wizard keeps its whole state in its address, so Reload keeps what the
// author chose and the browser's Back and Forward move between its steps:
// /publication?item=folder:<id>&item=asset:<id>&step=scope&action=unpublish&when=later&date=2026-12-24&time=09:30
// A selection too long for an address (hundreds of items: servers refuse request headers past
// 16 KB) is kept in the tab's sessionStorage instead, named in the address by a hash of it:
// /publication?selection=<key>. Shared by the toolbar command, the page and the wizard; no server code.
import { consoleUrl, parentOf } from "@/lib/assets/names";
import { TITLE_MAX, type PublicationAction, type ScopeItem } from "@/lib/publication/schemas";

const KINDS = new Set(["asset", "folder", "collection"]);
export const WIZARD_STEPS = ["options", "scope", "workflows"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export type WizardState = {
  items: ScopeItem[];
  step: WizardStep;
  action: PublicationAction;
  scheduling: "now" | "later";
  /** The activation date and time as the author typed them (YYYY-MM-DD, HH:MM), in their time zone. */
  date: string | null;
  time: string | null;
  /** The workflow title when the author changed it. */
  title: string | null;
  configId: string | null;
  /** The key of a selection kept in sessionStorage: `items` are read from there. */
  selection: string | null;
};

type Params = Record<string, string | string[] | undefined>;

/** The wizard's address for a selection; a long selection is stored in the tab first. */
export function wizardUrl(items: { kind: string; id: string }[]): string {
  const state = { ...blankState(), items: items as ScopeItem[] };
  stashSelection(state.items);
  return `/publication?${wizardSearch(state)}`;
}

/** Above this many characters of item parameters, the selection goes to sessionStorage. */
const ITEMS_IN_ADDRESS_MAX = 4000;
const STASH = "outpost.publication.selection.";

const itemParam = (i: ScopeItem) => `${i.kind}:${i.id}`;
const tooLong = (items: ScopeItem[]) => items.reduce((n, i) => n + i.id.length + 20, 0) > ITEMS_IN_ADDRESS_MAX;

/** A name for a selection from its content (two 32-bit FNV-1a hashes), so storing it twice is harmless. */
function selectionKey(items: ScopeItem[]): string {
  const text = items.map(itemParam).join(",");
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x811c9dc5);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** Keeps a long selection in this tab (Reload and a new tab opened from it keep it too). */
export function stashSelection(items: ScopeItem[]): void {
  if (typeof window === "undefined" || !tooLong(items)) return;
  try {
    window.sessionStorage.setItem(STASH + selectionKey(items), JSON.stringify(items.map(itemParam)));
  } catch {
    // Storage full or refused: the address then has only the key, and the wizard says so.
  }
}

/** The selection stored under `key` as stored (a stable value to render from), or null. */
export function readStash(key: string): string | null {
  try {
    return window.sessionStorage.getItem(STASH + key);
  } catch {
    return null;
  }
}

/** The items of a stored selection. */
export function itemsOfStash(raw: string): ScopeItem[] {
  try {
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) ? itemsFromParams(list.filter((v): v is string => typeof v === "string")) : [];
  } catch {
    return [];
  }
}

function blankState(): WizardState {
  return {
    items: [],
    step: "options",
    action: "publish",
    scheduling: "now",
    date: null,
    time: null,
    title: null,
    configId: null,
    selection: null,
  };
}

/** The address's query for a state; defaults are left out, so a new wizard's address names only its items. */
export function wizardSearch(s: WizardState): string {
  const p = new URLSearchParams();
  if (tooLong(s.items)) p.set("selection", selectionKey(s.items));
  else if (s.selection)
    p.set("selection", s.selection); // not read back yet
  else for (const i of s.items) p.append("item", itemParam(i));
  if (s.step !== "options") p.set("step", s.step);
  if (s.action !== "publish") p.set("action", s.action);
  if (s.scheduling !== "now") p.set("when", s.scheduling);
  if (s.date) p.set("date", s.date);
  if (s.time) p.set("time", s.time);
  if (s.title !== null) p.set("title", s.title);
  if (s.configId) p.set("config", s.configId);
  return p.toString();
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** The state an address stands for; anything malformed falls back to its default. */
export function wizardStateFromParams(params: Params): WizardState {
  const s = blankState();
  s.items = itemsFromParams(params.item);
  const step = one(params.step);
  if (WIZARD_STEPS.includes(step as WizardStep)) s.step = step as WizardStep;
  if (one(params.action) === "unpublish") s.action = "unpublish";
  if (one(params.when) === "later") s.scheduling = "later";
  // The workflow title is asked for only when publishing later.
  if (s.step === "workflows" && s.scheduling === "now") s.step = "scope";
  const date = one(params.date);
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) s.date = date;
  const time = one(params.time);
  if (time && /^\d{2}:\d{2}$/.test(time)) s.time = time;
  const title = one(params.title);
  if (title !== undefined) s.title = title.slice(0, TITLE_MAX + 1);
  const config = one(params.config);
  if (config && ID.test(config)) s.configId = config;
  const selection = one(params.selection);
  if (selection && /^[0-9a-f]{16}$/.test(selection)) s.selection = selection;
  return s;
}

/** The items named in the address; anything malformed is left out. */
export function itemsFromParams(values: string | string[] | undefined): ScopeItem[] {
  const list = Array.isArray(values) ? values : values ? [values] : [];
  const out: ScopeItem[] = [];
  for (const v of list.slice(0, 1000)) {
    const [kind, id] = v.split(":");
    if (KINDS.has(kind) && id && ID.test(id)) out.push({ kind: kind as ScopeItem["kind"], id });
  }
  return out;
}

/** Cancel's destination for the first item of a scope: its folder, or the Collections console. */
export function cancelHrefFor(first: { kind: string; path?: string } | null): string {
  if (first?.kind === "collection") return "/collections";
  return first?.path ? consoleUrl(parentOf(first.path)) : "/assets";
}
