import { nameFromTitle } from "@/lib/name-from-title";
// A configuration's name: its identifier in URLs and file names (lowercase letters, digits, - and _).
export const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
export const NAME_MAX = 64;

/** "Acme Brand Portal (EU)" → "acme-brand-portal-eu": what the dialog proposes while the user types the title. */
export const configNameFromTitle = (title: string) => nameFromTitle(title, NAME_MAX);
