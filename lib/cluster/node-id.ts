import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

// This process's id in the node registry, and the lease owner of every job it claims: the
// registry can then hand a lost node's leases back exactly (host and pid alone repeat: every
// container's process may be pid 1 on a reused host name).
export const nodeId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
