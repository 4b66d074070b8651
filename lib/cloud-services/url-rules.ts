// Which URLs a configuration may point at (tenant, OAuth gateway). Shared by the server's schemas
// and the dialog's hints; no secrets here.

/** Hosts where plain http is acceptable: this machine, private networks, development names. */
export function isDevelopmentHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (/\.(local|test|internal|lan|home\.arpa)$/.test(host)) return true;
  if (!host.includes(".") && !host.includes(":")) return true; // single-label: docker compose, /etc/hosts
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  if (host.includes(":")) return host === "::1" || /^f[cd][0-9a-f]{2}:/.test(host); // loopback, unique local
  return false;
}

export type UrlProblem = string | null;

/** A URL field as messages name it, with an example of its own shape (a tenant's, a gateway's). */
export type ServiceUrlField = { label: string; example: string };

export const TENANT_URL_FIELD: ServiceUrlField = {
  label: "Tenant URL",
  example: "https://portal.example.com/portal/acme",
};
export const GATEWAY_URL_FIELD: ServiceUrlField = {
  label: "OAuth gateway URL",
  example: "https://outpost.example.com/gateway",
};

/**
 * Checks a base URL for a remote service: http(s) only, https unless the host is a development
 * host or this install itself, no credentials (they would sit in the database and in logs), no
 * query or fragment (the service appends its own paths).
 */
export function checkServiceUrl(value: string, field: ServiceUrlField, ownOrigin?: string): UrlProblem {
  const what = field.label;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${what} is not a URL. Enter it with its scheme, for example ${field.example}.`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return `${what} must start with https:// (or http:// for localhost and private development hosts), not ${url.protocol}.`;
  }
  if (url.username || url.password) {
    return `${what} must not contain a user name or password: Outpost authenticates with the gateway's access token.`;
  }
  if (url.protocol === "http:" && !isDevelopmentHost(url.hostname) && url.origin !== ownOrigin) {
    return `${what} must use https:// for ${url.hostname}; plain http:// is only accepted for localhost and private development hosts.`;
  }
  if (url.search || url.hash || value.includes("?") || value.includes("#")) {
    return `${what} must not contain a query (?…) or fragment (#…).`;
  }
  return null;
}

/** The stored form: no trailing slash, so paths can be appended. */
export const normaliseUrl = (value: string) => value.trim().replace(/\/+$/, "");
