import { describe, expect, it } from "vitest";
import { wizardSearch, wizardStateFromParams, wizardUrl } from "@/lib/publication/wizard-url";

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
    });
  });

  it("asks for a workflow title only when publishing later", () => {
    expect(wizardStateFromParams(params("item=folder:f&step=workflows")).step).toBe("scope");
    expect(wizardStateFromParams(params("item=folder:f&step=workflows&when=later")).step).toBe("workflows");
  });
});
