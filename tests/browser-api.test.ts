import { describe, it, expect, vi, afterEach } from "vitest";
import { ApiError, getJson, postJson } from "@/lib/http/browser-api";

// The browser's fetchers for the console's route handlers: one error type, carrying the handler's
// message, status and code in that order, whichever page (assets, replication, publication) asks.

const answer = (status: number, body: unknown) =>
  vi.fn(async () => new Response(body === undefined ? "" : JSON.stringify(body), { status }));

afterEach(() => vi.unstubAllGlobals());

describe("browser API fetchers", () => {
  it("return the JSON of a 2xx, never from the browser's cache", async () => {
    const fetch = answer(200, { rows: [1] });
    vi.stubGlobal("fetch", fetch);
    expect(await getJson("/api/x")).toEqual({ rows: [1] });
    expect(fetch).toHaveBeenCalledWith("/api/x", expect.objectContaining({ cache: "no-store" }));
    expect(await postJson("/api/x", { a: 1 })).toEqual({ rows: [1] });
    expect(fetch).toHaveBeenLastCalledWith(
      "/api/x",
      expect.objectContaining({ method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" } }),
    );
  });

  it("throw an ApiError with the handler's message, the status and the code", async () => {
    vi.stubGlobal("fetch", answer(403, { error: "forbidden", message: "You don't have access to this." }));
    const e = await getJson("/api/x").catch((e: unknown) => e);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ message: "You don't have access to this.", status: 403, code: "forbidden" });
    await expect(postJson("/api/x", {})).rejects.toMatchObject({ status: 403, code: "forbidden" });
  });

  it("say what to do when the session has ended, and name the status when the body is not JSON", async () => {
    vi.stubGlobal("fetch", answer(401, { error: "unauthenticated", message: "Sign in to use this API." }));
    await expect(getJson("/api/x")).rejects.toMatchObject({
      message: "Your session has ended. Sign in again.",
      status: 401,
      code: "unauthenticated",
    });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("<html>Bad gateway</html>", { status: 502 })),
    );
    await expect(getJson("/api/x")).rejects.toMatchObject({ message: "The server answered HTTP 502.", status: 502 });
  });
});
