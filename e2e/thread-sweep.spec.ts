/**
 * The contention chart's measured sweep: live runs of the shown block over 1..N threads on this machine (N = the
 * cores the browser reports), started by a button, with progress, drawn as a measured series; Cancel stops one.
 */
import type { Page } from "@playwright/test";
import { threadsForCores } from "../src/runtime/live/support";
import { expect, test } from "./fixtures";
import { expectFinishedRun, openDrawer } from "./panel-helpers";

async function openSweep(page: Page) {
  await page.goto("/?n=3000");
  await expectFinishedRun(page, /3,000 transactions/);
  const chart = page.getByTestId("contention");
  await chart.scrollIntoViewIfNeeded();
  // The measured sweep waits for the simulated one, so the two do not share the cores.
  await expect(chart.getByTestId("contention-progress")).toHaveCount(0, { timeout: 60_000 });
  return chart.getByTestId("thread-sweep");
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
  const points = sweep.getByTestId("measured-point");
  await expect(points).toHaveCount(cores);
  for (let t = 1; t <= cores; t++) {
    await expect(points.nth(t - 1).locator("title")).toHaveText(
      new RegExp(`^${t} threads?: measured [\\d.]+× \\(median of 5 runs, range [\\d.]+×–[\\d.]+×\\)$`),
    );
  }
  await expect(sweep.locator("path.ct-measured")).toHaveCount(1);
  await expect(sweep.locator("line.ct-range")).toHaveCount(cores);
  await expect(sweep.getByRole("img")).toHaveAttribute(
    "aria-label",
    /^Measured speedup over measured sequential against threads: 1 thread: measured/,
  );

  // A second sweep, cancelled while it measures: it says so, and the button is back.
  await sweep.getByRole("button", { name: /^Measure/ }).click();
  await expect(sweep.getByTestId("thread-sweep-progress")).toBeVisible();
  await sweep.getByRole("button", { name: "Cancel" }).click();
  await expect(sweep.getByTestId("thread-sweep-cancelled")).toHaveText(
    new RegExp(`^Cancelled after \\d of ${cores} thread counts\\.$`),
  );
  await expect(sweep.getByRole("button", { name: /^Measure/ })).toBeEnabled();
});

test("the measured sweep never runs while a live run is in flight", async ({ page }) => {
  const sweep = await openSweep(page);
  const measure = sweep.getByRole("button", { name: /^Measure/ });
  await expect(measure).toBeEnabled();
  await openDrawer(page);
  await page.getByRole("radio", { name: /Live/ }).check();
  // Slowed 100,000-fold the live run would take minutes: the sweep waits for it, and runs once it is stopped.
  await page.getByLabel(/^Slowdown/).fill("100000");
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toBeVisible();
  await expect(measure).toBeDisabled();
  await expect(sweep).toContainText(
    "A live run is in flight: the sweep waits for it, so the two do not share the cores.",
  );
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(measure).toBeEnabled();
  await measure.click();
  await expect(sweep.getByTestId("thread-sweep-progress")).toBeVisible();
  await sweep.getByRole("button", { name: "Cancel" }).click();
  await expect(sweep.getByTestId("thread-sweep-cancelled")).toBeVisible();
});
