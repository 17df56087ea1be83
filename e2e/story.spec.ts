/**
 * The guided story ("Start here"): opened by its button and by its link, stepped through with Continue,
 * Back, Skip and Leave (Esc), by keyboard and by tap; each step's sentences are those computed from the
 * step's run (simulated here too) and state the figures the page shows; a bad step link says so; the card
 * fits at 1280x720 and on a phone. Presets open at a speed their run can be followed at.
 */
import type { Page } from "@playwright/test";
import { formatTimes } from "../src/app/format";
import { teachingSpeed } from "../src/app/playback";
import { STORY } from "../src/app/story/steps";
import { computeMetrics } from "../src/engine/analysis/metrics";
import { findPreset } from "../src/engine/scenario/presets";
import type { Scenario } from "../src/engine/scenario/scenario";
import { readBlockFile } from "../src/runtime/block-file";
import { loadBlock } from "../src/runtime/block-source";
import { simulate } from "../src/runtime/simulate";
import { formatSpeed } from "../src/ui/playback/playback-format";
import { expect, test } from "./fixtures";
import { openLink, paramsOf, waitForRun } from "./link-helpers";

const run = async (s: Scenario) => simulate(s, await loadBlock(s, readBlockFile));

interface Expected {
  readonly text: string[];
  readonly speedup: string;
  readonly right: string | null;
}

/** Each step's sentences and speedups, from the step's runs simulated here. */
const expected: Expected[] = [];

test.beforeAll(async () => {
  for (const step of STORY) {
    const left = await run(step.scenario);
    const right = step.compare ? await run({ ...step.scenario, ...step.compare }) : null;
    expected.push({
      text: step.say(left, right),
      speedup: formatTimes(computeMetrics(left).speedup),
      right: right ? formatTimes(computeMetrics(right).speedup) : null,
    });
  }
});

const card = (page: Page) => page.getByTestId("story-card");
const button = (page: Page, name: string) => card(page).getByRole("button", { name, exact: true });

/** Waits until step `n` shows its sentences (its runs are on screen). */
async function atStep(page: Page, n: number): Promise<void> {
  await expect(page.getByTestId("story-count")).toHaveText(`Step ${n} of ${STORY.length}`);
  await expect(page.getByTestId("story-text").locator("p")).toHaveText(expected[n - 1].text, {
    timeout: 30_000,
  });
}

test("Start here opens the story; Continue goes through every step, each saying what its run shows", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openLink(page, "/");
  await page.getByTestId("story-start").click();
  // The focus goes to the step, so a screen reader reads it and Tab reaches its buttons.
  await expect(card(page).getByRole("heading")).toBeFocused();
  for (let n = 1; n <= STORY.length; n++) {
    await atStep(page, n);
    // The address bar is written after the step's run is shown (throttled): wait for it, not read it once.
    await expect.poll(() => paramsOf(page).get("story")).toBe(String(n));
    const e = expected[n - 1];
    const said = e.text.join(" ");
    // The figures the page shows for the same run are the ones the step states.
    const speedup = (await page.getByTestId("mp-speedup").textContent()) ?? "";
    expect(speedup).toBe(e.speedup);
    if (said.includes(`${e.speedup} faster`)) expect(said).toContain(speedup);
    if (e.right) {
      // A comparison shows both runs' figures side by side (the side column steps aside).
      await expect(page.getByTestId("compare-left-speedup")).toHaveText(e.speedup);
      await expect(page.getByTestId("compare-right-speedup")).toHaveText(e.right);
      expect(said).toContain(e.right);
    }
    if (n === 1) {
      // One worker: its lanes and figures, no graph yet.
      await expect(page.getByTestId("graph-view")).toHaveCount(0);
      const note = (await page.getByTestId("mp-tps-note").textContent()) ?? "";
      expect(said).toContain(note.replace(/^8 tx in /, ""));
    }
    if (n === 2) {
      await expect(page.getByTestId("graph-view")).toBeVisible();
      expect(said).toContain(`at most ${await page.getByTestId("mp-ideal").textContent()}`);
    }
    if (n === 8) expect(said).toContain(`of an ideal ${await page.getByTestId("mp-ideal").textContent()}`);
    // Continue by keyboard on even steps, by click on odd ones.
    if (n % 2 === 0) {
      await button(page, n === STORY.length ? "Finish" : "Continue →").focus();
      await page.keyboard.press("Enter");
    } else await button(page, n === STORY.length ? "Finish" : "Continue →").click();
  }
  // Past the last step the story closes; the last run stays on screen.
  await expect(card(page)).toHaveCount(0);
  await expect.poll(() => paramsOf(page).get("story")).toBeNull();
  await expect(page.getByTestId("run-summary")).toContainText("Ethereum block 19,606,599");
});

test("a story link opens its step; Back, Skip, Leave and Esc move and leave at any step", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openLink(page, "/?story=3");
  await atStep(page, 3);
  await expect(page.getByTestId("run-summary")).toContainText("Block-STM · 4 workers · teaching block");
  // The step plays its run slowed: the teaching block over seconds, not in a tenth of one.
  await expect(page.getByTestId("speed-value")).toHaveText("1/1,000,000×");
  await button(page, "← Back").click();
  await atStep(page, 2);
  // Skip moves on at once, even while the step's run is still in flight.
  await button(page, "Skip").click();
  await button(page, "Skip").click();
  await atStep(page, 4);
  await button(page, "Leave").click();
  await expect(card(page)).toHaveCount(0);
  await expect(page.getByTestId("story-start")).toBeFocused();
  await page.getByTestId("story-start").click();
  await atStep(page, 1);
  await page.keyboard.press("Escape");
  await expect(card(page)).toHaveCount(0);
});

test("a bad step link says what is wrong and opens the story at its first step", async ({ page }) => {
  await openLink(page, "/?story=12");
  await expect(page.getByTestId("link-notices")).toContainText(
    `story must be a step of the guided story, from 1 to ${STORY.length} (got 12)`,
  );
  await atStep(page, 1);
});

test("the step's words open their definitions by keyboard; the glossary opens and closes", async ({
  page,
}) => {
  await openLink(page, "/?story=3");
  await atStep(page, 3);
  const term = card(page).getByRole("button", { name: "Incarnation" });
  await term.focus();
  await page.keyboard.press("Enter");
  await expect(term).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("story-definition")).toContainText("One execution of a transaction");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("story-definition")).toHaveCount(0);
  await page.getByRole("button", { name: "Glossary" }).click();
  const glossary = page.getByTestId("glossary");
  await expect(glossary.locator("dt")).toHaveCount(14);
  await expect(glossary).toContainText("Two-phase commit");
  // Esc closes the dialog first; the story stays open under it.
  await page.keyboard.press("Escape");
  await expect(glossary).toHaveCount(0);
  await expect(card(page)).toBeVisible();
});

test("the try-it knob changes the run, and the step says the run is not its own any more", async ({
  page,
}) => {
  await openLink(page, "/?story=3");
  await atStep(page, 3);
  await card(page).getByTestId("story-try").click();
  await expect(page.getByTestId("story-changed")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-summary")).toContainText("2 workers");
  await card(page).getByRole("button", { name: "Back to this step's run" }).click();
  await atStep(page, 3);
});

test("in talk mode a clicker's Page Down and Page Up move between steps", async ({ page }) => {
  await openLink(page, "/?story=1");
  await atStep(page, 1);
  await page.keyboard.press("t");
  await expect(page.locator("html")).toHaveClass(/\btalk\b/);
  await page.keyboard.press("PageDown");
  await atStep(page, 2);
  await page.keyboard.press("PageUp");
  await atStep(page, 1);
  await expect(card(page)).toBeInViewport({ ratio: 1 });
});

test("a preset opens at a speed its run can be followed at", async ({ page }) => {
  const preset = findPreset("mod3mod4");
  if (!preset) throw new Error("the teaching preset is missing");
  await openLink(page, "/");
  await page.getByRole("button", { name: "Presets" }).click();
  await page.getByTestId("preset-mod3mod4").click();
  await waitForRun(page);
  await expect(page.getByTestId("run-summary")).toContainText("teaching block");
  const end = simulate(preset.scenario).log.time;
  await expect(page.getByTestId("speed-value")).toHaveText(formatSpeed(teachingSpeed(end[end.length - 1])));
});

test.describe("at 1280x720", () => {
  test("Start here is on the first screen and no step's card is cut off", async ({ page }) => {
    test.setTimeout(60_000);
    await openLink(page, "/");
    await expect(page.getByTestId("story-start")).toBeInViewport({ ratio: 1 });
    for (const n of [1, 4, 8]) {
      await page.goto(`/?story=${n}`);
      await atStep(page, n);
      await expect(card(page)).toBeInViewport({ ratio: 1 });
      const clipped = await card(page).evaluate((el) => el.scrollHeight - el.clientHeight);
      expect(clipped, `step ${n}'s card shows all of itself`).toBeLessThanOrEqual(1);
      // A comparison's two runs stay on the stage; the card says what the unsafe note would.
      if (n === 4) {
        await expect(page.getByTestId("compare-left")).toBeInViewport();
        await expect(page.getByTestId("compare-right")).toBeInViewport();
        await expect(page.getByTestId("unsafe-note")).toHaveCount(0);
      }
    }
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("Start here is on the first screen; steps open by tap with no sideways scroll", async ({ page }) => {
    test.setTimeout(60_000);
    await openLink(page, "/");
    await expect(page.getByTestId("story-start")).toBeInViewport({ ratio: 1 });
    await page.getByTestId("story-start").tap();
    for (let n = 1; n <= 4; n++) {
      await atStep(page, n);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `step ${n}: no horizontal overflow`).toBeLessThanOrEqual(0);
      await button(page, "Continue →").tap();
    }
    await atStep(page, 5);
  });
});
