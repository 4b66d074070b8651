import { describe, it, expect, beforeAll } from "vitest";
import { createUser } from "@/lib/auth/users";
import { createCollection, listCollections } from "@/lib/assets/collections";

let userId: string;
beforeAll(async () => {
  userId = (await createUser({ login: "cara", name: "Cara", role: "author", password: "cara-password-1" })).id;
  await createCollection({ name: "spring_2026", title: "Spring Campaign", description: "" }, userId);
  await createCollection({ name: "springx2026", title: "Autumn 100% Cotton", description: "" }, userId);
});

describe("collection search", () => {
  it("ignores case in titles on both databases", async () => {
    const { rows } = await listCollections({ q: "CAMPAIGN" });
    expect(rows.map((r) => r.name)).toEqual(["spring_2026"]);
  });

  it("takes LIKE wildcards literally", async () => {
    expect((await listCollections({ q: "g_2026" })).rows.map((r) => r.name)).toEqual(["spring_2026"]);
    expect((await listCollections({ q: "100%" })).rows.map((r) => r.name)).toEqual(["springx2026"]);
    expect((await listCollections({ q: "%" })).rows.map((r) => r.name)).toEqual(["springx2026"]);
    expect((await listCollections({ q: "spring" })).total).toBe(2);
  });
});
