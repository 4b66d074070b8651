// The gateway's scopes and the protocol constants shared by pages, forms and the token endpoint.
// No secrets here: client components import this file.

export const SCOPES = ["dam-read", "dam-sync", "dam-write", "cc-share"] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  "dam-read": "Read assets and metadata in the Brand Portal",
  "dam-sync": "Synchronise folders and collections",
  "dam-write": "Publish, update and remove assets",
  "cc-share": "Share assets with Creative Cloud users",
};

/** Parses a space-separated scope string into known scopes, in canonical order, without duplicates. */
export function parseScopes(value: string): Scope[] {
  const set = new Set(value.split(/\s+/).filter(Boolean));
  return SCOPES.filter((s) => set.has(s));
}

export const GRANT_JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
export const GRANT_CLIENT_CREDENTIALS = "client_credentials";
export const CLIENT_ASSERTION_TYPE_JWT = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** The `aud` of every access token: the resource the tokens are for (any Brand Portal tenant). */
export const RESOURCE_AUDIENCE = "brand-portal";

/** Algorithms a registered key may sign assertions with (RFC 8725: never none, never HS*). */
export const ASSERTION_ALGS = { rsa: ["RS256", "PS256"], ec: ["ES256"] } as const;
