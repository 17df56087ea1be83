/** Talk mode and the presenter keys: chapters (a clicker's Page Up/Down), help, presets on digits. */
import type { Page } from "@playwright/test";
import { teachingSpeed } from "../src/app/playback";
import { namedTxs } from "../src/engine/analysis/chapter-frame";
import { findPreset, PRESETS, presetLink } from "../src/engine/scenario/presets";
import { Ev } from "../src/engine/trace/kinds";
import { simulate } from "../src/runtime/simulate";
import { formatSpeed } from "../src/ui/playback/playback-format";
import { expect, test } from "./fixtures";
import { openLink, paramsOf } from "./link-helpers";
import { control, playhead } from "./view-helpers";

/**
 * The playhead once it has stopped moving: a chapter plays its short segment, then holds (the Play button
 * is back, faded or not: idle talk mode hides the bar).
 */
async function heldPlayhead(page: Page): Promise<{ time: number; end: number }> {
  await expect(page.getByRole("button", { name: "Play", exact: true, includeHidden: true })).toBeAttached();
  return playhead(page);
}

const teaching = findPreset("mod3mod4");
if (!teaching) throw new Error("the teaching preset is missing");
const { search, hash } = presetLink(teaching);
// The preset's run, simulated here: where the playhead must land.
const run = simulate(teaching.scenario);
const firstTime = Math.min(...[...run.log.time].filter((t) => t > 0));
const firstAbort = run.log.time[run.log.kind.indexOf(Ev.Abort)];

test.beforeEach(async ({ page }) => {
  await openLink(page, `/${search}${hash}`);
  await page.locator("body").click({ position: { x: 2, y: 300 } });
});

test("t toggles talk mode; the controls hide while idle and come back on a key", async ({ page }) => {
  const html = page.locator("html");
  await page.keyboard.press("t");
  await expect(html).toHaveClass(/\btalk\b/);
  await expect(page.getByTestId("chapter-card")).toContainText(teaching.title);
  await expect(page.getByTestId("chapter-count")).toHaveText(`${teaching.chapters.length} chapters`);
  // Talk mode is an open panel of the link.
  await expect.poll(() => page.url()).toContain("#v1:");
  await expect(html).toHaveClass(/talk-idle/, { timeout: 6_000 });
  await expect(page.getByTestId("playback-bar")).toHaveCSS("opacity", "0");
  await expect(page.getByTestId("run-summary")).toBeHidden();
  await page.keyboard.press("Home");
  await expect(html).not.toHaveClass(/talk-idle/);
  await page.keyboard.press("t");
  await expect(html).not.toHaveClass(/\btalk\b/);
});

test("Page Down and Page Up move between chapters and put the playhead on each one", async ({ page }) => {
  await page.keyboard.press("t");
  const n = teaching.chapters.length;
  await page.keyboard.press("PageDown");
  await expect(page.getByTestId("chapter-count")).toHaveText(`chapter 1/${n}`);
  await expect(page.getByTestId("chapter-caption")).toHaveText(teaching.chapters[0].caption);
  expect((await heldPlayhead(page)).time).toBe(0);
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  // Chapter 3 is the first abort: tx 3's.
  await expect(page.getByTestId("chapter-count")).toHaveText(`chapter 3/${n}`);
  await expect(page.getByTestId("chapter-caption")).toHaveText(teaching.chapters[2].caption);
  // (The playback bar shows one decimal.)
  expect(Math.abs((await heldPlayhead(page)).time - firstAbort)).toBeLessThanOrEqual(0.051);
  await expect.poll(() => paramsOf(page).get("ch")).toBe("3");
  // Framed on the abort, the lanes carry the numbers of the transactions the caption names.
  const lanes = page.getByTestId("lanes-view").locator("canvas");
  for (const tx of namedTxs(teaching.chapters[2].caption))
    await expect
      .poll(async () => (await lanes.getAttribute("data-labelled-tx"))?.split(" "))
      .toContain(String(tx));
  // Talk mode's canvas text size, which the lanes read.
  expect(await lanes.evaluate((el) => getComputedStyle(el).getPropertyValue("--canvas-text").trim())).toBe(
    "18px",
  );
  await page.keyboard.press("PageDown");
  await expect(page.getByTestId("chapter-count")).toHaveText(`chapter ${n}/${n}`);
  const { time, end } = await heldPlayhead(page);
  expect(time).toBe(end);
  await page.keyboard.press("PageUp");
  await expect(page.getByTestId("chapter-count")).toHaveText(`chapter ${n - 1}/${n}`);
});

test("the presenter keys: space, arrows, [ ], ? help, f fullscreen, digits", async ({ page }) => {
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  expect(Math.abs((await playhead(page)).time - firstTime)).toBeLessThanOrEqual(0.051);
  await page.keyboard.press("ArrowLeft");
  expect((await playhead(page)).time).toBe(0);
  // The preset's link opened at its teaching speed; ] and [ step up from it and back down.
  const speed = page.getByTestId("speed-value");
  const opened = formatSpeed(teachingSpeed(run.log.time[run.log.length - 1]));
  await expect(speed).toHaveText(opened);
  await page.keyboard.press("]");
  await expect(speed).not.toHaveText(opened);
  await page.keyboard.press("[");
  await expect(speed).toHaveText(opened);
  // The slowest speed, so that the short run is still playing when we look for the Pause button.
  for (let i = 0; i < 20; i++) await page.keyboard.press("[");
  await expect(page.getByTestId("speed-value")).toHaveText("1/1,000,000×");
  await page.keyboard.press(" ");
  await expect(control(page, "Pause")).toBeVisible();
  await page.keyboard.press(" ");
  await expect(control(page, "Play")).toBeVisible();
  // A clicker's "blank screen" key: "." and "b" blank the screen and bring it back, and play nothing.
  await page.keyboard.press(".");
  await expect(page.getByTestId("blank-screen")).toBeVisible();
  await expect(control(page, "Play")).toBeAttached();
  await page.keyboard.press(".");
  await expect(page.getByTestId("blank-screen")).toHaveCount(0);
  await page.keyboard.press("b");
  await expect(page.getByTestId("blank-screen")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("blank-screen")).toHaveCount(0);

  await page.keyboard.press("?");
  const help = page.getByTestId("help-overlay");
  await expect(help).toBeVisible();
  for (const key of ["Space", "Page Up / Page Down", "1 – 9", "n p", "b or .", "[ ]", "?"])
    await expect(help).toContainText(key);
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);

  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);

  await page.keyboard.press("4");
  await expect.poll(() => paramsOf(page).get("p"), { timeout: 15_000 }).toBe(PRESETS[3].id);
  // Every preset is a key away: n and p step through the gallery's order.
  await page.keyboard.press("n");
  await expect.poll(() => paramsOf(page).get("p"), { timeout: 15_000 }).toBe(PRESETS[4].id);
  await page.keyboard.press("p");
  await page.keyboard.press("p");
  await expect.poll(() => paramsOf(page).get("p"), { timeout: 15_000 }).toBe(PRESETS[2].id);
});

test("after the last chapter comes the next preset's title card (a playlist)", async ({ page }) => {
  await page.keyboard.press("t");
  for (let i = 0; i < teaching.chapters.length; i++) await page.keyboard.press("PageDown");
  await expect(page.getByTestId("chapter-count")).toHaveText(/^chapter (\d+)\/\1$/);
  await page.keyboard.press("PageDown");
  const next = PRESETS[(PRESETS.indexOf(teaching) + 1) % PRESETS.length];
  await expect.poll(() => paramsOf(page).get("p"), { timeout: 15_000 }).toBe(next.id);
  await expect(page.getByTestId("chapter-card")).toContainText(next.title);
  await expect(page.getByTestId("chapter-count")).toHaveText(`${next.chapters.length} chapters`);
  // And back: Page Up from its title card goes to the teaching block's last chapter.
  await page.keyboard.press("PageUp");
  await expect.poll(() => paramsOf(page).get("p"), { timeout: 15_000 }).toBe(teaching.id);
  await expect(page.getByTestId("chapter-count")).toHaveText(
    `chapter ${teaching.chapters.length}/${teaching.chapters.length}`,
  );
});

test("talk mode holds still: clicker keys and playback shift nothing (Layout Instability API)", async ({
  page,
}) => {
  await page.keyboard.press("t");
  const html = page.locator("html");
  await expect(html).toHaveClass(/talk-idle/, { timeout: 6_000 });
  // Every layout shift from here on, summed (those right after a key press included).
  await page.evaluate(() => {
    const root = document.documentElement;
    root.dataset.layoutShift = "0";
    new PerformanceObserver((list) => {
      let sum = Number(root.dataset.layoutShift);
      for (const e of list.getEntries()) sum += Number(Reflect.get(e, "value"));
      root.dataset.layoutShift = String(sum);
    }).observe({ type: "layout-shift" });
  });
  const n = teaching.chapters.length;
  for (let i = 0; i < n; i++) {
    await page.keyboard.press("PageDown");
    await expect(page.getByTestId("chapter-count")).toHaveText(`chapter ${i + 1}/${n}`);
    await heldPlayhead(page);
  }
  await page.keyboard.press("PageUp");
  await heldPlayhead(page);
  for (const key of ["ArrowLeft", "ArrowLeft", "ArrowRight", "Home"]) await page.keyboard.press(key);
  // Playback from the start to the end.
  await page.keyboard.press(" ");
  await heldPlayhead(page);
  for (const key of ["b", "b", ".", "."]) await page.keyboard.press(key);
  await expect(page.getByTestId("blank-screen")).toHaveCount(0);
  await page.mouse.move(600, 300);
  await expect(html).not.toHaveClass(/talk-idle/);
  await expect(html).toHaveClass(/talk-idle/, { timeout: 6_000 });
  // Two frames, so the last shift is reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const shift = Number(await html.getAttribute("data-layout-shift"));
  test.info().annotations.push({ type: "layout shift", description: shift.toFixed(4) });
  console.log(`talk mode: total layout shift ${shift.toFixed(4)}`);
  expect(shift).toBeLessThan(0.02);
});

test("talk mode at 1280x720 shows the chapter large", async ({ page }) => {
  await page.keyboard.press("t");
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  await expect(page.getByTestId("chapter-caption")).toHaveCSS("font-size", /^(2[4-9]|3\d)/);
  await page.screenshot({ path: test.info().outputPath("talk-1280.png") });
});
