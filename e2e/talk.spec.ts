/** Talk mode and the presenter keys: chapters (a clicker's Page Up/Down), help, presets on digits. */
import { findPreset, PRESETS, presetLink } from "../src/engine/scenario/presets";
import { Ev } from "../src/engine/trace/kinds";
import { simulate } from "../src/runtime/simulate";
import { expect, test } from "./fixtures";
import { openLink, paramsOf } from "./link-helpers";
import { control, playhead } from "./view-helpers";

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
  expect((await playhead(page)).time).toBe(0);
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  // Chapter 3 is the first abort: tx 3's.
  await expect(page.getByTestId("chapter-count")).toHaveText(`chapter 3/${n}`);
  await expect(page.getByTestId("chapter-caption")).toHaveText(teaching.chapters[2].caption);
  // (The playback bar shows one decimal.)
  expect(Math.abs((await playhead(page)).time - firstAbort)).toBeLessThanOrEqual(0.051);
  await expect.poll(() => paramsOf(page).get("ch")).toBe("3");
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  await expect(page.getByTestId("chapter-count")).toHaveText(`chapter ${n}/${n}`);
  const { time, end } = await playhead(page);
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
  await page.keyboard.press("]");
  await expect(page.getByTestId("speed-value")).not.toHaveText("1/10,000×");
  await page.keyboard.press("[");
  await expect(page.getByTestId("speed-value")).toHaveText("1/10,000×");
  // The slowest speed, so that the short run is still playing when we look for the Pause button.
  for (let i = 0; i < 20; i++) await page.keyboard.press("[");
  await expect(page.getByTestId("speed-value")).toHaveText("1/1,000,000×");
  await page.keyboard.press(" ");
  await expect(control(page, "Pause")).toBeVisible();
  await page.keyboard.press(".");
  await expect(control(page, "Play")).toBeVisible();

  await page.keyboard.press("?");
  const help = page.getByTestId("help-overlay");
  await expect(help).toBeVisible();
  for (const key of ["Space", "Page Up / Page Down", "1 – 9", "[ ]", "?"])
    await expect(help).toContainText(key);
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);

  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);

  await page.keyboard.press("4");
  await expect.poll(() => paramsOf(page).get("p"), { timeout: 15_000 }).toBe(PRESETS[3].id);
});

test("talk mode at 1280x720 shows the chapter large", async ({ page }) => {
  await page.keyboard.press("t");
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  await expect(page.getByTestId("chapter-caption")).toHaveCSS("font-size", /^(2[4-9]|3\d)/);
  await page.screenshot({ path: test.info().outputPath("talk-1280.png") });
});
