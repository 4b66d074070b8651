import { expect, type Locator, type Page } from "@playwright/test";

// Layout checks for small screens: the page fits the window, and controls neither overlap nor
// leave it.

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(l: Locator): Promise<Box> {
  await expect(l).toBeVisible();
  const box = await l.boundingBox();
  expect(box, "a visible element has a box").not.toBeNull();
  return box!;
}

/** Nothing makes the page scroll sideways. */
export async function expectNoSidewaysScroll(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth, "the page's width").toBeLessThanOrEqual(innerWidth);
}

/** The element is visible and inside `outer`'s box, or else across the window's width. */
export async function expectInside(l: Locator, outer?: Locator) {
  const b = await boxOf(l);
  const o = outer ? await boxOf(outer) : { x: 0, y: b.y, width: l.page().viewportSize()!.width, height: b.height };
  expect(b.x, "left edge").toBeGreaterThanOrEqual(o.x - 0.5);
  expect(b.x + b.width, "right edge").toBeLessThanOrEqual(o.x + o.width + 0.5);
  expect(b.y, "top edge").toBeGreaterThanOrEqual(o.y - 0.5);
  expect(b.y + b.height, "bottom edge").toBeLessThanOrEqual(o.y + o.height + 0.5);
}

/** The elements are visible and no two of them overlap. */
export async function expectApart(...ls: Locator[]) {
  const boxes = await Promise.all(ls.map(boxOf));
  const overlap = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b, j) => expect(overlap(a, b), `${ls[i]} overlaps ${ls[i + 1 + j]}`).toBe(false)),
  );
}
