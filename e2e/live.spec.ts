import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { knob, metricValue, openDrawer, sourceKnob } from "./panel-helpers";

test("the preview page is cross-origin isolated", async ({ page }) => {
  await page.goto("/");
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

/** Switches the page to live mode with a small block, this many threads and `shards`. */
async function goLive(page: Page, workers: number, shards: number): Promise<void> {
  await page.goto("/");
  await openDrawer(page);
  await knob(page, "Block size").fill("2000");
  await knob(page, "Shards").fill(String(shards));
  await knob(page, "Workers").fill(String(workers));
  await page.getByRole("radio", { name: /Live/ }).check();
}

async function expectMeasuredRun(page: Page, summary: RegExp): Promise<void> {
  await expect(page.getByTestId("run-summary")).toHaveText(summary, { timeout: 30_000 });
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId("hash-check")).toContainText("matches sequential");
  await expect(page.getByTestId("metrics-panel")).toContainText("Measured throughput");
  expect(await metricValue(page, "tps")).toBeGreaterThan(0);
  expect(await metricValue(page, "speedup")).toBeGreaterThan(0);
}

for (const scheduler of ["blockstm", "batched"]) {
  test(`a live ${scheduler} run completes with the sequential state and measured figures`, async ({
    page,
  }) => {
    await goLive(page, 2, 1);
    await knob(page, "Scheduler").selectOption(scheduler);
    await expectMeasuredRun(page, /2,000 transactions · (Block-STM|Batched) · 2 workers/);
  });
}

test("a sharded live run (receipts) completes with the sequential state", async ({ page }) => {
  await goLive(page, 1, 2);
  await expectMeasuredRun(page, /2 shards × 1 worker, receipts/);
});

test("a mainnet block runs live too, with its block panel", async ({ page }) => {
  await goLive(page, 2, 1);
  await sourceKnob(page).selectOption("eth-12965000");
  await expectMeasuredRun(page, /2 workers · Ethereum block 12,965,000/);
  await expect(page.getByTestId("bp-txs")).toHaveText("259");
});
