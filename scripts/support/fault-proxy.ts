import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Transform } from "node:stream";

// A fault-injecting HTTP proxy between the agents and a portal (or a gateway): passes requests
// through, streaming both ways (it never holds a whole body), after an optional network delay, or
// injects a fault: a connection reset, a 503 with or without Retry-After, an upload cut short, an
// answer cut short, a half-open connection (accepted, never answered), a stall, a damaged byte.
// It can also go down (connections refused) and come back on the same port.
//
// Faults come from two places: `plan` (a function that picks the action for each request, for
// tests that script a scenario) and the random rates of the options (for soaks: each request
// draws one fault with these probabilities). A plan's answer wins; `null` falls back to the rates.
// Used by the integration tests (tests/support/fault-proxy.ts), npm run soak:faults and the
// benchmarks; new faults are added as new optional fields, the existing ones keep their meaning.

export type FaultInfo = { method: string; path: string; headers: http.IncomingHttpHeaders; n: number };
export type FaultAction =
  | { kind: "pass" }
  | { kind: "status"; status: number; body?: unknown; headers?: Record<string, string> }
  /** The upload reaches the target cut after `afterBytes` (sent chunked, so it looks complete). */
  | { kind: "truncate"; afterBytes: number }
  /** The first byte of the upload flipped on the way. */
  | { kind: "corrupt" }
  /** The connection is reset (TCP RST) as soon as the request arrives; the target sees nothing. */
  | { kind: "reset" }
  /** The target answers, but the connection breaks after half the answer's body. */
  | { kind: "cutAnswer" }
  /** Accepted and never answered, nothing read: only the client's own timeout ends it. */
  | { kind: "halfOpen" }
  | { kind: "stall"; afterBytes: number; onStall: () => void }
  /** Holds the upload after `afterBytes` (the target is already reading it) until `release` settles. */
  | { kind: "hold"; afterBytes: number; onHold: () => void; release: Promise<void> }
  /** Holds the whole request (it has not reached the target) until `release` settles. */
  | { kind: "delay"; onHold: () => void; release: Promise<void> };

/** Probabilities (0..1) of the random faults, per request; their sum must not exceed 1. */
export type FaultRates = {
  /** Connection reset before the target sees the request. */
  resetRate?: number;
  /** 503 without Retry-After. */
  unavailableRate?: number;
  /** 503 with `Retry-After: retryAfterSeconds`. */
  retryAfterRate?: number;
  /** The upload cut in half on its way to the target (which must refuse it). */
  truncateRate?: number;
  /** The target's answer cut in half on its way back (the target did the work). */
  cutAnswerRate?: number;
  /** Accepted and never answered. */
  halfOpenRate?: number;
  /** Held `slowMs` before it is forwarded (a slow network or gateway), then passed on. */
  slowRate?: number;
};

export type FaultProxyOptions = FaultRates & {
  /** The target's origin, e.g. http://127.0.0.1:3000; the proxy's `url` stands in for it. */
  target: string;
  /** Every request is held this long before it is forwarded (the network's latency). Default 0. */
  delayMs?: number;
  /** How long a request picked by `slowRate` is held, in ms. Default 1000. */
  slowMs?: number;
  /** Retry-After of the injected 503s that carry one, in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** Which requests the random faults may hit (default: all); a plan is asked about every request. */
  affects?: (r: FaultInfo) => boolean;
  /** Random source of the faults (default Math.random), for a reproducible run. */
  random?: () => number;
  /** The Host header sent to the target (default: the target's own host, as a client of it would send). */
  hostHeader?: string;
  /** Port to listen on (default: any free one). */
  port?: number;
};

export type FaultLogEntry = {
  method: string;
  path: string;
  action: FaultAction["kind"];
  status?: number;
  /** performance.now() of this process: when the request arrived and its answer ended or broke. */
  start: number;
  end?: number;
};

export type FaultProxy = {
  /** The proxy's origin, to use in place of the target's. */
  url: string;
  /** Every request so far, with the action taken. */
  log: FaultLogEntry[];
  /** How many requests got each action so far ("pass", "reset", …; injected answers by status: "503", "503 with Retry-After"). */
  counts: () => Record<string, number>;
  /** TCP connections opened by clients so far (keep-alive reuses them). */
  connections: () => number;
  /** Picks the action of each request from now on; `null` from it means "use the random rates". */
  plan: (fn: (i: FaultInfo) => FaultAction | null) => void;
  /** Changes the random rates from now on (fields not given keep their value). */
  setFaults: (rates: FaultRates) => void;
  /** No plan and no random faults from now on (the delay stays: it is the network). */
  pass: () => void;
  /** Connections refused from now on; open ones are closed. */
  down: () => Promise<void>;
  /** Listens again on the same port. */
  up: () => Promise<void>;
  close: () => Promise<void>;
};

const RATE_KINDS = [
  ["resetRate", "reset"],
  ["unavailableRate", "unavailable"],
  ["retryAfterRate", "retryAfter"],
  ["truncateRate", "truncate"],
  ["cutAnswerRate", "cutAnswer"],
  ["halfOpenRate", "halfOpen"],
  ["slowRate", "slow"],
] as const;

export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const t = new URL(opts.target);
  const targetPort = Number(t.port) || 80;
  const delayMs = opts.delayMs ?? 0;
  const random = opts.random ?? Math.random;
  const rates: FaultRates = {};
  const setFaults = (r: FaultRates) => {
    for (const [key] of RATE_KINDS) if (r[key] !== undefined) rates[key] = r[key];
    const sum = RATE_KINDS.reduce((s, [key]) => s + (rates[key] ?? 0), 0);
    if (sum > 1) throw new Error(`fault rates add up to ${sum}, more than 1`);
  };
  setFaults(opts);
  let plan: ((i: FaultInfo) => FaultAction | null) | null = null;
  let n = 0;
  const log: FaultLogEntry[] = [];
  const counts: Record<string, number> = {};
  // Upstream connections are pooled like a real load balancer's; a broken one is not reused.
  // Idle ones close after 4 s, before the target's keep-alive timeout (Node's default is 5 s) closes
  // them under a request: that would be a reset the proxy did not mean to inject.
  const upstream = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });

  function randomAction(info: FaultInfo): FaultAction {
    if (opts.affects && !opts.affects(info)) return { kind: "pass" };
    let x = random();
    for (const [key, kind] of RATE_KINDS) {
      x -= rates[key] ?? 0;
      if (x >= 0) continue;
      switch (kind) {
        case "unavailable":
          return { kind: "status", status: 503, body: { error: "unavailable", message: "Injected 503." } };
        case "retryAfter":
          return {
            kind: "status",
            status: 503,
            headers: { "retry-after": String(opts.retryAfterSeconds ?? 1) },
            body: { error: "unavailable", message: "Injected 503 with Retry-After." },
          };
        case "truncate": {
          const size = Number(info.headers["content-length"] ?? 0);
          // Nothing to cut in an empty body: pass it (the counts say what was injected).
          return size > 1 ? { kind: "truncate", afterBytes: Math.floor(size / 2) } : { kind: "pass" };
        }
        case "slow": {
          const release = new Promise<void>((r) => setTimeout(r, opts.slowMs ?? 1_000));
          return { kind: "delay", onHold: () => {}, release };
        }
        default:
          return { kind };
      }
    }
    return { kind: "pass" };
  }

  const server = http.createServer((req, res) => {
    const info: FaultInfo = { method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers, n: n++ };
    const action = plan?.(info) ?? randomAction(info);
    const entry: FaultLogEntry = {
      method: info.method,
      path: info.path,
      action: action.kind,
      start: performance.now(),
    };
    log.push(entry);
    const label =
      action.kind === "status"
        ? `${action.status}${action.headers?.["retry-after"] ? " with Retry-After" : ""}`
        : action.kind;
    counts[label] = (counts[label] ?? 0) + 1;
    res.on("close", () => (entry.end = performance.now()));
    req.pause(); // nothing is read before the action says so (the delay holds the body back too)
    const act = () => {
      switch (action.kind) {
        case "status":
          req.resume();
          req.on("end", () => {
            entry.status = action.status;
            res
              .writeHead(action.status, { "content-type": "application/json", ...action.headers })
              .end(JSON.stringify(action.body ?? { error: "injected", message: `injected HTTP ${action.status}` }));
          });
          return;
        case "reset":
          req.socket.resetAndDestroy();
          return;
        case "halfOpen":
          return; // paused and never answered; close() or down() end it
        case "delay":
          action.onHold();
          void action.release.then(() => forward(req, res, action, entry));
          return;
        default:
          forward(req, res, action, entry);
      }
    };
    if (delayMs > 0) setTimeout(act, delayMs);
    else act();
  });

  function forward(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    action: Exclude<FaultAction, { kind: "status" | "reset" | "halfOpen" }>,
    entry: FaultLogEntry,
  ) {
    if (req.destroyed) return; // the client gave up while the request was held
    const headers = { ...req.headers, host: opts.hostHeader ?? t.host };
    if (action.kind === "truncate") {
      delete headers["content-length"];
      headers["transfer-encoding"] = "chunked";
    }
    const up = http.request(
      { host: t.hostname, port: targetPort, method: req.method, path: req.url, headers, agent: upstream },
      (upRes) => {
        entry.status = upRes.statusCode;
        if (action.kind === "cutAnswer") {
          // Announce the whole answer, send half of it, and break the connection.
          const length = Number(upRes.headers["content-length"] ?? 0);
          const { "transfer-encoding": _chunked, ...rest } = upRes.headers;
          res.writeHead(upRes.statusCode ?? 502, { ...rest, "content-length": String(Math.max(length, 2)) });
          let sent = 0;
          const half = Math.max(1, Math.floor(length / 2));
          upRes.on("data", (c: Buffer) => {
            if (sent < half) res.write(c.subarray(0, half - sent));
            sent += c.length;
          });
          upRes.on("end", () => res.socket?.destroy());
          return;
        }
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
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
    // A client that dies mid-upload: abort the upstream request too, so the target sees it cut.
    req.on("close", () => {
      if (!req.complete) up.destroy();
    });
  }

  // A held or half-open request may wait as long as its scenario says, not Node's 300 s.
  server.requestTimeout = 0;
  let connections = 0;
  const open = new Set<Socket>();
  server.on("connection", (s: Socket) => {
    connections++;
    open.add(s);
    s.once("close", () => open.delete(s));
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((r) => {
      server.close(() => r());
      // Half-open and held requests are not idle: closeAllConnections() would spare none, but
      // it leaves sockets of requests still being read; destroy every one.
      for (const s of open) s.destroy();
    });
  await listen(opts.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    counts: () => ({ ...counts }),
    connections: () => connections,
    plan: (fn) => void (plan = fn),
    setFaults,
    pass: () => {
      plan = null;
      for (const [key] of RATE_KINDS) rates[key] = 0;
    },
    down: stop,
    up: () => listen(port),
    close: async () => {
      await stop();
      upstream.destroy();
    },
  };
}
