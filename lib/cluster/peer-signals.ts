import "server-only";
import pg from "pg";
import { nodeId } from "@/lib/cluster/node-id";
import { direct } from "@/lib/db";
import { sql } from "@/lib/assets/sql";
import { databaseUrl, dbProvider } from "@/lib/env";

// Wake-ups between nodes on PostgreSQL: LISTEN/NOTIFY on one channel. A node that enqueues jobs,
// unblocks an agent or (re)schedules a publication tells the others right after its commit, so an
// idle worker or a sleeping scheduler elsewhere starts in milliseconds instead of at its next poll
// (a second) or rescan (30 s); so does a web-only node that stores an image needing renditions
// (lib/assets/rendition-kick.ts). Each node still wakes its own loops in process (lib/replication/
// queue/wake.ts, lib/publication/scheduler-events.ts); the polls stay as the fallback, so a lost
// notification (a dropped connection, a node restarting) only costs the old delay. SQLite runs in
// one process: nothing here does anything there.

export type PeerSignal = "jobs" | "unblock" | "scheduler" | "renditions";
type Handlers = Partial<Record<PeerSignal, (arg: string | null) => void>>;

const CHANNEL = "outpost_wake";
const RECONNECT_MAX_MS = 5_000;

type State = {
  handlers: Set<Handlers>;
  client: pg.Client | null;
  connecting: Promise<void> | null;
  retryTimer: NodeJS.Timeout | null;
  retryMs: number;
  /** Signals being sent, and whether the same one was asked for again meanwhile (coalesced). */
  sending: Map<string, boolean>;
};
const g = globalThis as unknown as { outpostPeerSignals?: State };
const state: State = (g.outpostPeerSignals ??= {
  handlers: new Set(),
  client: null,
  connecting: null,
  retryTimer: null,
  retryMs: 100,
  sending: new Map(),
});

/**
 * Tells the other nodes, after the caller's commit. Fire and forget: a failure is logged and the
 * others find the work at their next poll. While one signal is on its way, asking for the same one
 * again sends it once more afterwards, not once per call (a burst of enqueues is one wake-up).
 */
export function signalPeers(kind: PeerSignal, arg: string | null = null): void {
  if (dbProvider !== "postgresql") return;
  const key = `${kind}\n${arg ?? ""}`;
  if (state.sending.has(key)) {
    state.sending.set(key, true);
    return;
  }
  state.sending.set(key, false);
  const payload = JSON.stringify({ from: nodeId, kind, arg });
  const send = (): Promise<void> =>
    direct.execute(sql`SELECT pg_notify(${CHANNEL}, ${payload})`).then(() => {
      if (!state.sending.get(key)) return;
      state.sending.set(key, false);
      return send();
    });
  send()
    .catch((e) => console.error("[cluster] could not notify the other nodes; they will poll", e))
    .finally(() => state.sending.delete(key));
}

/**
 * Calls the handlers when another node signals. The first subscriber opens this process's one
 * listening connection; the last one to leave closes it. After the connection is lost and made
 * again, every handler is called with null: notifications sent meanwhile were missed.
 */
export function onPeerSignal(handlers: Handlers): () => Promise<void> {
  if (dbProvider !== "postgresql") return async () => {};
  state.handlers.add(handlers);
  if (!state.client && !state.connecting && !state.retryTimer) void connect();
  return async () => {
    state.handlers.delete(handlers);
    if (state.handlers.size) return;
    if (state.retryTimer) clearTimeout(state.retryTimer);
    state.retryTimer = null;
    // Not waiting for a connection still being made (the database may be down): it closes
    // itself when it is made and finds no subscriber.
    const client = state.client;
    state.client = null;
    await client?.end().catch(() => {});
  };
}

/** Resolves once this process listens (tests, and the benchmark, wait for it before measuring). */
export async function listening(): Promise<boolean> {
  if (dbProvider !== "postgresql") return false;
  await state.connecting?.catch(() => {});
  return state.client !== null;
}

function deliver(kind: PeerSignal, arg: string | null) {
  for (const h of [...state.handlers]) {
    try {
      h[kind]?.(arg);
    } catch (e) {
      console.error("[cluster] a wake-up handler failed", e);
    }
  }
}

function connect(): Promise<void> {
  const attempt = (async () => {
    const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true, connectionTimeoutMillis: 10_000 });
    client.on("notification", (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      let msg: { from?: string; kind?: PeerSignal; arg?: string | null };
      try {
        msg = JSON.parse(n.payload);
      } catch {
        return;
      }
      // A node hears its own NOTIFY too: it has already woken its loops in process.
      if (msg.from === nodeId || !msg.kind) return;
      deliver(msg.kind, msg.arg ?? null);
    });
    const lost = (e?: Error) => {
      if (state.client !== client) return;
      state.client = null;
      if (e) console.error(`[cluster] the wake-up connection failed (${e.message}); reconnecting`);
      void client.end().catch(() => {});
      retry();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (e) {
      void client.end().catch(() => {});
      throw e;
    }
    if (!state.handlers.size) {
      await client.end().catch(() => {});
      return;
    }
    const reconnected = state.retryMs > 100;
    state.client = client;
    state.retryMs = 100;
    if (reconnected) for (const kind of ["jobs", "scheduler", "renditions"] as const) deliver(kind, null);
  })();
  state.connecting = attempt.then(
    () => {
      state.connecting = null;
    },
    (e) => {
      state.connecting = null;
      console.error(`[cluster] could not listen for the other nodes (${(e as Error).message}); retrying`);
      retry();
    },
  );
  return state.connecting;
}

function retry() {
  if (!state.handlers.size || state.retryTimer) return;
  state.retryTimer = setTimeout(() => {
    state.retryTimer = null;
    if (state.handlers.size && !state.client) void connect();
  }, state.retryMs);
  state.retryTimer.unref();
  state.retryMs = Math.min(state.retryMs * 2, RECONNECT_MAX_MS);
}
