import type { Page } from "@playwright/test";
import { runsOnShards, SCHEDULERS } from "../src/engine/scenario/scenario";
import { SWEEP_VALUES } from "../src/runtime/sweep";
import { expect, test } from "./fixtures";
import { runScenario } from "./view-helpers";

/** Every view of the page is on screen and drew something from the run. */
async function expectViews(page: Page, opts: { shards: number; txs: number }): Promise<void> {
  const sharded = opts.shards > 1;
  await expect(page.getByTestId("graph-view").locator("canvas").first()).toBeVisible();
  await expect(page.getByTestId("lanes-view").locator("canvas").first()).toBeVisible();
  await expect(page.getByTestId("shards-view")).toHaveCount(sharded ? 1 : 0);
  if (sharded) await expect(page.getByTestId("shards-view")).toBeVisible();

  const metrics = page.getByTestId("metrics-panel");
  await expect(metrics).toBeVisible();
  await expect(metrics.getByTestId("mp-tps")).toHaveText(/^[\d,.]+[KM]? tx\/s$/);
  await expect(metrics.getByTestId("mp-speedup")).toHaveText(/^[\d.]+×$/);
  await expect(metrics.locator("rect.tp-bar")).toHaveCount(2);
  await expect(metrics.locator("line.tp-reference")).toHaveCount(1);
  await expect(metrics.getByTestId("mp-messages")).toHaveText(sharded ? /^\d[\d,]*$/ : "–");

  await expect(page.getByTestId("caption-moment")).toHaveText(/^[A-Z].+\.$/);
  await expect(page.getByTestId("inspector")).toBeVisible();
  await expect(page.getByTestId("legend").locator("svg.legend-icon").first()).toBeVisible();

  // The sweep waits below the fold until its chart is scrolled to, then fills the chart in the background:
  // a line for every scheduler that runs these shards, the ideal's line, and the marker of this run.
  const lines = SCHEDULERS.filter((x) => runsOnShards(x, opts.shards)).length + 1;
  const chart = page.getByTestId("contention");
  const runs = SWEEP_VALUES.skew.length * (lines - 1);
  await expect(chart.getByTestId("contention-waiting")).toHaveText(
    `The ${runs} runs start when this chart is on screen.`,
  );
  await expect(chart.locator("path.ct-line")).toHaveCount(0);
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.getByTestId("contention-waiting")).toHaveCount(0);
  await expect(chart.locator("path.ct-line")).toHaveCount(lines, { timeout: 60_000 });
  await expect(chart.getByTestId("contention-progress")).toHaveCount(0, { timeout: 60_000 });
  await expect(chart.getByTestId("contention-summary")).toHaveText(/Block-STM reaches [\d.]+×/);
  await expect(chart.locator("circle.ct-marker")).toHaveCount(1);
  expect(opts.txs).toBeGreaterThan(0);
}

const RUNS: readonly { name: string; knobs: Record<string, string>; caption: RegExp; columns?: RegExp }[] = [
  {
    name: "Block-STM",
    knobs: { scheduler: "blockstm", txs: "300" },
    caption: /^Block-STM.*Aptos/,
  },
  {
    name: "level batches",
    knobs: { scheduler: "batched", txs: "300" },
    caption: /^Level batches with a barrier/,
    columns: /^300 transactions in [\d,]+ batch(es)? on /,
  },
  {
    name: "account locks",
    knobs: { scheduler: "accountlocks", txs: "300" },
    caption: /^Account locks/,
  },
  {
    name: "sequential",
    knobs: { scheduler: "sequential", txs: "300" },
    caption: /^Sequential/,
  },
  {
    name: "sharded, receipts",
    knobs: { scheduler: "blockstm", txs: "300", shards: "4", crossShard: "receipts", locality: "0.5" },
    caption: /split over 4 shards.*receipt/,
  },
  {
    name: "sharded, locks",
    knobs: { scheduler: "batched", txs: "300", shards: "3", crossShard: "locks", locality: "0.5" },
    caption: /^Two-phase commit on keys: the state is split over 3 shards/,
  },
];

for (const run of RUNS) {
  test(`every view renders for a ${run.name} run`, async ({ page }) => {
    await page.goto("/");
    await runScenario(page, run.knobs, run.caption);
    await expectViews(page, { shards: Number(run.knobs.shards ?? 1), txs: 300 });
    if (run.columns)
      await expect(page.getByTestId("graph-view").locator(".graph-box")).toHaveAttribute(
        "aria-label",
        run.columns,
      );
  });
}

test("the legend shows every state's glyph with its name", async ({ page }) => {
  await page.goto("/");
  const legend = page.getByTestId("legend");
  for (const name of [
    "pending",
    "executing",
    "waiting on a dependency",
    "waiting for a lock",
    "aborted",
    "committed",
    "committed, reverted",
  ]) {
    await expect(legend.getByText(name, { exact: true })).toBeVisible();
  }
  await expect(legend.getByText("re-execution badge")).toBeVisible();
  await expect(legend.getByText("wasted (red, hatched)")).toBeVisible();
});
