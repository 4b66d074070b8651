import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { sessionKeyFingerprint } from "@/lib/auth/session-token";
import { blobLocation, otherLiveNodes, type NodeRole } from "@/lib/cluster/registry";
import { env } from "@/lib/env";

// Start-up checks for a cluster. Every node must sign sessions and encrypt server-action ids with
// the keys the others use (else a user is signed out, or a form fails, depending on which node
// answers), and see the binaries the others wrote. The database keeps fingerprints, never keys.
// The secrets key has its own, stricter check (lib/runtime/key-check.ts): data depends on it.

type Key = { setting: string; name: string; fingerprint: string; fix: string };

function keys(role: NodeRole): Key[] {
  const list: Key[] = [
    {
      setting: "session-key-fingerprint",
      name: "session key",
      fingerprint: sessionKeyFingerprint(),
      fix: "Give every node the same OUTPOST_SESSION_SECRET (or the same data/session.key).",
    },
  ];
  // Worker nodes serve no pages and run no server actions.
  if (role !== "worker") {
    const value = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
    list.push({
      setting: "actions-key-fingerprint",
      name: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      fingerprint: value
        ? createHash("sha256").update("outpost-actions-key-check\0").update(value).digest("base64url").slice(0, 22)
        : "unset",
      fix: "Give every web node the same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (32 bytes, base64).",
    });
  }
  return list;
}

/**
 * Refuses to start when a key differs from the one the database records while other nodes run
 * with it. A node alone may change its keys (a restart with a new session key signs everyone
 * out, nothing worse): its fingerprints become the database's.
 */
export async function checkClusterKeys(role: NodeRole, nowMs = Date.now()): Promise<void> {
  const others = await otherLiveNodes(nowMs);
  for (const k of keys(role)) {
    const stored = await db.setting.findUnique({ where: { key: k.setting } });
    if (stored?.value === k.fingerprint) continue;
    const relevant = k.setting === "actions-key-fingerprint" ? others.filter((n) => n.role !== "worker") : others;
    if (stored && relevant.length) {
      throw new Error(
        `Outpost cannot start: this node's ${k.name} is not the one the other running nodes use (${relevant
          .map((n) => `${n.role} node ${n.host}`)
          .join(", ")}). ${k.fix}`,
      );
    }
    if (stored) console.warn(`[cluster] the ${k.name} changed since the last start; recorded the new one`);
    await db.setting.upsert({
      where: { key: k.setting },
      create: { key: k.setting, value: k.fingerprint },
      update: { value: k.fingerprint },
    });
  }
}

/**
 * Refuses to start when this node would keep binaries where the other running nodes cannot read
 * them: a local folder (on another host, or another folder) or another bucket. Nodes on one host
 * sharing one data folder are allowed: they see the same files.
 */
export async function checkBlobStore(nowMs = Date.now()): Promise<void> {
  const mine = blobLocation();
  const other = (await otherLiveNodes(nowMs)).find((n) => n.blobLocation !== mine);
  if (!other) return;
  const where = (loc: string, kind: string) => (kind === "local" ? `the folder ${loc}` : loc);
  const kind = mine.startsWith("s3://") ? "s3" : "local";
  throw new Error(
    `Outpost cannot start: this node would keep binaries in ${where(mine, kind)}, but the running ${other.role} node ${other.host} keeps them in ${where(other.blobLocation, other.blobStore)}. Every node must use one store: set the same OUTPOST_BLOB_STORE=s3://bucket/prefix (and AWS_* variables) on every node.`,
  );
}
