/** Zoom, pan, search and a time range on the lanes, as in Perfetto: W/S, A/D, Ctrl + wheel, find, Shift + drag. */
import type { Page } from "@playwright/test";
import { findPreset, presetLink } from "../src/engine/scenario/presets";
import { expect, test } from "./fixtures";
import { openLink } from "./link-helpers";

const teaching = findPreset("mod3mod4");
if (!teaching) throw new Error("the teaching preset is missing");

/** The run time the lanes show, [from, to] µs (the canvas lists it for tests). */
async function lanesWindow(page: Page): Promise<[number, number]> {
  const text = await page.getByTestId("lanes-view").locator("canvas").getAttribute("data-window");
  const [from, to] = (text ?? "").split(" ").map(Number);
  return [from, to];
}

test.beforeEach(async ({ page }) => {
  const { search, hash } = presetLink(teaching);
  await openLink(page, `/${search}${hash}`);
  await page.locator("body").click({ position: { x: 2, y: 300 } });
});

test("w and s zoom the lanes about the playhead, a and d pan, Ctrl + wheel zooms", async ({ page }) => {
  await expect.poll(() => lanesWindow(page)).toEqual([0, expect.any(Number)]);
  const [, end] = await lanesWindow(page);
  await page.keyboard.press("Home");
  await page.keyboard.press("w");
  await expect.poll(async () => (await lanesWindow(page))[1]).toBeLessThan(end);
  const [from, to] = await lanesWindow(page);
  expect(from).toBe(0);
  await page.keyboard.press("d");
  await expect.poll(async () => (await lanesWindow(page))[0]).toBeGreaterThan(0);
  const panned = await lanesWindow(page);
  expect(panned[1] - panned[0]).toBeCloseTo(to - from, 6);
  await page.keyboard.press("a");
  await page.keyboard.press("a");
  await page.keyboard.press("a");
  await page.keyboard.press("a");
  // Back at the start with the zoom's width (a pan recomputes the width from the window's two ends, so
  // the last bit of a float may differ).
  await expect.poll(async () => (await lanesWindow(page))[0]).toBe(0);
  expect((await lanesWindow(page))[1]).toBeCloseTo(to, 9);
  for (let i = 0; i < 4; i++) await page.keyboard.press("s");
  await expect.poll(() => lanesWindow(page)).toEqual([0, end]);
  // Ctrl + wheel over the lanes zooms in about the pointer.
  const box = await page.getByTestId("lanes-view").locator("canvas").boundingBox();
  if (!box) throw new Error("the lanes have no box");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -300);
  await page.keyboard.up("Control");
  await expect
    .poll(async () => (await lanesWindow(page))[1] - (await lanesWindow(page))[0])
    .toBeLessThan(end);
});

test("find a transaction by its number; a wrong number says why", async ({ page }) => {
  const input = page.getByRole("spinbutton", { name: "Transaction number" });
  await input.fill("99");
  await input.press("Enter");
  await expect(page.getByTestId("find-tx-error")).toHaveText(
    /there is no transaction 99: this block has 0 to \d+/,
  );
  await input.fill("3");
  await input.press("Enter");
  await expect(page.getByTestId("find-tx-error")).toHaveCount(0);
  // Selected: the inspector shows it.
  await expect(page.getByTestId("inspector-tx")).toContainText(/\b3\b/);
});

test("Shift + drag on the lanes selects a time range and shows its figures", async ({ page }) => {
  const canvas = page.getByTestId("lanes-view").locator("canvas");
  const box = await canvas.boundingBox();
  if (!box) throw new Error("the lanes have no box");
  const y = box.y + box.height / 2;
  await page.keyboard.down("Shift");
  await page.mouse.move(box.x + 60, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, y, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  const figures = page.getByTestId("range-figures");
  await expect(figures).toContainText(/µs – [\d.,]+ µs: \d+ executions \(\d+ re-executions\) · \d+ aborts/);
  await figures.getByRole("button", { name: "Clear" }).click();
  await expect(figures).toHaveCount(0);
});
