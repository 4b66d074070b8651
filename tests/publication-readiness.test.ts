import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as readinessRoute from "@/app/api/publication/readiness/route";
import { createSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { db } from "@/lib/db";
import { publicationSetup } from "./support/publication-fixtures";
import { serveRoutes } from "./support/route-server";

// Without a complete Brand Portal configuration the publishing commands stay visible (the registry
// offers them whatever the configuration) and their dialogs and the wizard show what the readiness
// route says: what an administrator must set up, and the link to set it up for administrators only.

let s: Awaited<ReturnType<typeof publicationSetup>>;
let server: { url: string; close: () => Promise<void> };
const cookies: Record<string, string> = {};

beforeAll(async () => {
  s = await publicationSetup();
  for (const u of [s.author, s.admin]) cookies[u.id] = `${SESSION_COOKIE}=${(await createSession(u.id)).token}`;
  server = await serveRoutes({ "/api/publication/readiness": readinessRoute as never });
});
afterAll(() => server.close());

const readiness = async (user: { id: string }) => {
  const res = await fetch(`${server.url}/api/publication/readiness`, { headers: { cookie: cookies[user.id] } });
  expect(res.status).toBe(200);
  return res.json();
};

describe("publishing readiness", () => {
  it("with a complete configuration: ready, the configuration offered, no setup message", async () => {
    expect(await readiness(s.author)).toEqual({
      ready: true,
      configs: [{ id: s.config.id, title: expect.any(String), tenantUrl: "http://127.0.0.1:9/portal/x" }],
      message: null,
      setupUrl: null,
    });
  });

  it("without one: says what an administrator must set up, with the link for administrators only", async () => {
    await db.brandPortalConfig.updateMany({ data: { clientId: "" } });
    const author = await readiness(s.author);
    expect(author).toMatchObject({ ready: false, configs: [], setupUrl: null });
    expect(author.message).toMatch(/Tenant URL, a Client ID and an OAuth gateway URL/);
    expect(author.message).toMatch(/An administrator sets it up in Tools › Cloud Services › Legacy Cloud Services/);
    expect(await readiness(s.admin)).toMatchObject({ ready: false, setupUrl: "/tools/cloud-services/legacy" });
  });

  it("refuses without a session", async () => {
    expect((await fetch(`${server.url}/api/publication/readiness`)).status).toBe(401);
  });
});
