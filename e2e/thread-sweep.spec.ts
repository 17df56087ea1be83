/**
 * The contention chart's measured sweep: live runs of the shown block over 1..N threads on this machine (N = the
 * cores the browser reports), started by a button, with progress, drawn as a measured series beside the same
 * block simulated at each thread count; Cancel stops one. An opened block file sweeps like any other.
 */
import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { formatTimes } from "../src/app/format";
import { measureRefusal } from "../src/app/measure";
import { importUpload, toUpload } from "../src/app/upload";
import { decodeLink } from "../src/engine/scenario/link";
import type { LoadedBlock } from "../src/runtime/block-source";
import { threadsForCores } from "../src/runtime/live/support";
import { threadSweepPlan } from "../src/runtime/live/thread-sweep";
import { simulate } from "../src/runtime/simulate";
import { atThreads } from "../src/runtime/thread-sim";
import { THREAD_AXIS_LABEL, THREAD_SERIES } from "../src/ui/views/contention/thread-chart";
import { expect, test } from "./fixtures";
import { chooseFile, expectFinishedRun, openDrawer } from "./panel-helpers";

/** Waits for the chart's simulated sweeps (the measured one waits for them, so the two do not share the cores). */
async function sweepOnScreen(page: Page): Promise<Locator> {
  const chart = page.getByTestId("contention");
  await chart.scrollIntoViewIfNeeded();
  // The measured sweep waits for the simulated one, so the two do not share the cores.
  await expect(chart.getByTestId("contention-progress")).toHaveCount(0, { timeout: 60_000 });
  const sweep = chart.getByTestId("thread-sweep");
  await expect(sweep.getByRole("button", { name: /^Measure/ })).toBeEnabled({ timeout: 60_000 });
  return sweep;
}

/** Opens a block of `txs` transactions with the chart on screen, its simulated sweeps done. */
async function openSweep(page: Page, txs = 3000): Promise<Locator> {
  await page.goto(`/?n=${txs}`);
  await expectFinishedRun(page, new RegExp(`${txs.toLocaleString("en-US")} transactions`));
  return sweepOnScreen(page);
}

/** Each point's speedup read off its drawn height, through the y axis as drawn (two labelled grid lines). */
async function drawnSpeedups(sweep: Locator): Promise<{ measured: number[]; simulated: number[] }> {
  return sweep.locator("svg[role=img]").evaluate((svg) => {
    const ticks = [...svg.querySelectorAll(".layer-grid text")].map((t) => ({
      v: Number.parseFloat(t.textContent ?? ""),
      y: Number(t.getAttribute("y")),
    }));
    const a = ticks[0];
    const b = ticks[ticks.length - 1];
    const at = (py: number): number => a.v + ((py - a.y) * (b.v - a.v)) / (b.y - a.y);
    const attr = (e: Element, name: string): number => Number(e.getAttribute(name));
    return {
      measured: [...svg.querySelectorAll("circle.ct-measured")].map((c) => at(attr(c, "cy"))),
      simulated: [...svg.querySelectorAll("rect.ct-simulated")].map((r) =>
        at(attr(r, "y") + attr(r, "height") / 2),
      ),
    };
  });
}

/** The figure a point's tooltip gives ("2 threads: simulated 1.84×" → 1.84). */
const figureOf = async (point: Locator): Promise<number> =>
  Number.parseFloat(((await point.locator("title").textContent()) ?? "").split(": ")[1].split(" ")[1]);

/**
 * Checks every plotted figure: each simulated point is the virtual engine's speedup of the page's block and
 * scenario at that thread count, each measured one a median with its range; the legend and axis name both.
 */
async function expectPlotted(page: Page, sweep: Locator, cores: number, loaded?: LoadedBlock): Promise<void> {
  const { scenario } = decodeLink(new URL(page.url()).search, new URL(page.url()).hash);
  const sim = sweep.getByTestId("simulated-point");
  await expect(sim).toHaveCount(cores);
  for (let t = 1; t <= cores; t++) {
    const run = simulate(atThreads(scenario, t), loaded);
    const speedup = formatTimes(run.sequentialUs / run.elapsedUs);
    await expect(sim.nth(t - 1).locator("title")).toHaveText(
      `${t} thread${t === 1 ? "" : "s"}: simulated ${speedup}`,
    );
  }
  await expect(sweep.locator("path.ct-simulated")).toHaveCount(1);
  const points = sweep.getByTestId("measured-point");
  await expect(points).toHaveCount(cores);
  for (let t = 1; t <= cores; t++) {
    await expect(points.nth(t - 1).locator("title")).toHaveText(
      new RegExp(`^${t} threads?: measured [\\d.]+× \\(median of 5 runs, range [\\d.]+×–[\\d.]+×\\)$`),
    );
  }
  await expect(sweep.locator("path.ct-measured")).toHaveCount(1);
  await expect(sweep.locator("line.ct-range")).toHaveCount(cores);
  // Each point is drawn at the height of the figure it names (to the 2 decimals shown).
  const drawn = await drawnSpeedups(sweep);
  for (let i = 0; i < cores; i++) {
    expect(Math.abs(drawn.measured[i] - (await figureOf(points.nth(i))))).toBeLessThanOrEqual(0.006);
    expect(Math.abs(drawn.simulated[i] - (await figureOf(sim.nth(i))))).toBeLessThanOrEqual(0.006);
  }
  await expect(sweep.getByRole("img")).toHaveAttribute(
    "aria-label",
    /^Speedup over sequential against threads\. Measured: 1 thread: measured .*\. Simulated: 1 thread: simulated /,
  );
  await expect(sweep.getByTestId("thread-sweep-legend")).toHaveText(
    THREAD_SERIES.measured + THREAD_SERIES.simulated,
  );
  await expect(sweep.locator("text.ct-axis")).toHaveText(THREAD_AXIS_LABEL);
}

test("a measured sweep over 1..N threads draws a labelled measured series, and Cancel stops one", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const sweep = await openSweep(page);
  const cores = threadsForCores(await page.evaluate(() => navigator.hardwareConcurrency));
  await expect(sweep).toContainText(`Live runs of this block on 1 to ${cores} threads`);
  await expect(sweep).toContainText("measured speedup over the measured sequential run, not simulated");

  await sweep.getByRole("button", { name: `Measure 1–${cores} threads` }).click();
  await expect(sweep.getByTestId("thread-sweep-progress")).toBeVisible();
  await expect(sweep.getByTestId("thread-sweep-progress")).toHaveCount(0, { timeout: 90_000 });
  await expectPlotted(page, sweep, cores);
  for (const [width, height] of [
    [1280, 720],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await sweep.scrollIntoViewIfNeeded();
    await sweep.screenshot({ path: test.info().outputPath(`thread-sweep-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // A second sweep, cancelled while it measures: it says so, and the button is back.
  await sweep.getByRole("button", { name: /^Measure/ }).click();
  await expect(sweep.getByTestId("thread-sweep-progress")).toBeVisible();
  await sweep.getByRole("button", { name: "Cancel" }).click();
  await expect(sweep.getByTestId("thread-sweep-cancelled")).toHaveText(
    new RegExp(`^Cancelled after \\d of ${cores} thread counts\\.$`),
  );
  await expect(sweep.getByRole("button", { name: /^Measure/ })).toBeEnabled();
});

test("the measured sweep never shares the cores with a live run or a measurement", async ({ page }) => {
  test.setTimeout(120_000);
  // A block big enough that the sweep is still measuring while the test looks at the page.
  const sweep = await openSweep(page, 30_000);
  const measure = sweep.getByRole("button", { name: /^Measure/ });
  await expect(measure).toBeEnabled();
  await openDrawer(page);
  await page.getByRole("radio", { name: /Live/ }).check();
  // Slowed 100,000-fold the live run would take minutes. While it is in flight the side column is its own,
  // so no sweep can start beside it; once it is stopped the sweep is back, ready to measure.
  await page.getByLabel(/^Slowdown/).fill("100000");
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toBeVisible();
  await expect(page.getByTestId("live-run-card")).toBeVisible();
  await expect(sweep).toHaveCount(0);
  await page.getByRole("button", { name: "Stop" }).click();
  await sweepOnScreen(page);
  await measure.click();
  await expect(sweep.getByTestId("thread-sweep-progress")).toBeVisible();
  // While the sweep measures, "Measure this machine" waits for it, and says why.
  const panel = page.getByTestId("measure");
  const measureMachine = panel.getByRole("button", { name: "Measure this machine" });
  await expect(measureMachine).toBeDisabled();
  await expect(panel.getByTestId("measure-refusal")).toHaveText(
    measureRefusal({ liveRun: false, liveSweep: true }) ?? "",
  );
  await sweep.getByRole("button", { name: "Cancel" }).click();
  await expect(sweep.getByTestId("thread-sweep-cancelled")).toBeVisible();

  // And the sweep waits for a measurement.
  await measureMachine.click();
  await expect(page.getByRole("progressbar", { name: "Measurement progress" })).toBeVisible();
  await expect(measure).toBeDisabled();
  await expect(sweep).toContainText(
    "This machine is being measured: the sweep waits for it, so the two do not share the cores.",
  );
  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(measure).toBeEnabled();
});

test("an opened block file sweeps like any other: measured and simulated on its own transactions", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const name = "12965000.json";
  const json: unknown = JSON.parse(readFileSync(`public/blocks/${name}`, "utf8"));
  await page.goto("/");
  await expectFinishedRun(page, /Block-STM/);
  await openDrawer(page);
  await chooseFile(page, name, Buffer.from(JSON.stringify(json)));
  await expectFinishedRun(page, /Ethereum block 12,965,000/);
  await page.keyboard.press("Escape");
  const sweep = await sweepOnScreen(page);
  // A real block has no place on the synthetic sweep's axis: no ring, and the chart says why.
  const chart = page.getByTestId("contention");
  await expect(chart).toContainText("The shown block is not synthetic, so it has no place on this axis");
  await expect(chart.locator(".ct-marker")).toHaveCount(0);
  const cores = threadsForCores(await page.evaluate(() => navigator.hardwareConcurrency));
  await sweep.getByRole("button", { name: `Measure 1–${cores} threads` }).click();
  await expect(sweep.getByTestId("thread-sweep-progress")).toBeVisible();
  await expect(sweep.getByTestId("thread-sweep-progress")).toHaveCount(0, { timeout: 90_000 });
  const opened = toUpload(name, json);
  if (!opened.ok) throw new Error(opened.error);
  const { scenario } = decodeLink(new URL(page.url()).search, new URL(page.url()).hash);
  await expectPlotted(page, sweep, cores, importUpload(opened.upload, scenario.feeMode));
});

test("the simulated series shows its progress while it computes, and Stop keeps what it has", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // 100,000 transfers over 2 accounts: each thread count's virtual run takes seconds.
  await page.goto("/?n=100000&acc=2");
  await expectFinishedRun(page, /100,000 transactions/);
  const chart = page.getByTestId("contention");
  await chart.scrollIntoViewIfNeeded();
  const sweep = chart.getByTestId("thread-sweep");
  const progress = sweep.getByTestId("thread-sim-progress");
  const counts = threadSweepPlan(1, await page.evaluate(() => navigator.hardwareConcurrency)).length;
  await expect(progress).toContainText(new RegExp(`Simulating \\d+ of ${counts} thread counts…`));
  await expect(progress.getByRole("progressbar", { name: "Simulated sweep progress" })).toBeVisible();
  await progress.getByRole("button", { name: "Stop" }).click();
  await expect(progress).toHaveCount(0);
  await expect(sweep.getByTestId("thread-sim-stopped")).toHaveText(
    new RegExp(`^Simulated series stopped after \\d+ of ${counts} thread counts\\.$`),
  );
  // The measured sweep no longer waits for it.
  await expect(sweep.getByRole("button", { name: /^Measure/ })).toBeEnabled();
});
