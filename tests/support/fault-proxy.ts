import http from "node:http";
import type { AddressInfo } from "node:net";
import { Transform } from "node:stream";

// A fault-injecting HTTP proxy in front of the portal: passes requests through, or answers with a
// chosen status, cuts or damages an upload, holds an upload half way, or goes down (connections
// refused) and comes back on the same port.

export type FaultInfo = { method: string; path: string; headers: http.IncomingHttpHeaders; n: number };
export type FaultAction =
  | { kind: "pass" }
  | { kind: "status"; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: "truncate"; afterBytes: number }
  | { kind: "corrupt" }
  | { kind: "stall"; afterBytes: number; onStall: () => void }
  /** Holds the upload after `afterBytes` (the portal is already reading it) until `release` settles. */
  | { kind: "hold"; afterBytes: number; onHold: () => void; release: Promise<void> }
  /** Holds the whole request (it has not reached the portal) until `release` settles. */
  | { kind: "delay"; onHold: () => void; release: Promise<void> };

export async function startFaultProxy(target: string) {
  const t = new URL(target);
  let plan: (i: FaultInfo) => FaultAction = () => ({ kind: "pass" });
  let n = 0;
  const log: { method: string; path: string; action: string; status?: number }[] = [];

  const server = http.createServer((req, res) => {
    const info: FaultInfo = { method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers, n: n++ };
    const action = plan(info);
    const entry: (typeof log)[number] = { method: info.method, path: info.path, action: action.kind };
    log.push(entry);
    if (action.kind === "status") {
      req.resume();
      req.on("end", () => {
        entry.status = action.status;
        res
          .writeHead(action.status, { "content-type": "application/json", ...action.headers })
          .end(JSON.stringify(action.body ?? { error: "injected", message: `injected HTTP ${action.status}` }));
      });
      return;
    }
    if (action.kind === "delay") {
      req.pause();
      action.onHold();
      void action.release.then(() => forward(req, res, action, entry));
      return;
    }
    forward(req, res, action, entry);
  });

  function forward(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    action: Exclude<FaultAction, { kind: "status" }>,
    entry: { status?: number },
  ) {
    const headers = { ...req.headers, host: t.host };
    if (action.kind === "truncate") {
      delete headers["content-length"];
      headers["transfer-encoding"] = "chunked";
    }
    const up = http.request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers }, (upRes) => {
      entry.status = upRes.statusCode;
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      upRes.pipe(res);
    });
    up.on("error", () => res.destroy());
    let seen = 0;
    let flipped = false;
    const shape = new Transform({
      transform(chunk: Buffer, _e, done) {
        const start = seen;
        seen += chunk.length;
        if (action.kind === "truncate") {
          if (start >= action.afterBytes) return done();
          return done(null, chunk.subarray(0, action.afterBytes - start));
        }
        if (action.kind === "corrupt" && !flipped && chunk.length) {
          flipped = true;
          const copy = Buffer.from(chunk);
          copy[0] ^= 0xff;
          return done(null, copy);
        }
        if (action.kind === "hold" && start < action.afterBytes && seen >= action.afterBytes) {
          this.push(chunk.subarray(0, action.afterBytes - start));
          action.onHold();
          void action.release.then(() => done(null, chunk.subarray(action.afterBytes - start)));
          return;
        }
        if (action.kind === "stall" && seen >= action.afterBytes) {
          this.push(chunk);
          req.pause(); // hold the upload: the client keeps waiting
          action.onStall();
          return; // never call done: nothing more flows
        }
        done(null, chunk);
      },
    });
    req.pipe(shape).pipe(up);
    // A client that dies mid-upload: abort the upstream request too, so the portal sees it cut.
    req.on("close", () => {
      if (!req.complete) up.destroy();
    });
  }

  let connections = 0;
  server.on("connection", () => connections++);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    /** TCP connections opened by clients so far (keep-alive reuses them). */
    connections: () => connections,
    plan: (fn: (i: FaultInfo) => FaultAction) => void (plan = fn),
    pass: () => void (plan = () => ({ kind: "pass" })),
    /** Connections refused from now on. */
    down: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
    up: () => new Promise<void>((r) => server.listen(port, "127.0.0.1", r)),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
