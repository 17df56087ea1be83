import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { knob, openDrawer } from "./panel-helpers";
import { counter } from "./view-helpers";

/** Opens the page in live mode on 300 transactions and 2 workers, and waits for that run to finish. */
async function liveRunOf300(page: Page): Promise<void> {
  await page.goto("/");
  await openDrawer(page);
  await knob(page, "Block size").fill("300");
  await knob(page, "Workers").fill("2");
  await page.getByRole("radio", { name: /Live/ }).check();
  await expect(page.getByTestId("hash-check")).toContainText("matches sequential", { timeout: 30_000 });
}

test("a slowed live run grows its lanes live, then replays with the sequential state", async ({ page }) => {
  await liveRunOf300(page);
  // A slowed run starts; the drawer closes so the stage has the width of the page.
  const framesBefore = await counter(page, "live-frames");
  const viewsBefore = await counter(page, "live-views");
  await page.getByLabel(/^Slowdown/).fill("6000");
  await page.getByRole("button", { name: "Scenario settings" }).click();

  const panel = page.getByTestId("live-lanes");
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => counter(page, "live-views")).toBe(viewsBefore + 1);
  await expect(panel).toContainText("live: measured, in progress");
  await expect(panel).toContainText("/ 300 committed");
  // The side column is the run in flight's, not the last finished run's: no old caption or metrics.
  const card = page.getByTestId("live-run-card");
  await expect(card).toContainText("Live run in flight");
  await expect(card).toContainText("on 2 threads of this machine");
  await expect(page.getByTestId("caption")).toHaveCount(0);
  await expect(page.getByTestId("metrics-panel")).toHaveCount(0);
  // Nor does the playback bar show the last run's clock: there is nothing to play yet.
  await expect(page.getByTestId("playhead-time")).toHaveText("");
  await expect(page.getByTestId("playhead-clock")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Play" })).toBeDisabled();
  // Its share done is the header's progress, read in the same frame.
  const shares = await page.evaluate(() => [
    document.querySelector("[data-testid=live-run-done]")?.textContent,
    document.querySelector("[data-testid=run-status] span")?.textContent?.replace("Running… ", ""),
  ]);
  expect(shares[0]).toMatch(/^\d+%$/);
  expect(shares[0]).toBe(shares[1]);
  // The page counts the frames it draws at a new committed count while the run is in flight: three of
  // them mean the run was watched as it progressed, however often this test samples the page.
  await expect
    .poll(async () => (await counter(page, "live-frames")) - framesBefore, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(3);
  if (process.env.LIVE_SHOT) await page.screenshot({ path: process.env.LIVE_SHOT });

  await expect(panel).toHaveCount(0, { timeout: 30_000 });
  await expect(card).toHaveCount(0);
  await expect(page.getByTestId("caption")).toBeVisible();
  await expect(page.getByTestId("playhead-clock")).toHaveText("(measured)");
  await expect(page.getByTestId("lanes-view")).toBeVisible();
  await expect(page.getByTestId("hash-check")).toContainText("matches sequential");
  await expect(page.getByTestId("run-summary")).toHaveText(/300 transactions · Block-STM · 2 workers/);
});

test("a full-speed live run of a small block draws no lanes in flight: its repetitions last milliseconds", async ({
  page,
}) => {
  await liveRunOf300(page);
  const started = await counter(page, "runs-started");
  const views = await counter(page, "live-views");
  await knob(page, "Seed").fill("43");
  await expect(page.getByTestId("run-summary")).toHaveText(/300 transactions .* seed 43/, {
    timeout: 30_000,
  });
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toHaveCount(0);
  await expect(page.getByTestId("hash-check")).toContainText("matches sequential");
  expect(await counter(page, "runs-started")).toBe(started + 1);
  // None of its parallel runs was handed to the page to draw while it was being timed.
  expect(await counter(page, "live-views")).toBe(views);
});

test("Stop cancels a slowed live run; the next run works on the same workers", async ({ page }) => {
  await liveRunOf300(page);
  const finished = await page.getByTestId("run-summary").textContent();
  // Slowed 100,000-fold the run would take minutes: it is stopped while in flight.
  await page.getByLabel(/^Slowdown/).fill("100000");
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toBeVisible();
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toHaveCount(0);
  await expect(page.getByTestId("run-error")).toHaveText(/^Run stopped\./);
  await expect(page.getByTestId("run-summary")).toHaveText(finished ?? "");
  // The pool is free again at once: a full-speed run of another block completes.
  await page.getByLabel(/^Slowdown/).fill("1");
  await knob(page, "Block size").fill("400");
  await expect(page.getByTestId("run-summary")).toHaveText(/^400 transactions/, { timeout: 30_000 });
  await expect(page.getByTestId("hash-check")).toContainText("matches sequential");
  await expect(page.getByTestId("run-error")).toHaveCount(0);
});
