// A configuration's name: its identifier in URLs and file names (lowercase letters, digits, - and _).
export const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
export const NAME_MAX = 64;

/** "Acme Brand Portal (EU)" → "acme-brand-portal-eu": what the dialog proposes while the user types the title. */
export function nameFromTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+/, "")
    .slice(0, NAME_MAX)
    .replace(/-+$/, "");
}
