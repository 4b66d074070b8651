import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * axe's serious and critical violations on the current page, one line each, prefixed with `label`.
 * react-aria's live announcer is left out: a pending button's announcement stays in that hidden log
 * for seconds after it was read, pointing at the spinner that labelled it and is gone now.
 */
export async function seriousA11y(page: Page, label = page.url()): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude("[data-live-announcer]").analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function expectNoSeriousA11y(page: Page, label?: string) {
  expect(await seriousA11y(page, label)).toEqual([]);
}
