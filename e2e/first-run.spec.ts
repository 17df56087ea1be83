import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const METRICS = [
  "tps",
  "speedup",
  "ideal",
  "efficiency",
  "aborts",
  "reexecutions",
  "wasted",
  "batches",
  "messages",
  "rounds",
];

/** The number a metric card shows, whatever its unit ("1.2M" tx/s, "3.40×", "63%", "12.5 ms"). */
async function metricValue(page: Page, id: string): Promise<number> {
  const text = (await page.getByTestId(`metric-${id}`).textContent()) ?? "";
  const match = /^-?[\d,]*\.?\d+/.exec(text.trim());
  expect(match, `metric ${id} shows a number (got "${text}")`).not.toBeNull();
  return Number(match?.[0].replaceAll(",", ""));
}

/** A control of the scenario form, by the start of its label. */
function knob(page: Page, label: string) {
  return page.getByRole("form", { name: "Scenario" }).getByLabel(new RegExp(`^${label}`));
}

async function expectFinishedRun(page: Page, summary: RegExp): Promise<void> {
  await expect(page.getByTestId("run-summary")).toHaveText(summary);
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(page.getByTestId("hash-check")).toContainText("matches sequential");
  for (const id of METRICS) expect(Number.isFinite(await metricValue(page, id))).toBe(true);
}

test("runs the default scenario on load, then re-runs when a knob changes", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "TxLanes" })).toBeVisible();
  await expectFinishedRun(page, /1,000 transactions · Block-STM · 8 workers/);

  await knob(page, "Workers").fill("4");
  await knob(page, "Skew").fill("1.2");
  await expectFinishedRun(page, /1,000 transactions · Block-STM · 4 workers/);
  expect(await metricValue(page, "speedup")).toBeGreaterThan(1);
  expect(await metricValue(page, "speedup")).toBeLessThanOrEqual(4);

  // A sharded run with cross-shard receipts sends messages between shards.
  await knob(page, "Shards").fill("4");
  await knob(page, "Cross-shard").selectOption("receipts");
  await expectFinishedRun(page, /4 shards × 4 workers, receipts/);
  expect(await metricValue(page, "messages")).toBeGreaterThan(0);
  await expect(page.locator(".chart-box rect.bar")).toHaveCount(16);
});

test("an out-of-range knob shows the validator's message and keeps the last good run", async ({ page }) => {
  await page.goto("/");
  await expectFinishedRun(page, /8 workers/);
  const hash = page.getByTestId("hash-check").locator("code");
  const hashBefore = (await hash.textContent()) ?? "";
  const tpsBefore = (await page.getByTestId("metric-tps").textContent()) ?? "";

  const workers = knob(page, "Workers");
  await workers.fill("100");
  await expect(page.getByText("workers must be an integer from 1 to 64 (got 100)")).toBeVisible();
  await expect(workers).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("stale-note")).toBeVisible();
  // Well past the debounce: nothing re-ran and the last good run is still shown.
  await page.waitForTimeout(600);
  await expect(page.getByTestId("run-summary")).toHaveText(/8 workers/);
  await expect(hash).toHaveText(hashBefore);
  await expect(page.getByTestId("metric-tps")).toHaveText(tpsBefore);

  // What the user typed is kept; fixing it runs again.
  await expect(workers).toHaveValue("100");
  await workers.fill("2");
  await expect(page.getByText(/workers must be/)).toHaveCount(0);
  await expectFinishedRun(page, /2 workers/);
});

test("an all-zero contract mix is refused with a message naming the mix", async ({ page }) => {
  await page.goto("/");
  await expectFinishedRun(page, /8 workers/);
  await knob(page, "Transfer").fill("0");
  await expect(page.getByText(/mix needs at least one contract kind/)).toBeVisible();
  await knob(page, "Swap").fill("1");
  await expect(page.getByText(/mix needs at least one contract kind/)).toHaveCount(0);
  await expectFinishedRun(page, /8 workers/);
});
