/**
 * Compare at 1280x720 under a preset's card, out of talk mode and in it: each side's plots (graph, shards,
 * lanes) keep a usable height however tall the card, the warnings and the notes above them; where they do
 * not all fit, the two sides scroll together. In talk mode (no scroll bar on a projector) a single-shard
 * comparison of generated blocks fits the window whole, down to the lanes' time axis.
 */
import type { Page } from "@playwright/test";
import { PRESETS, type Preset, presetLink } from "../src/engine/scenario/presets";
import { ethBlockOf } from "../src/engine/scenario/scenario";
import { expect, test } from "./fixtures";
import { openLink } from "./link-helpers";

/** Least plot heights, in CSS pixels (compare.css): out of talk mode, and in it. */
const LEAST = { desk: 120, talk: 110 } as const;
/** The shards view is a summary strip: three quarters of that. */
const SHARDS_SHARE = 0.75;

interface SidePlots {
  readonly graph: number;
  readonly lanes: number;
  readonly shards: number | null;
  /** The lanes plot's bottom, in the window. */
  readonly lanesBottom: number;
}

function sidePlots(page: Page): Promise<SidePlots[]> {
  return page.evaluate(() =>
    ["left", "right"].map((side) => {
      const root = document.querySelector(`[data-testid="compare-${side}"]`);
      const box = (view: string) =>
        root?.querySelector(`[data-testid="${view}"] .view-box`)?.getBoundingClientRect();
      const graph = box("graph-view");
      const lanes = box("lanes-view");
      const shards = box("shards-view");
      if (!graph || !lanes) throw new Error(`the ${side} side has no graph or no lanes`);
      return {
        graph: graph.height,
        lanes: lanes.height,
        shards: shards?.height ?? null,
        lanesBottom: lanes.bottom,
      };
    }),
  );
}

/** A comparison that talk mode fits whole at 1280x720: one shard, a generated block (no gas-limit note). */
const fitsWhole = (p: Preset): boolean =>
  p.scenario.shards === 1 && ethBlockOf(p.scenario.source) === null && (p.compare?.shards ?? 1) === 1;

const compares = PRESETS.filter((p) => p.compare);

test("there are comparisons to measure, some that talk mode fits whole", () => {
  expect(compares.length).toBeGreaterThan(0);
  expect(compares.filter(fitsWhole).map((p) => p.id)).toEqual(
    expect.arrayContaining(["optimistic-vs-declared", "nft-mint"]),
  );
});

for (const preset of compares)
  for (const talk of [false, true])
    test(`${preset.id}${talk ? " in talk mode" : ""}: the plots keep a usable height`, async ({ page }) => {
      const { search, hash } = presetLink(preset);
      await openLink(page, `/${search}${hash}`);
      await expect(page.getByTestId("compare-right")).toBeVisible({ timeout: 30_000 });
      if (talk) {
        await page.locator("body").click({ position: { x: 2, y: 300 } });
        await page.keyboard.press("t");
        await page.keyboard.press("PageDown");
        await expect(page.getByTestId("chapter-count")).toHaveText(/^chapter 1\//);
      }
      const least = talk ? LEAST.talk : LEAST.desk;
      const sides = await sidePlots(page);
      test.info().annotations.push({
        type: "plot heights (graph, shards, lanes)",
        description: sides
          .map((s) => [s.graph, s.shards, s.lanes].filter((h) => h !== null).join("/"))
          .join(" | "),
      });
      for (const s of sides) {
        expect(s.graph, "graph").toBeGreaterThanOrEqual(least);
        expect(s.lanes, "lanes").toBeGreaterThanOrEqual(least);
        if (s.shards !== null) expect(s.shards, "shards").toBeGreaterThanOrEqual(least * SHARDS_SHARE - 0.5);
        if (talk && fitsWhole(preset))
          expect(s.lanesBottom, "the lanes inside the window").toBeLessThanOrEqual(720);
      }
    });

test.describe("on a 390x844 phone in talk mode", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the sides stack, each as tall as its content, the plots at their height", async ({ page }) => {
    const preset = compares[0];
    const { search, hash } = presetLink(preset);
    await openLink(page, `/${search}${hash}`);
    await expect(page.getByTestId("compare-right")).toBeVisible({ timeout: 30_000 });
    await page.locator("body").click({ position: { x: 2, y: 300 } });
    await page.keyboard.press("t");
    await page.keyboard.press("PageDown");
    await expect(page.getByTestId("chapter-count")).toHaveText(/^chapter 1\//);
    // The left side's last view ends above the right side's start: neither draws over the other.
    const leftLanes = await page.getByTestId("compare-left").getByTestId("lanes-view").boundingBox();
    const right = await page.getByTestId("compare-right").boundingBox();
    if (!leftLanes || !right) throw new Error("a side has no box");
    expect(right.y).toBeGreaterThanOrEqual(leftLanes.y + leftLanes.height);
    for (const s of await sidePlots(page)) {
      expect(s.graph).toBeGreaterThanOrEqual(LEAST.talk);
      expect(s.lanes).toBeGreaterThanOrEqual(LEAST.talk);
    }
  });
});
