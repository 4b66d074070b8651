import { describe, expect, it, vi } from "vitest";
import {
  cancelHrefFor,
  itemsOfStash,
  readStash,
  wizardSearch,
  wizardStateFromParams,
  wizardUrl,
} from "@/lib/publication/wizard-url";
import { activationProblem } from "@/lib/publication/schemas";

// The Manage Publication wizard's address holds its state: what it writes, it reads back, and an
// address edited by hand falls back to defaults instead of breaking the page.

const params = (search: string) => {
  const out: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(search)) (out[k] ??= []).push(v);
  return out;
};

describe("the wizard's address", () => {
  it("names only the items of a new wizard", () => {
    expect(
      wizardUrl([
        { kind: "folder", id: "f1" },
        { kind: "asset", id: "a_2" },
      ]),
    ).toBe("/publication?item=folder%3Af1&item=asset%3Aa_2");
  });

  it("reads back every choice it wrote", () => {
    const state = {
      items: [{ kind: "collection" as const, id: "c1" }],
      step: "workflows" as const,
      action: "unpublish" as const,
      scheduling: "later" as const,
      date: "2026-12-24",
      time: "09:30",
      title: "Winter & more",
      configId: "cfg-1",
      selection: null,
    };
    expect(wizardStateFromParams(params(wizardSearch(state)))).toEqual(state);
  });

  it("falls back to defaults for what is malformed", () => {
    const s = wizardStateFromParams(
      params(
        "item=folder:ok&item=bogus:x&item=asset:<b>&step=nine&action=drop&when=soon&date=24.12.2026&time=9&config=a/b",
      ),
    );
    expect(s).toEqual({
      items: [{ kind: "folder", id: "ok" }],
      step: "options",
      action: "publish",
      scheduling: "now",
      date: null,
      time: null,
      title: null,
      configId: null,
      selection: null,
    });
  });

  it("asks for a workflow title only when publishing later", () => {
    expect(wizardStateFromParams(params("item=folder:f&step=workflows")).step).toBe("scope");
    expect(wizardStateFromParams(params("item=folder:f&step=workflows&when=later")).step).toBe("workflows");
  });
});

describe("a selection too long for an address", () => {
  it("is named by a key and kept in the tab's sessionStorage", () => {
    const store = new Map<string, string>();
    const sessionStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    vi.stubGlobal("window", { sessionStorage });
    try {
      const items = Array.from({ length: 460 }, (_, i) => ({
        kind: "asset",
        id: `cmxasset${String(i).padStart(17, "0")}`,
      }));
      const url = wizardUrl(items);
      expect(url).toMatch(/^\/publication\?selection=[0-9a-f]{16}$/);
      const state = wizardStateFromParams(params(url.split("?")[1]));
      expect(state.items).toEqual([]);
      expect(itemsOfStash(readStash(state.selection!)!)).toEqual(items);
      // the same selection, the same key; a few items still go in the address
      expect(wizardUrl(items)).toBe(url);
      expect(wizardUrl(items.slice(0, 3))).toBe(
        `/publication?${items
          .slice(0, 3)
          .map((i) => `item=asset%3A${i.id}`)
          .join("&")}`,
      );
      expect(readStash("0000000000000000")).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("an activation date", () => {
  it("is after now and within a year, whoever asks (the wizard's Next, the server)", () => {
    const now = Date.parse("2026-12-08T00:00:00Z");
    expect(activationProblem(new Date("2026-12-08T00:05:00Z"), now)).toBeNull();
    expect(activationProblem(new Date("2026-12-07T23:59:00Z"), now)).toMatch(/in the past/);
    expect(activationProblem(new Date("2099-12-31T23:59:59Z"), now)).toMatch(/more than a year ahead/);
    expect(activationProblem(new Date("+010000-01-01T07:59:59Z"), now)).toMatch(/more than a year ahead/);
    expect(activationProblem(new Date("nonsense"), now)).toMatch(/not a valid date/);
  });
});

describe("Cancel", () => {
  it("goes back to the first item's folder, or to the Collections console", () => {
    expect(cancelHrefFor({ kind: "asset", path: "/content/dam/spring/hero.jpg" })).toBe("/assets/spring");
    expect(cancelHrefFor({ kind: "folder", path: "/content/dam/spring" })).toBe("/assets");
    expect(cancelHrefFor({ kind: "collection", path: "/collections/picks" })).toBe("/collections");
    expect(cancelHrefFor(null)).toBe("/assets");
  });
});
