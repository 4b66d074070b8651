import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { NetworkError, toNetworkError } from "@/lib/http/network-error";

// The HTTP client of replication and of the token exchange: node:http with keep-alive agents (one
// connection per in-flight request, reused for the next), streamed request bodies, and the agent's
// Connect and Socket timeouts. Answers are small JSON documents and are read whole (capped).

export type HttpRequest = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  body?: Buffer | string | Readable;
  /** Time allowed to open a new connection (TCP and TLS). */
  connectTimeoutMs: number;
  /** Time the connection may stay silent once open (sending or waiting for the answer). */
  socketTimeoutMs: number;
  signal?: AbortSignal;
};

export type HttpResponse = { status: number; headers: Record<string, string>; body: string; bytesSent: number };

/** What the queue and the token client send requests through; tests may pass their own. */
export type Transport = { request(r: HttpRequest): Promise<HttpResponse>; close(): void };

const MAX_ANSWER_BYTES = 256 * 1024;

export function createHttpTransport(opts: { maxSockets?: number } = {}): Transport {
  // Idle connections close after 4 s, before servers drop them (Node's default keep-alive timeout is
  // 5 s): reusing a connection the server is closing would fail a request for nothing.
  const agentOpts = {
    keepAlive: true,
    keepAliveMsecs: 1_000,
    timeout: 4_000,
    maxSockets: opts.maxSockets ?? 16,
    maxFreeSockets: opts.maxSockets ?? 16,
  };
  const agents = { "http:": new http.Agent(agentOpts), "https:": new https.Agent(agentOpts) };
  return {
    request: (r) => send(r, agents),
    close: () => {
      agents["http:"].destroy();
      agents["https:"].destroy();
    },
  };
}

function send(r: HttpRequest, agents: { "http:": http.Agent; "https:": https.Agent }): Promise<HttpResponse> {
  const u = new URL(r.url);
  const secure = u.protocol === "https:";
  if (!secure && u.protocol !== "http:") return Promise.reject(new Error(`Unsupported URL scheme ${u.protocol}`));
  const host = u.hostname.replace(/^\[|\]$/g, "");
  const port = Number(u.port) || (secure ? 443 : 80);

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    let answered = false;
    let bytesSent = 0;
    let connectTimer: NodeJS.Timeout | undefined;
    const cleanup = () => {
      clearTimeout(connectTimer);
      r.signal?.removeEventListener("abort", onAbort);
    };
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      cleanup();
      reject(toNetworkError(e, host, port));
    };

    const headers: Record<string, string> = { ...r.headers };
    if (Buffer.isBuffer(r.body) || typeof r.body === "string")
      headers["content-length"] ??= String(Buffer.byteLength(r.body));
    const req = (secure ? https : http).request({
      method: r.method,
      hostname: host,
      port,
      path: u.pathname + u.search,
      headers,
      agent: agents[u.protocol as "http:" | "https:"],
    });

    function onAbort() {
      req.destroy(new NetworkError("aborted", host, port, String(r.signal?.reason ?? "aborted")));
    }
    if (r.signal?.aborted) return (onAbort(), fail(new NetworkError("aborted", host, port, String(r.signal.reason))));
    r.signal?.addEventListener("abort", onAbort);

    req.on("socket", (socket) => {
      // Only a new connection has to connect; a kept-alive one is ready.
      if (!socket.connecting) return;
      connectTimer = setTimeout(
        () =>
          req.destroy(new NetworkError("connect-timeout", host, port, `no connection after ${r.connectTimeoutMs} ms`)),
        r.connectTimeoutMs,
      );
      socket.once(secure ? "secureConnect" : "connect", () => clearTimeout(connectTimer));
    });
    req.setTimeout(r.socketTimeoutMs, () =>
      req.destroy(new NetworkError("socket-timeout", host, port, `nothing received for ${r.socketTimeoutMs} ms`)),
    );
    req.on("error", (e) => {
      // A server may answer before it has read the whole body and then close: the answer counts.
      if (!answered) fail(e);
    });
    req.on("response", (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size <= MAX_ANSWER_BYTES) chunks.push(c);
      });
      res.on("error", fail);
      res.on("aborted", () => fail(new NetworkError("reset", host, port, "the answer was cut off")));
      res.on("end", () => {
        if (settled) return;
        settled = true;
        cleanup();
        // Answered before it read our whole body (a refusal): stop sending; the connection is spent.
        if (!req.writableFinished) req.destroy();
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(", ") : v;
        resolve({
          status: res.statusCode ?? 0,
          headers: flat,
          body: Buffer.concat(chunks).toString("utf8"),
          bytesSent,
        });
      });
    });

    if (r.body instanceof Readable) {
      // The headers go out now, while the body is still being read from disk: the server can
      // start on the request (authentication, lookups) meanwhile.
      req.flushHeaders();
      const body = r.body;
      body.on("data", (chunk: Buffer) => (bytesSent += chunk.length));
      body.once("error", (e) => {
        if (!answered) req.destroy(e);
      });
      req.once("close", () => body.destroy()); // an answer before the whole body, or a failure: stop reading
      body.pipe(req);
    } else {
      if (r.body !== undefined) bytesSent = Buffer.byteLength(r.body);
      req.end(r.body);
    }
  });
}

/** The JSON body of an answer, or null when it is not JSON. */
export function jsonBody(res: HttpResponse): Record<string, unknown> | null {
  try {
    const v = JSON.parse(res.body);
    return v && typeof v === "object" && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}
