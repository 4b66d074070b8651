// Folder URLs of the portal: /portal/<slug>/folders/<segments…> names /content/dam/<segments…>.
// Segments are checked one by one, after the router has decoded them, so "..", "." and encoded
// slashes or backslashes never reach a query (they find nothing: 404).

export const DAM_ROOT = "/content/dam";

const BAD_SEGMENT = /[\/\\\u0000-\u001f\u007f]/;

/** The repository path a folder URL names, or null when a segment is not a plain name. */
export function folderPathOf(segments: string[] | undefined): string | null {
  if (!segments?.length) return DAM_ROOT;
  for (const s of segments) {
    if (!s || s === "." || s === ".." || s.length > 255 || BAD_SEGMENT.test(s)) return null;
  }
  const path = `${DAM_ROOT}/${segments.join("/")}`;
  return path.length > 1024 ? null : path;
}

/** The URL path below /portal/<slug>/folders for a repository path (each segment encoded). */
export function folderHref(slug: string, path: string): string {
  if (path === DAM_ROOT || !path.startsWith(`${DAM_ROOT}/`)) return `/portal/${slug}`;
  const rest = path
    .slice(DAM_ROOT.length + 1)
    .split("/")
    .map(encodeURIComponent)
    .join("/");
  return `/portal/${slug}/folders/${rest}`;
}

/** Ids in URLs (assets): the cuid/uuid alphabet only. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Breadcrumbs from the DAM root down to `path`. */
export function crumbsOf(path: string): { path: string; name: string }[] {
  if (!path.startsWith(`${DAM_ROOT}/`)) return [];
  const parts = path.slice(DAM_ROOT.length + 1).split("/");
  return parts.map((name, i) => ({ name, path: `${DAM_ROOT}/${parts.slice(0, i + 1).join("/")}` }));
}
