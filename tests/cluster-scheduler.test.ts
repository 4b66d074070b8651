import { afterAll, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { dbProvider } from "@/lib/env";
import { schedulePublication } from "@/lib/publication/create-publication";
import { terminatePublication } from "@/lib/publication/terminate";
import { exited, killChildNodes, startChildNode } from "./support/child-node";
import { publicationSetup } from "./support/publication-fixtures";

// Publish Later on a cluster: two scheduler loops in two real processes on one PostgreSQL database,
// each rescanning only once a minute. Publications are scheduled (and one terminated) from this
// process, a third node: the schedulers learn of them from its NOTIFY, both wake at the activation
// time and race for each publication, and each starts once (startScheduledPublication lets one win).

const onPostgres = dbProvider === "postgresql";
afterAll(killChildNodes);

it.runIf(onPostgres)(
  "two scheduler loops in two processes fire each publication once, at its time",
  async () => {
    const s = await publicationSetup("/content/dam/cluster");
    const nodes = await Promise.all(
      [1, 2].map(() => startChildNode("tests/support/loops-child.ts", {}, ["scheduler"])),
    );
    const at = Date.now() + 2_000;
    const pubs: { id: string }[] = [];
    for (let i = 0; i < 6; i++) {
      pubs.push(
        await schedulePublication({
          action: "publish",
          items: [{ kind: "folder", id: s.root.id }],
          userId: s.author.id,
          title: `Later ${i}`,
          activationDate: new Date(at).toISOString(),
        }),
      );
    }
    const cancelled = pubs.pop()!;
    await terminatePublication(cancelled.id, s.author);

    await vi.waitFor(
      async () =>
        expect(await db.publication.count({ where: { id: { in: pubs.map((p) => p.id) }, state: "running" } })).toBe(
          pubs.length,
        ),
      { timeout: 15_000, interval: 50 },
    );
    for (const p of pubs) {
      const row = await db.publication.findUniqueOrThrow({ where: { id: p.id } });
      // Once: one set of jobs, as many as the items the start expanded (the folder, its subfolder, 3 assets).
      expect(row.itemCount).toBe(5);
      expect(await db.replicationJob.count({ where: { publicationId: p.id } })).toBe(5);
      expect(row.firedKey).toBe(`${p.id}@${new Date(at).toISOString()}`);
      // At its time, not at a rescan a minute later: the schedulers slept until it.
      expect(row.startedAt!.getTime()).toBeGreaterThanOrEqual(at);
      expect(row.startedAt!.getTime() - at).toBeLessThan(5_000);
    }
    expect((await db.publication.findUniqueOrThrow({ where: { id: cancelled.id } })).state).toBe("terminated");
    expect(await db.replicationJob.count({ where: { publicationId: cancelled.id } })).toBe(0);
    for (const n of nodes) n.child.kill("SIGTERM");
    await Promise.all(nodes.map((n) => exited(n.child)));
    expect(nodes.map((n) => n.child.exitCode)).toEqual([0, 0]);
  },
  90_000,
);
