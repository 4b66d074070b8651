import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createTenant } from "@/lib/portal/tenants";
import { FILE_TYPES, MAX_COUNTED, SIZES, searchAssets, type SearchQuery } from "@/lib/portal/search";
import { listFolderAssets, PAGE_SIZE, SORTS } from "@/lib/portal/browse";
import type { PortalScope } from "@/lib/portal/visibility";

// Portal search's semantics, checked against a plain filter over the tenant's rows: every word is a
// substring of the asset's search text (name, title, description, tags, type; wildcards and quotes
// taken literally, words of any length), the type and size filters, what the viewer may see, newest
// first, 48 a page, counted up to 1,000. Rows are written, changed and removed directly, so the
// words' index (SQLite FTS5 by triggers, PostgreSQL pg_trgm) is checked to follow every change.

type Row = { id: string; searchText: string; mimeType: string; size: bigint; isPublic: boolean; publishedAt: Date };

let tenantId = "";
let otherId = "";
let admin: PortalScope, user: PortalScope, other: PortalScope;
const t0 = Date.UTC(2026, 0, 1);
let n = 0;

function row(tenant: string, name: string, text: string, o: { mime?: string; size?: number; isPublic?: boolean }) {
  n++;
  const mimeType = o.mime ?? "image/png";
  return {
    id: randomUUID(),
    tenantId: tenant,
    path: `/content/dam/s/${name}`,
    folderPath: "/content/dam/s",
    name,
    title: text,
    // As receive-asset writes it: name, title, description, tags and type, lower-cased.
    searchText: `${name} ${text} ${mimeType}`.toLowerCase(),
    sha256: "0".repeat(64),
    size: BigInt(o.size ?? 1000 + n),
    mimeType,
    version: 1,
    isPublic: o.isPublic ?? true,
    publishedAt: new Date(t0 + n * 1000), // distinct: "newest first" has one answer
  };
}

/** What the search must answer: the plain filter, newest first. */
async function expected(v: PortalScope, q: Pick<SearchQuery, "q" | "type" | "size">): Promise<string[]> {
  const words = [...new Set(q.q.toLowerCase().split(/\s+/).filter(Boolean))];
  const rows: Row[] = await db.portalAsset.findMany({
    where: { tenantId: v.tenantId, ...(v.role === "user" ? { isPublic: true } : {}) },
    select: { id: true, searchText: true, mimeType: true, size: true, isPublic: true, publishedAt: true },
  });
  return rows
    .filter((r) => words.every((w) => r.searchText.includes(w)))
    .filter((r) => !q.type || FILE_TYPES[q.type].prefixes.some((p) => r.mimeType.startsWith(p)))
    .filter((r) => !q.size || (r.size >= SIZES[q.size].min && r.size < SIZES[q.size].max))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .map((r) => r.id);
}

/** Every page of a search, checked against the plain filter; returns the matching ids. */
async function expectSameAsFilter(v: PortalScope, q: Pick<SearchQuery, "q" | "type" | "size">): Promise<string[]> {
  const want = await expected(v, q);
  const first = await searchAssets(v, { ...q, page: 1 });
  expect(first.total, JSON.stringify(q)).toBe(Math.min(want.length, MAX_COUNTED + 1));
  expect(first.more).toBe(want.length > MAX_COUNTED);
  const pages = Math.max(1, Math.ceil(Math.min(want.length, MAX_COUNTED) / PAGE_SIZE));
  expect(first.pages).toBe(pages);
  const got: string[] = [];
  for (let page = 1; page <= pages; page++) {
    const r = page === 1 ? first : await searchAssets(v, { ...q, page });
    got.push(...r.assets.map((a) => a.id));
  }
  expect(got, JSON.stringify(q)).toEqual(want.slice(0, pages * PAGE_SIZE));
  return want;
}

beforeAll(async () => {
  tenantId = (await createTenant({ name: "Search", slug: "search", orgTechId: "A1B2C3D4E5@OutpostOrg" })).id;
  otherId = (await createTenant({ name: "Other", slug: "other", orgTechId: "F1F2F3F4F5@OutpostOrg" })).id;
  admin = { tenantId, role: "admin" };
  user = { tenantId, role: "user" };
  other = { tenantId: otherId, role: "admin" };
  // 1,200 of one kind: more than the count stops at, half of them public, a third PDFs.
  await db.portalAsset.createMany({
    data: Array.from({ length: 1200 }, (_, i) =>
      row(tenantId, `bulk-${String(i).padStart(4, "0")}.${i % 3 ? "jpg" : "pdf"}`, `Bulk harbor ${i}`, {
        mime: i % 3 ? "image/jpeg" : "application/pdf",
        isPublic: i % 2 === 0,
        size: i % 5 === 0 ? 20 * 1024 * 1024 : 50_000,
      }),
    ),
  });
  await db.portalAsset.createMany({
    data: [
      row(tenantId, "poster.png", "Red Falcon poster print", {}),
      row(tenantId, "falcon.svg", "Falcon logo", { mime: "image/svg+xml", isPublic: false }),
      row(tenantId, "guide.pdf", "Blue and red guide", { mime: "application/pdf" }),
      row(tenantId, 'say "hi".png', "Quoted", {}),
      row(tenantId, "x*y(z).png", "Operators NEAR AND OR NOT", {}),
      row(tenantId, "a_b.png", "Underscore", {}),
      row(tenantId, "axb.png", "Not an underscore", {}),
      row(tenantId, "100%.png", "Percent", {}),
      row(tenantId, "naïve.png", "Café crème 🦅 eagle", {}),
      row(otherId, "red-falcon.png", "Red falcon of another tenant", {}),
    ],
  });
});

describe("portal search", () => {
  it("needs every word, in any order, anywhere in the search text", async () => {
    const both = await expectSameAsFilter(admin, { q: "red falcon" });
    expect(both).toHaveLength(1);
    expect(await expectSameAsFilter(admin, { q: "FALCON red" })).toEqual(both);
    expect(await expectSameAsFilter(admin, { q: "falcon" })).toHaveLength(2);
    expect(await expectSameAsFilter(admin, { q: "red falcon nowhere" })).toEqual([]);
    expect(await expectSameAsFilter(admin, { q: "alc" })).toHaveLength(2); // inside a word
    expect(await expectSameAsFilter(admin, { q: "svg+xml" })).toHaveLength(1); // the type
  });

  it("takes short words, wildcards, quotes and query-language words literally", async () => {
    for (const q of ["a", "ed", "r f", "%", "_", "a_b", "100%", '"hi"', 'say "hi', "x*y(z)", "near and", "or not", "*"])
      await expectSameAsFilter(admin, { q });
    expect(await expectSameAsFilter(admin, { q: "a_b" })).toHaveLength(1); // not axb
    expect(await expectSameAsFilter(admin, { q: "%" })).toHaveLength(1);
    expect(await expectSameAsFilter(admin, { q: "naïve crème" })).toHaveLength(1);
    expect(await expectSameAsFilter(admin, { q: "🦅" })).toHaveLength(1);
  });

  it("filters by type and size, with or without words", async () => {
    expect(await expectSameAsFilter(admin, { q: "red", type: "image" })).toHaveLength(1);
    expect(await expectSameAsFilter(admin, { q: "red", type: "document" })).toHaveLength(1);
    await expectSameAsFilter(admin, { q: "harbor", type: "document", size: "large" });
    await expectSameAsFilter(user, { q: "", type: "document" });
    await expectSameAsFilter(admin, { q: "", size: "small" });
  });

  it("shows a Portal user only what was published public, and no tenant another's assets", async () => {
    expect(await expectSameAsFilter(user, { q: "falcon" })).toHaveLength(1);
    expect(await expectSameAsFilter(other, { q: "falcon" })).toHaveLength(1);
    expect(await expectSameAsFilter(other, { q: "harbor" })).toEqual([]);
  });

  it("pages many matches newest first and counts them up to 1,000", async () => {
    expect(await expectSameAsFilter(admin, { q: "bulk" })).toHaveLength(1200);
    expect(await expectSameAsFilter(admin, { q: "" })).toHaveLength(1209);
    expect(await expectSameAsFilter(user, { q: "harbor" })).toHaveLength(600);
    expect(await expectSameAsFilter(admin, { q: "harbor", type: "image" })).toHaveLength(800);
    expect((await searchAssets(admin, { q: "bulk", page: 30 })).assets).toEqual([]);
  });

  it("follows a changed text, and an unpublished asset is gone", async () => {
    const poster = await db.portalAsset.findFirstOrThrow({ where: { tenantId, name: "poster.png" } });
    await db.portalAsset.update({
      where: { id: poster.id },
      data: { title: "Green falcon", searchText: "poster.png green falcon image/png" },
    });
    expect(await expectSameAsFilter(admin, { q: "red falcon" })).toEqual([]);
    expect(await expectSameAsFilter(admin, { q: "green falcon" })).toEqual([poster.id]);
    await db.portalAsset.delete({ where: { id: poster.id } });
    expect(await expectSameAsFilter(admin, { q: "green" })).toEqual([]);
    await db.portalAsset.deleteMany({ where: { tenantId, name: { startsWith: "bulk-00" } } });
    expect(await expectSameAsFilter(admin, { q: "bulk" })).toHaveLength(1100);
  });
});

describe("a folder page", () => {
  it("sorts by every column both ways and pages through what the viewer may see", async () => {
    for (const v of [admin, user]) {
      const rows = await db.portalAsset.findMany({
        where: { tenantId, folderPath: "/content/dam/s", ...(v.role === "user" ? { isPublic: true } : {}) },
        select: { id: true, name: true, title: true, publishedAt: true, size: true, mimeType: true },
      });
      for (const sort of SORTS) {
        for (const dir of ["asc", "desc"] as const) {
          const key = (r: (typeof rows)[number]) => r[sort];
          const want = [...rows]
            .sort((a, b) => {
              const [x, y] = [key(a), key(b)];
              const c = x < y ? -1 : x > y ? 1 : 0;
              return (dir === "asc" ? c : -c) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
            })
            .map((r) => r.id);
          const page = 3;
          const got = await listFolderAssets(v, "/content/dam/s", { sort, dir, page });
          expect(got.total).toBe(rows.length);
          expect(got.pages).toBe(Math.ceil(rows.length / PAGE_SIZE));
          expect(
            got.assets.map((a) => a.id),
            `${v.role} ${sort} ${dir}`,
          ).toEqual(want.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE));
        }
      }
    }
  });
});
