import type { Page } from "@playwright/test";
import { MEASURE_PREEMPTED, measureRefusal } from "../src/app/measure";
import { expect, test } from "./fixtures";
import { expectFinishedRun, expectMeasuredRun, openDrawer } from "./panel-helpers";

const FIELDS = ["taskUs", "mvReadUs", "mvWriteUs", "validateUsPerRead", "commitUs", "resumeUs"];
const LABEL = "cost model measured in this browser";

/** Measures on this browser's threads and waits for the table of medians. */
async function measure(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Measure this machine" }).click();
  await expect(page.getByTestId("measure-table")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("progressbar", { name: "Measurement progress" })).toHaveCount(0);
}

test("measure this machine: a cancellable measurement, its medians as the cost model, labelled until a knob changes", async ({
  page,
}) => {
  await page.goto("/");
  await openDrawer(page);
  await expectFinishedRun(page, /Block-STM/);

  // Cancel: the progress goes, no table is shown.
  await page.getByRole("button", { name: "Measure this machine" }).click();
  await expect(page.getByRole("progressbar", { name: "Measurement progress" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("progressbar", { name: "Measurement progress" })).toHaveCount(0);
  await expect(page.getByTestId("measure-table")).toHaveCount(0);

  await measure(page);
  const table = page.getByTestId("measure-table");
  await expect(table.locator("caption")).toHaveText(
    /^Measured in this browser on this machine: \d+ threads, median and range of 5 warm repetitions, µs$/,
  );
  const shown: Record<string, string> = {};
  for (const f of FIELDS) {
    const row = table.locator(`tr[data-field="${f}"]`);
    const median = (await page.getByTestId(`measured-${f}`).textContent()) ?? "";
    expect(Number(median), f).toBeGreaterThanOrEqual(0);
    const [min, max] = ((await row.locator("td").nth(1).textContent()) ?? "").split("–").map(Number);
    expect(min, f).toBeLessThanOrEqual(Number(median));
    expect(Number(median), f).toBeLessThanOrEqual(max);
    shown[f] = median;
  }

  // The slot with every thread taking them at once is shown for comparison, as the CLI prints it, and not set.
  expect(Number(await page.getByTestId("measured-taskUsAll").textContent())).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Use as cost model" }).click();
  // Every figure measured here is inside its range (0 to 100 µs): the knobs hold the medians as shown.
  await expect(page.getByTestId("measure-clamped")).toHaveCount(0);
  for (const f of FIELDS) await expect(page.locator(`#knob-cost-${f}`)).toHaveValue(shown[f]);
  await expect(page.getByTestId("cost-measured")).toBeVisible();
  await expect(page.getByTestId("run-summary")).toContainText(`· ${LABEL}`);
  await expect(page.getByTestId("mp-cost-measured")).toHaveCount(1);
  await expectFinishedRun(page, /Block-STM/);
  await page.getByTestId("measure").scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("measure-1280.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("measure").scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("measure-390.png") });
  await page.setViewportSize({ width: 1280, height: 720 });

  // A cost knob changed by hand: the next run's cost model is no longer the measured one.
  const commit = Number(shown.commitUs) === 7 ? "8" : "7";
  await page.locator("#knob-cost-commitUs").fill(commit);
  await expect(page.getByTestId("cost-measured")).toHaveCount(0);
  await expect(page.getByTestId("run-summary")).not.toContainText(LABEL);
  await expectFinishedRun(page, /Block-STM/);
  await expect(page.getByTestId("mp-cost-measured")).toHaveCount(0);
});

test("a measurement never shares the cores: a live run started during one stops it, saying so, and Measure waits for a live run", async ({
  page,
}) => {
  await page.goto("/");
  await openDrawer(page);
  await expectFinishedRun(page, /Block-STM/);
  const button = page.getByRole("button", { name: "Measure this machine" });

  // A live run takes the one live client: the measurement stops and says why, nothing half-measured is shown.
  await button.click();
  await expect(page.getByRole("progressbar", { name: "Measurement progress" })).toBeVisible();
  await page.getByRole("radio", { name: /Live/ }).check();
  await expect(page.getByTestId("measure-notice")).toHaveText(MEASURE_PREEMPTED);
  await expect(page.getByRole("progressbar", { name: "Measurement progress" })).toHaveCount(0);
  await expect(page.getByTestId("measure-table")).toHaveCount(0);
  await expectMeasuredRun(page, /Block-STM/);

  // Slowed 100,000-fold, a live run is in flight for minutes: Measure waits for it, with the reason shown.
  await page.getByLabel(/^Slowdown/).fill("100000");
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toBeVisible();
  await expect(button).toBeDisabled();
  await expect(page.getByTestId("measure-refusal")).toHaveText(
    measureRefusal({ liveRun: true, liveSweep: false }) ?? "",
  );
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(button).toBeEnabled();
  await expect(page.getByTestId("measure-refusal")).toHaveCount(0);
  await measure(page);
  await expect(page.getByTestId("measure-notice")).toHaveCount(0);
});
