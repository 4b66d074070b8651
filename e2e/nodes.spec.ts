import path from "node:path";
import Database from "better-sqlite3";
import { test, expect } from "./support/test";
import { createUser, signInAs, unique } from "./support/helpers";
import { E2E } from "./support/env";

// Tools › Deployment › Nodes: the server under test is a node (web and worker) heartbeating into
// the registry. A node that stopped heartbeating a minute ago (as a killed process leaves its row)
// appears without a reload, marked lost, and the live node hands its jobs back to the queue.

const sqliteTime = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

test("Nodes: this node live with its role and heartbeat; a silent node appears as lost", async ({ page }) => {
  await page.goto("/tools");
  await page.getByRole("navigation", { name: "Tools sections" }).getByRole("link", { name: "Deployment" }).click();
  await page.getByRole("link", { name: /^Nodes/ }).click();
  await expect(page.getByRole("heading", { name: "Nodes", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" })).toContainText(/Tools\s*Deployment\s*Nodes/);
  const table = page.getByRole("grid", { name: "Nodes" });
  const self = table.getByRole("row").filter({ hasText: "Live" }).first();
  await expect(self).toContainText("Web and worker");
  await expect(self).toContainText("0.1.0");
  await expect(self).toContainText("jobs/min");
  await expect(self).toContainText("Local folder");

  const id = `${unique("gone-host")}:4242:abcdef`;
  const db = new Database(path.join(E2E.dataDir, "outpost.db"));
  try {
    const minuteAgo = sqliteTime(Date.now() - 60_000);
    db.prepare(
      `INSERT INTO "ClusterNode" ("id", "role", "version", "host", "pid", "blobStore", "blobLocation", "startedAt",
        "lastHeartbeatAt", "jobsInFlight", "jobsDone", "jobsPerMinute") VALUES (?, 'worker', '0.1.0', ?, 4242, 'local', ?, ?, ?, 3, 120, 12)`,
    ).run(id, id.split(":")[0], `${id.split(":")[0]}:/data/blobs`, sqliteTime(Date.now() - 3600_000), minuteAgo);
  } finally {
    db.close();
  }
  // Live data: the row comes in without a reload, lost, and its jobs are reclaimed at the next heartbeat.
  const lost = table.getByRole("row").filter({ hasText: id });
  await expect(lost).toContainText("Lost", { timeout: 15_000 });
  await expect(lost).toContainText("Worker");
  await expect(lost).toContainText("Its jobs went back to the queue", { timeout: 15_000 });
});

test("an author is refused the Nodes screen and its API", async ({ page, browser }) => {
  const login = unique("author");
  await createUser(page, { login, name: "Nodes Author", role: "Author", password: "author-password-1" });
  const author = await signInAs(browser, login, "author-password-1");
  await author.goto("/tools");
  await expect(author.getByRole("link", { name: /^Nodes/ })).toHaveCount(0);
  const res = await author.goto("/tools/nodes");
  expect(res?.status()).toBe(403);
  await expect(author.getByRole("heading", { name: "You don't have access" })).toBeVisible();
  await expect(author.getByRole("grid", { name: "Nodes" })).toHaveCount(0);
  const api = await author.request.get("/api/cluster/nodes");
  expect(api.status()).toBe(403);
  const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  expect((await anon.request.get(`${E2E.baseURL}/api/cluster/nodes`)).status()).toBe(401);
  // Metrics are off without OUTPOST_METRICS_TOKEN: the endpoint does not exist.
  expect((await anon.request.get(`${E2E.baseURL}/api/metrics`)).status()).toBe(404);
  await anon.close();
});

test("relative times hydrate without an error when the page's scripts arrive seconds later", async ({ page }) => {
  // "Last heartbeat: 3 s ago" is rendered on the server; a slow connection hydrates it seconds later.
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await new Promise((r) => setTimeout(r, 2_200));
    await route.continue();
  });
  await page.goto("/tools/nodes");
  await expect(
    page.getByRole("grid", { name: "Nodes" }).getByRole("row").filter({ hasText: "Live" }).first(),
  ).toBeVisible();
  await page.unrouteAll({ behavior: "wait" });
  expect(errors.filter((e) => /#418|#425|hydrat/i.test(e))).toEqual([]);
});
