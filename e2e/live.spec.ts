import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectMeasuredRun, knob, sourceKnob, switchToLive } from "./panel-helpers";

test("the preview page is cross-origin isolated", async ({ page }) => {
  await page.goto("/");
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

/** Opens the app in live mode with a small block, this many threads and `shards`. */
async function goLive(page: Page, workers: number, shards: number): Promise<void> {
  await page.goto("/");
  await switchToLive(page, workers, shards);
}

for (const scheduler of ["blockstm", "accountlocks", "batched"]) {
  test(`a live ${scheduler} run completes with the sequential state and measured figures`, async ({
    page,
  }) => {
    await goLive(page, 2, 1);
    await knob(page, "Scheduler").selectOption(scheduler);
    await expectMeasuredRun(page, /2,000 transactions · (Block-STM|Account locks|Level batches) · 2 workers/);
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
