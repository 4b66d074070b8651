// The browser's side of the console's JSON route handlers (consoleRoute answers `{ error, message }`):
// the fetchers TanStack Query calls, and the one error they throw. Browser code: no server-only imports.

/** A route handler's refusal: the message for people, the HTTP status, and the handler's `error` code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The session has ended: polling stops (every poll would be refused) until the user signs in again. */
export const sessionEnded = (e: unknown): boolean => e instanceof ApiError && e.status === 401;

async function parse<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401) throw new ApiError("Your session has ended. Sign in again.", 401, "unauthenticated");
    throw new ApiError(body?.message ?? `The server answered HTTP ${res.status}.`, res.status, body?.error);
  }
  return body as T;
}

/** GETs live data: never from the browser's cache, so a poll always sees the server's state. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return parse<T>(await fetch(url, { signal, cache: "no-store", headers: { accept: "application/json" } }));
}

/** POSTs that read (a preview, a name check): JSON in, JSON out. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  return parse<T>(
    await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  );
}
