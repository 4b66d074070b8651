import { z } from "zod";
import { nameFromTitle } from "@/lib/name-from-title";
import { CONTROL, freeText, nameText, textProblem } from "@/lib/text-rules";

// Names, titles and paths of the Assets console. Shared by forms (hints) and the server (the real
// check); no server-only imports here.

export const DAM_ROOT = "/content/dam";
export const NAME_MAX = 150;
export const TITLE_MAX = 200;
export const SEARCH_MAX = 200;

const FORBIDDEN_IN_ASSET = /[:*?"<>|#%[\]{}]/;

/** Folder names: what AEM allows in a DAM folder node name, lower-cased. */
export const folderName = z
  .string()
  .min(1, "Enter a name")
  .max(NAME_MAX, `Name must be at most ${NAME_MAX} characters`)
  .regex(/^[a-z0-9_-]+$/, "Use lowercase letters, digits, '-' and '_' only");

/** Asset (file) names: anything a file system and a URL path segment can carry safely. */
export const assetName = z
  .string()
  .min(1, "Enter a name")
  .max(NAME_MAX, `Name must be at most ${NAME_MAX} characters`)
  .superRefine((v, ctx) => {
    const issue = assetNameProblem(v);
    if (issue) ctx.addIssue({ code: "custom", message: issue });
  });

function assetNameProblem(v: string): string | null {
  const text = textProblem(v, "Name");
  if (text) return text;
  if (v.includes("/") || v.includes("\\")) return "Name cannot contain / or \\";
  if (v.includes("..")) return "Name cannot contain '..'";
  if (v.startsWith(".")) return "Name cannot start with a dot";
  if (v.trim() !== v) return "Name cannot start or end with a space";
  if (FORBIDDEN_IN_ASSET.test(v)) return 'Name cannot contain any of : * ? " < > | # % [ ] { }';
  return null;
}

// Titles, descriptions, creators and tags follow the one text rule (lib/text-rules.ts).
export const title = nameText("Title", TITLE_MAX);
export const description = freeText("Description", 2000, { trim: false });
export const creator = nameText("Creator", 200, { min: 0 });
/** Tags differ by more than case: "spring" and "Spring" are one tag, kept as first written. */
const uniqueTags = (list: string[]) => {
  const seen = new Set<string>();
  return list.filter((t) => {
    const key = t.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

export const tags = z
  .array(nameText("A tag", 50, { empty: "A tag cannot be empty" }))
  .max(30, "At most 30 tags")
  .transform(uniqueTags);

/** The name a folder or collection title suggests: "Spring Campaign 2026!" → "spring-campaign-2026". */
export const deriveFolderName = (t: string) => nameFromTitle(t, NAME_MAX);

/**
 * A browser file name made acceptable where that is harmless: characters a URL or AEM refuses
 * become "-", ".." becomes "." (report..final.png), and a name over NAME_MAX is shortened before
 * its extension, which says the file's type.
 */
export function suggestAssetName(fileName: string): string {
  const name = fileName
    .replace(new RegExp(CONTROL, "g"), "")
    .replace(/[:*?"<>|#%[\]{}\\/]/g, "-")
    .replace(/\.{2,}/g, ".");
  return shortened(name);
}

/** Extensions longer than this are not kept whole when a name is shortened ("x.<200 characters>"). */
const EXTENSION_MAX = 16;

function shortened(name: string): string {
  if (name.length <= NAME_MAX) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && name.length - dot <= EXTENSION_MAX ? name.slice(dot) : "";
  let stem = name.slice(0, NAME_MAX - ext.length);
  if (/[\uD800-\uDBFF]$/.test(stem)) stem = stem.slice(0, -1); // half of an emoji: drop it
  // A cut just after a space or a dot would end the name in a space (refused) or make ".." again.
  return stem.replace(/[\s.]+$/, "") + ext;
}

/** "photo.jpg", 2 → "photo-2.jpg" (keep both). */
export function numberedName(name: string, n: number): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
}

/**
 * One upload's names, a repeat numbered the way Keep both numbers it (a/Report.pdf and b/Report.pdf
 * → Report.pdf, Report-1.pdf): the files go up in parallel, so "replace" or "keep both" between two
 * of them would depend on which arrives first, and skipping one would drop a file the user chose.
 */
export function numberRepeats(names: string[]): string[] {
  const taken = new Set(names);
  const used = new Set<string>();
  return names.map((name) => {
    let n = 0;
    let candidate = name;
    while (used.has(candidate) || (n > 0 && taken.has(candidate))) candidate = numberedName(name, ++n);
    used.add(candidate);
    return candidate;
  });
}

/** The default title of an uploaded file: its name without the extension. */
export function titleFromFileName(name: string): string {
  const dot = name.lastIndexOf(".");
  return (dot > 0 ? name.slice(0, dot) : name).slice(0, TITLE_MAX) || name;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export function joinPath(parent: string, name: string): string {
  return `${parent}/${name}`;
}

export function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/"));
}

/** "/content/dam/a/b" → "/assets/a/b": the console URL of a folder or asset. */
export function consoleUrl(path: string): string {
  const rest = path === DAM_ROOT ? "" : path.slice(DAM_ROOT.length + 1);
  return rest ? `/assets/${rest.split("/").map(encodeURIComponent).join("/")}` : "/assets";
}

/** The inverse of consoleUrl for the route's decoded segments. */
export function pathFromSegments(segments: string[] | undefined): string {
  return segments?.length ? `${DAM_ROOT}/${segments.join("/")}` : DAM_ROOT;
}

/** Parses "a, b , c" into unique tags. */
export function parseTags(text: string): string[] {
  return uniqueTags(
    text
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
  );
}
