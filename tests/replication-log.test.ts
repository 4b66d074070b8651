import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendLog, flushLogs, LOG_CAP, trimLog } from "@/lib/replication/log/append-log";
import { readLog } from "@/lib/replication/log/read-log";
import { createConfig } from "./support/replication-fixtures";

// The agent log: the agent's Log Level decides what is written, readers filter by level and
// text, and the log keeps only the newest entries.

describe("agent log", () => {
  it("writes by the agent's level, filters by level and text, newest first", async () => {
    const { agents } = await createConfig({
      tenantUrl: "http://127.0.0.1:9/portal/x",
      gatewayUrl: "http://127.0.0.1:9/gateway",
      clientId: "c",
    });
    const id = agents[0].id;
    await appendLog(id, "info", { level: "debug", message: "claimed job 1" }); // below the agent's level: not written
    await appendLog(id, "info", {
      level: "info",
      message: "publish asset /content/dam/a.jpg: created (HTTP 201)",
      path: "/content/dam/a.jpg",
      action: "publish",
      durationMs: 12.4,
      bytes: 2048,
      statusCode: 201,
      result: "created",
    });
    await appendLog(id, "info", {
      level: "error",
      message: "publish asset /content/dam/b.jpg: HTTP 500",
      path: "/content/dam/b.jpg",
      action: "publish",
      statusCode: 500,
      result: "retry",
    });
    await appendLog(id, "debug", { level: "debug", message: "claimed job 2" });
    const all = await readLog(id, {});
    expect(all.rows.map((r) => r.message)).toEqual([
      "claimed job 2",
      "publish asset /content/dam/b.jpg: HTTP 500",
      "publish asset /content/dam/a.jpg: created (HTTP 201)",
    ]);
    expect(all.rows[2]).toMatchObject({
      durationMs: 12,
      bytes: 2048,
      statusCode: 201,
      result: "created",
      level: "info",
    });
    expect((await readLog(id, { level: "info" })).rows).toHaveLength(2);
    expect((await readLog(id, { level: "error" })).rows.map((r) => r.statusCode)).toEqual([500]);
    expect((await readLog(id, { q: "a.jpg" })).rows).toHaveLength(1);
    expect((await readLog(id, { q: "nothing like this" })).total).toBe(0);
    await expect(readLog("no-such-agent", {})).rejects.toMatchObject({ status: 404 });
  });

  it("keeps the newest entries and drops the oldest", async () => {
    const { agents } = await createConfig({
      tenantUrl: "http://127.0.0.1:9/portal/x",
      gatewayUrl: "http://127.0.0.1:9/gateway",
      clientId: "c",
    });
    const [a, b] = agents;
    for (let i = 0; i < 30; i++) await appendLog(a.id, "info", { level: "info", message: `entry ${i}` });
    await appendLog(b.id, "info", { level: "info", message: "another agent's entry" });
    await flushLogs();
    expect(await trimLog(a.id, 10)).toBe(20);
    const left = await readLog(a.id, { take: 100 });
    expect(left.total).toBe(10);
    expect(left.rows[0].message).toBe("entry 29");
    expect(left.rows.at(-1)!.message).toBe("entry 20");
    expect(await db.agentLogEntry.count({ where: { agentId: b.id } })).toBe(1);
    expect(LOG_CAP).toBeGreaterThanOrEqual(1000);
  });

  it("trims by itself as entries arrive", async () => {
    const { agents } = await createConfig({
      tenantUrl: "http://127.0.0.1:9/portal/x",
      gatewayUrl: "http://127.0.0.1:9/gateway",
      clientId: "c",
    });
    const id = agents[0].id;
    await db.agentLogEntry.createMany({
      data: Array.from({ length: LOG_CAP + 50 }, (_, i) => ({ agentId: id, level: "info", message: `old ${i}` })),
    });
    for (let i = 0; i < 100; i++) await appendLog(id, "info", { level: "info", message: `new ${i}` });
    await flushLogs();
    expect(await db.agentLogEntry.count({ where: { agentId: id } })).toBe(LOG_CAP);
    expect((await readLog(id, { take: 1 })).rows[0].message).toBe("new 99");
  });
});

describe("agent log after a failed write", () => {
  it("keeps writing: a refused entry is reported once and the next entries are written", async () => {
    const { agents } = await createConfig({
      tenantUrl: "http://127.0.0.1:9/portal/x",
      gatewayUrl: "http://127.0.0.1:9/gateway",
      clientId: "c",
    });
    const id = agents[0].id;
    // An agent deleted with its configuration while its worker still logs: the database refuses.
    await appendLog("no-such-agent", "info", { level: "info", message: "from a deleted agent" });
    await appendLog(id, "info", { level: "info", message: "written alongside" });
    await expect(flushLogs()).rejects.toThrow();
    await appendLog(id, "info", { level: "info", message: "written after the failure" });
    await flushLogs();
    expect((await readLog(id, {})).rows.map((r) => r.message)).toEqual([
      "written after the failure",
      "written alongside",
    ]);
  });
});
