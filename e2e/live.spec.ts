import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectMeasuredRun, knob, openDrawer, sourceKnob, switchToLive } from "./panel-helpers";

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

test("a live link (mode=live) opens live, and the address bar keeps it live", async ({ page }) => {
  await page.goto("/?lv=1&n=2000&w=2&mode=live");
  await expectMeasuredRun(page, /2,000 transactions · Block-STM · 2 workers/);
  await openDrawer(page);
  await expect(page.getByRole("radio", { name: /Live/ })).toBeChecked();
  await expect(page.getByTestId("link-notices")).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get("mode")).toBe("live");
});

test("a live link on a page that is not cross-origin isolated opens virtual, and says why", async ({
  page,
}) => {
  // The same page served without COOP and COEP: no shared memory between workers.
  await page.route(
    (url) => url.pathname === "/",
    async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers["cross-origin-opener-policy"];
      delete headers["cross-origin-embedder-policy"];
      await route.fulfill({ response, headers });
    },
  );
  await page.goto("/?lv=1&n=2000&w=2&mode=live");
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await expect(page.getByTestId("link-notices")).toContainText(
    "mode: this page cannot run the live mode, so the link opened in virtual mode.",
  );
  await expect(page.getByTestId("run-summary")).toContainText("2,000 transactions");
  await expect(page.getByTestId("metrics-panel")).toContainText("Simulated throughput");
  await openDrawer(page);
  await expect(page.getByRole("radio", { name: /Virtual/ })).toBeChecked();
});

test("compare with a measured run says it compares simulated runs only, and shows no right side", async ({
  page,
}) => {
  await goLive(page, 2, 1);
  await expectMeasuredRun(page, /2,000 transactions · Block-STM · 2 workers/);
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page.getByTestId("compare-diff")).toHaveText(/^Compare runs both sides on the virtual clock/);
  await expect(page.getByTestId("compare-right")).toHaveCount(0);
});
