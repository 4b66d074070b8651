import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

// This process's id in the node registry, the lease owner of every job it claims and the sender
// of its wake-ups (lib/cluster/peer-signals.ts): the registry can then hand a lost node's leases
// back exactly (host and pid alone repeat: every container's process may be pid 1 on a reused
// host name). On globalThis: Next bundles route handlers and instrumentation separately, and
// each bundle would otherwise draw an id of its own for the one process.
const g = globalThis as unknown as { outpostNodeId?: string };
export const nodeId: string = (g.outpostNodeId ??= `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`);
