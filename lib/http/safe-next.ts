// Where to go after signing in, from a `next` parameter anyone can write into a link: only a path
// on this site. Browsers read "/\evil.example" and "/<TAB>/evil.example" as "//evil.example", so
// backslashes and control characters are refused outright, and the rest is resolved as a URL.

const HERE = "http://site.invalid";

/** `next` as a path (with its query) on this site, or `fallback`. */
export function safeNextPath(next: string | null | undefined, fallback: string): string {
  if (!next || !next.startsWith("/") || /[\\\u0000-\u001f\u007f-\u009f]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return fallback;
  }
  return url.origin === HERE ? url.pathname + url.search : fallback;
}
