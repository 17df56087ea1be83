/** Zoom, pan and search on the dependency graph: W/S/A/D and 0 over the graph, Ctrl + wheel, drag, find. */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openLink } from "./link-helpers";

/** The graph's node canvas: it lists the zoom drawn and the transactions whose numbers are drawn. */
const nodes = (page: Page): Locator => page.getByTestId("graph-view").locator("canvas").nth(1);

/** The zoom drawn: [k, cx, cy] (k = 1: the whole graph). */
async function zoomOf(page: Page): Promise<[number, number, number]> {
  const [k, cx, cy] = ((await nodes(page).getAttribute("data-zoom")) ?? "").split(" ").map(Number);
  return [k, cx, cy];
}

const labelled = async (page: Page): Promise<string[]> =>
  ((await nodes(page).getAttribute("data-labelled-tx")) ?? "").split(" ").filter(Boolean);

async function pointAtGraph(page: Page): Promise<{ x: number; y: number }> {
  const box = await nodes(page).boundingBox();
  if (!box) throw new Error("the graph has no box");
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(at.x, at.y);
  return at;
}

test.beforeEach(async ({ page }) => {
  // The default block: 1,000 transactions, too many to number at the whole graph's size.
  await openLink(page, "/");
  await expect.poll(() => zoomOf(page)).toEqual([1, 0.5, 0.5]);
});

test("w and s zoom the graph under the pointer, a and d pan it, 0 shows the whole graph", async ({
  page,
}) => {
  const before = await labelled(page);
  await pointAtGraph(page);
  // Bigger nodes: more of them carry their numbers, a few presses in however small the run's nodes start.
  let zoom = 1;
  for (let i = 0; i < 4 && (await labelled(page)).length <= before.length; i++) {
    await page.keyboard.press("w");
    await expect.poll(async () => (await zoomOf(page))[0]).toBeGreaterThan(zoom);
    zoom = (await zoomOf(page))[0];
  }
  await expect.poll(async () => (await labelled(page)).length).toBeGreaterThan(before.length);
  const [k, cx] = await zoomOf(page);
  await page.keyboard.press("d");
  await expect.poll(async () => (await zoomOf(page))[1]).toBeGreaterThan(cx);
  expect((await zoomOf(page))[0]).toBe(k);
  await page.keyboard.press("s");
  await page.keyboard.press("w");
  await page.keyboard.press("0");
  await expect.poll(() => zoomOf(page)).toEqual([1, 0.5, 0.5]);
  await expect.poll(() => labelled(page)).toEqual(before);
});

test("Ctrl + wheel zooms about the pointer; a drag pans; the button shows the whole graph", async ({
  page,
}) => {
  const at = await pointAtGraph(page);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -400);
  await page.keyboard.up("Control");
  await expect.poll(async () => (await zoomOf(page))[0]).toBeGreaterThan(1);
  const [, cx, cy] = await zoomOf(page);
  // Dragging the drawing left shows what lies right of it.
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x - 120, at.y, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await zoomOf(page))[1]).toBeGreaterThan(cx);
  expect((await zoomOf(page))[2]).toBeCloseTo(cy, 6);
  await page.getByRole("button", { name: "Whole graph" }).click();
  await expect.poll(() => zoomOf(page)).toEqual([1, 0.5, 0.5]);
  await expect(page.getByRole("button", { name: "Whole graph" })).toBeDisabled();
});

test("finding a transaction by its number frames its node, with its number on it", async ({ page }) => {
  expect(await labelled(page)).not.toContain("500");
  const input = page.getByRole("spinbutton", { name: "Transaction number" });
  await input.fill("500");
  await input.press("Enter");
  await expect.poll(async () => (await zoomOf(page))[0]).toBeGreaterThan(1);
  await expect.poll(() => labelled(page)).toContain("500");
  // Zoomed in, its edges are few enough to draw one by one, or bundled with the selected one's in full.
  await expect(page.getByTestId("graph-edge-note")).toHaveText(
    /^[\d,]+ edges drawn|the selected transaction's drawn in full/,
  );
});
