// Shared by server and client code.

/**
 * The name a title suggests: "Spring Campaign 2026!" → "spring-campaign-2026" (lowercase letters,
 * digits, "-" and "_"), what Create dialogs propose while the user types the title.
 */
export function nameFromTitle(title: string, max: number): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+/, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/** A tenant's slug from its name: "Ünïcödé Straße" → "unicode-stra-e" (lowercase letters, digits and "-"). */
export const slugFromName = (name: string, max: number) => nameFromTitle(name.replace(/_/g, "-"), max);
