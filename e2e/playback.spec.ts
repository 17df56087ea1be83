import type { Page } from "@playwright/test";
import { DEFAULT_SCENARIO } from "../src/engine/scenario/scenario";
import { Ev } from "../src/engine/trace/kinds";
import { simulate } from "../src/runtime/simulate";
import { expect, test } from "./fixtures";
import { animationFrames, control, playhead, runScenario } from "./view-helpers";

/** The playback bar shows one decimal: a time matches when it rounds to the same tenth. */
async function expectPlayheadAt(page: Page, us: number): Promise<void> {
  expect(Math.abs((await playhead(page)).time - us)).toBeLessThanOrEqual(0.051);
}

// The teaching block: 8 transactions on 4 workers, with two aborts (tx 3's and tx 6's).
const TEACHING = { source: "mod3mod4", txs: "8", workers: "4", scheduler: "blockstm" };
// The same run, simulated here: where each move of the playhead must land.
const run = simulate({ ...DEFAULT_SCENARIO, source: "mod3mod4", txs: 8, workers: 4, scheduler: "blockstm" });
const times = [...new Set(run.log.time)].sort((a, b) => a - b).filter((t) => t > 0);
const abortTimes = [...run.log.time].filter((_, i) => run.log.kind[i] === Ev.Abort);

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await runScenario(page, TEACHING, /^Block-STM.*4 workers/);
});

test("restart, step forward and back, and next abort move the playhead as they say", async ({ page }) => {
  await control(page, "Restart").click();
  expect((await playhead(page)).time).toBe(0);

  // Step forward: to the next distinct event time (the first execution starting), then the next.
  await control(page, "Step forward").click();
  await expectPlayheadAt(page, times[0]);
  await control(page, "Step forward").click();
  await expectPlayheadAt(page, times[1]);
  await control(page, "Step back").click();
  await expectPlayheadAt(page, times[0]);

  // Next abort: tx 3's, selected in the inspector; then tx 6's.
  expect(abortTimes).toHaveLength(2);
  await control(page, "Next abort").click();
  await expectPlayheadAt(page, abortTimes[0]);
  await expect(page.getByTestId("inspector-tx")).toContainText("tx 3");
  await control(page, "Next abort").click();
  await expectPlayheadAt(page, abortTimes[1]);
  await expect(page.getByTestId("inspector-tx")).toContainText("tx 6");
  // No abort after the last one: the button says so by being disabled.
  await expect(control(page, "Next abort")).toBeDisabled();

  await control(page, "Restart").click();
  expect((await playhead(page)).time).toBe(0);
});

test("play advances the playhead, pause holds it, the scrub bar sets it", async ({ page }) => {
  await control(page, "Restart").click();
  // The slowest speed: a microsecond of the run per second, so the 10 µs run plays for 10 s.
  await page.getByRole("slider", { name: "Speed" }).fill("0");
  await expect(page.getByTestId("speed-value")).toHaveText("1/1,000,000×");
  await control(page, "Play").click();
  await expect.poll(async () => (await playhead(page)).time, { timeout: 10_000 }).toBeGreaterThan(0);
  await control(page, "Pause").click();
  const held = (await playhead(page)).time;
  // Ten frames later (each one a chance for the play loop to move it) the playhead has not moved.
  await animationFrames(page, 10);
  expect((await playhead(page)).time).toBe(held);

  const { end } = await playhead(page);
  await page.getByTestId("scrub").fill(String(end / 2));
  expect((await playhead(page)).time).toBeCloseTo(end / 2, 0);
});

test("the keyboard drives the playhead: Home, arrows, space and x", async ({ page }) => {
  await page.locator("body").click({ position: { x: 2, y: 2 } });
  await page.keyboard.press("Home");
  expect((await playhead(page)).time).toBe(0);
  await page.keyboard.press("ArrowRight");
  await expectPlayheadAt(page, times[0]);
  await page.keyboard.press("ArrowLeft");
  expect((await playhead(page)).time).toBe(0);
  await page.keyboard.press("x");
  await expectPlayheadAt(page, abortTimes[0]);
  // "[" slows down one notch at a time, down to a microsecond of the run per second.
  for (let i = 0; i < 20; i++) await page.keyboard.press("[");
  await expect(page.getByTestId("speed-value")).toHaveText("1/1,000,000×");
  await page.keyboard.press(" ");
  await expect(control(page, "Pause")).toBeVisible();
  await page.keyboard.press(" ");
  await expect(control(page, "Play")).toBeVisible();
});
