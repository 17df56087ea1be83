import type { Page } from "@playwright/test";
import { threadsForCores } from "../src/runtime/live/support";
import { coresNote } from "../src/ui/cores-note";
import { FLAG_DEFS } from "../src/ui/knob-defs";
import { expect, test } from "./fixtures";
import { expectFinishedRun, fingerprint, knob, metricValue, openDrawer, sourceKnob } from "./panel-helpers";
import { counter } from "./view-helpers";

test("runs the default scenario on load, then re-runs when a knob changes", async ({ page }) => {
  await page.goto("/");
  await expectFinishedRun(page, /1,000 transactions · Block-STM · 8 workers/);
  await openDrawer(page);

  await knob(page, "Workers").fill("4");
  await knob(page, "Skew").fill("1.2");
  await expectFinishedRun(page, /1,000 transactions · Block-STM · 4 workers/);
  expect(await metricValue(page, "speedup")).toBeGreaterThan(1);
  expect(await metricValue(page, "speedup")).toBeLessThanOrEqual(4);

  await knob(page, "Shards").fill("4");
  await knob(page, "Cross-shard").selectOption("receipts");
  await expectFinishedRun(page, /4 shards × 4 workers, receipts/);
  expect(await metricValue(page, "messages")).toBeGreaterThan(0);
});

test("an out-of-range knob shows the validator's message and keeps the last good run", async ({ page }) => {
  await page.goto("/");
  await expectFinishedRun(page, /8 workers/);
  await openDrawer(page);
  const before = await fingerprint(page);
  const runs = await counter(page, "runs-started");

  const workers = knob(page, "Workers");
  await workers.fill("100");
  await expect(page.getByText("workers must be an integer from 1 to 64 (got 100)")).toBeVisible();
  await expect(workers).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("stale-note")).toBeVisible();
  expect(await fingerprint(page)).toBe(before);

  await expect(workers).toHaveValue("100");
  await workers.fill("2");
  await expect(page.getByText(/workers must be/)).toHaveCount(0);
  await expectFinishedRun(page, /2 workers/);
  // The refused value started no run: the valid one started exactly one.
  expect(await counter(page, "runs-started")).toBe(runs + 1);
});

test("an all-zero contract mix is refused with a message naming the mix", async ({ page }) => {
  await page.goto("/");
  await expectFinishedRun(page, /8 workers/);
  await openDrawer(page);
  await knob(page, "Transfer").fill("0");
  await expect(page.getByText(/mix needs at least one contract kind/)).toBeVisible();
  await knob(page, "Swap").fill("1");
  await expect(page.getByText(/mix needs at least one contract kind/)).toHaveCount(0);
  await expectFinishedRun(page, /8 workers/);
});

/** label, a value that changes the run, a value out of range, the validator's message for it. */
const NUMBER_CONTROLS: readonly (readonly [string, string, string, RegExp])[] = [
  ["Workers", "3", "0", /workers must be an integer from 1 to 64 \(got 0\)/],
  ["Shards", "3", "65", /shards must be an integer from 1 to 64 \(got 65\)/],
  ["Block size", "600", "100001", /txs must be an integer from 1 to 100,000 \(got 100,001\)/],
  ["Seed", "7", "-1", /seed must be an integer from 0 to 4,294,967,295 \(got -1\)/],
  ["Accounts", "40", "1", /accounts must be an integer from 2 to 1,000,000 \(got 1\)/],
  ["Skew", "1.5", "5", /skew must be a number from 0 to 4 \(got 5\)/],
  ["Locality", "0.2", "1.5", /locality must be a number from 0 to 1 \(got 1.5\)/],
  ["Pools", "2", "0", /pools must be an integer from 1 to 10,000 \(got 0\)/],
  ["Collections", "1", "1001", /collections must be an integer from 1 to 1,000 \(got 1,001\)/],
  ["Proposals", "1", "0", /proposals must be an integer from 1 to 1,000 \(got 0\)/],
  ["Items", "5", "0", /items must be an integer from 1 to 1,000,000 \(got 0\)/],
  ["Swap", "3", "-1", /mix.swap must be a number from 0 to 1,000,000 \(got -1\)/],
  ["Speed", "2000", "50", /cost.gasPerUs must be a number from 100 to 10,000,000 \(got 50\)/],
  ["Validation", "2", "101", /cost.validateUsPerRead must be a number from 0 to 100 \(got 101\)/],
  ["Task cost", "3", "-1", /cost.taskUs must be a number from 0 to 100 \(got -1\)/],
  ["MV read", "2", "-0.5", /cost.mvReadUs must be a number from 0 to 100 \(got -0.5\)/],
  ["MV write", "2", "150", /cost.mvWriteUs must be a number from 0 to 100 \(got 150\)/],
  ["Commit", "2", "-1", /cost.commitUs must be a number from 0 to 100 \(got -1\)/],
  ["Resume", "2", "-1", /cost.resumeUs must be a number from 0 to 100 \(got -1\)/],
  ["Message latency", "400", "2000000", /cost.msgUs must be a number from 0 to 1,000,000 \(got 2,000,000\)/],
];

/** Every contract kind and two shards, so that every knob has something to act on. */
async function everyKnobActs(page: Page): Promise<void> {
  await page.goto("/");
  await expectFinishedRun(page, /8 workers/);
  await openDrawer(page);
  for (const kind of ["Swap", "Mint", "Vote", "Ship"]) await knob(page, kind).fill("1");
  await knob(page, "Block size").fill("400");
  await knob(page, "Shards").fill("2");
  await expectFinishedRun(page, /400 transactions · Block-STM · 2 shards × 8 workers/);
}

// A few controls per test, each test from the same start, so that a loaded machine cannot push one long
// test (two runs per control) past its time limit.
const PER_TEST = 4;
for (let i = 0; i < NUMBER_CONTROLS.length; i += PER_TEST) {
  const controls = NUMBER_CONTROLS.slice(i, i + PER_TEST);
  test(`${controls.map((c) => c[0]).join(", ")}: each changes the run and rejects a bad value with a message`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await everyKnobActs(page);
    for (const [label, good, bad, message] of controls) {
      const control = knob(page, label);
      await control.fill(bad);
      await expect(page.getByText(message), `${label} rejects ${bad}`).toBeVisible();
      await expect(control).toHaveAttribute("aria-invalid", "true");
      const before = await fingerprint(page);
      await control.fill(good);
      await expect(page.getByText(message)).toHaveCount(0);
      await expect
        .poll(() => fingerprint(page), { message: `${label} = ${good} changes the run` })
        .not.toBe(before);
      await expect(page.getByTestId("hash-check")).toContainText("matches sequential");
    }
  });
}

test("Block-STM's own costs are off, with the reason, where Block-STM does not run", async ({ page }) => {
  await page.goto("/");
  await expectFinishedRun(page, /Block-STM · 8 workers/);
  await openDrawer(page);
  const costs = page.getByRole("group", { name: "Cost model (virtual clock)" });
  const mvKnobs = ["MV read", "MV write", "Commit", "Resume"].map((label) => knob(page, label));
  for (const k of mvKnobs) await expect(k).toBeEnabled();
  await expect(costs.locator(".field-note")).toHaveCount(0);

  await knob(page, "Scheduler").selectOption("accountlocks");
  await expectFinishedRun(page, /Account locks · 8 workers/);
  for (const k of mvKnobs) await expect(k).toBeDisabled();
  await expect(costs).toContainText("MV read, MV write, Commit and Resume apply to Block-STM only");
  await expect(knob(page, "Task cost")).toBeEnabled();

  await knob(page, "Scheduler").selectOption("blockstm");
  await knob(page, "Shards").fill("2");
  await knob(page, "Cross-shard").selectOption("locks");
  await expectFinishedRun(page, /2 shards × 8 workers, locks/);
  for (const k of mvKnobs) await expect(k).toBeDisabled();
  await expect(costs).toContainText("two-phase commit runs every shard on key locks");

  await knob(page, "Cross-shard").selectOption("receipts");
  for (const k of mvKnobs) await expect(k).toBeEnabled();
});

test("the scheduler and cross-shard choices and the re-roll button change the run", async ({ page }) => {
  test.setTimeout(120_000);
  await everyKnobActs(page);
  // Aggregators: the mint counters and vote tallies take deltas; same end state, another run.
  const aggregators = knob(page, "Aggregators");
  await expect(page.locator(".knob", { has: page.locator("#knob-aggregators") })).toHaveAttribute(
    "title",
    FLAG_DEFS.aggregators.title,
  );
  await expect(aggregators).not.toBeChecked();
  const withoutAggregators = await fingerprint(page);
  await aggregators.check();
  await expect.poll(() => fingerprint(page)).not.toBe(withoutAggregators);
  await expect(page.getByTestId("hash-check")).toContainText("matches sequential");
  await expect.poll(() => new URL(page.url()).searchParams.get("agg")).toBe("1");

  for (const [label, value] of [
    ["Scheduler", "batched"],
    ["Scheduler", "accountlocks"],
    ["Cross-shard", "locks"],
    ["Scheduler", "sequential"],
  ] as const) {
    const before = await fingerprint(page);
    await knob(page, label).selectOption(value);
    await expect
      .poll(() => fingerprint(page), { message: `${label} = ${value} changes the run` })
      .not.toBe(before);
  }

  // The re-roll button draws a new seed: a new block.
  const seed = await knob(page, "Seed").inputValue();
  const before = await fingerprint(page);
  await page.getByRole("button", { name: "Re-roll the seed" }).click();
  await expect(knob(page, "Seed")).not.toHaveValue(seed);
  await expect.poll(() => fingerprint(page)).not.toBe(before);
});

test("knobs that do not apply are disabled with the reason; keyboard reaches the controls", async ({
  page,
}) => {
  await page.goto("/");
  await expectFinishedRun(page, /8 workers/);
  await openDrawer(page);
  await expect(knob(page, "Cross-shard")).toBeDisabled();
  await expect(knob(page, "Fee recipient")).toBeDisabled();

  await sourceKnob(page).selectOption("mod3mod4");
  await expectFinishedRun(page, /teaching block/);
  await expect(knob(page, "Accounts")).toBeDisabled();
  await expect(knob(page, "Aggregators")).toBeDisabled();
  await expect(knob(page, "Block size")).toBeEnabled();
  await expect(page.getByText("The teaching block is fixed: only its size applies.")).toBeVisible();

  await sourceKnob(page).selectOption("eth-12965000");
  await expectFinishedRun(page, /Ethereum block 12,965,000/);
  await expect(knob(page, "Block size")).toBeDisabled();
  await expect(knob(page, "Seed")).toBeDisabled();
  await expect(knob(page, "Fee recipient")).toBeEnabled();
  await expect(page.getByTestId("source-note")).toHaveText(/First London block, 259 txs/);
  await expect(page.getByText(/A real block brings its own transactions/)).toBeVisible();

  // Keyboard: focus the workers field, type a new value.
  await knob(page, "Workers").focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("5");
  await expectFinishedRun(page, /5 workers · Ethereum block/);
});

test("live mode: a measured run on real workers, with the workers capped and a slowdown", async ({
  page,
}) => {
  await page.goto("/");
  await expectFinishedRun(page, /8 workers/);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await openDrawer(page);
  await page.getByRole("radio", { name: /Live/ }).check();
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  // The workers fill this machine's cores, and the page says how many it found; the figures say "measured".
  await expect(knob(page, "Workers")).toHaveValue(String(threadsForCores(cores)));
  await expect(page.getByTestId("live-cores")).toHaveText(coresNote(cores, threadsForCores(cores)));
  await expect(page.getByTestId("hash-check")).toContainText("matches sequential", { timeout: 30_000 });
  await expect(page.getByTestId("metrics-panel")).toContainText(/measured/i);

  await knob(page, "Workers").fill(String(cores + 1));
  await expect(page.getByText(/live mode runs at most \d+ threads here/)).toBeVisible();
  await knob(page, "Workers").fill("1");
  await knob(page, "Slowdown").fill("0");
  await expect(page.getByText(/slowdown must be a number from 1 to 100,000/)).toBeVisible();
  await knob(page, "Slowdown").fill("2");
  await expect(page.getByText(/slowdown must be/)).toHaveCount(0);
  await expect(page.getByTestId("hash-check")).toContainText("matches sequential", { timeout: 30_000 });

  await page.getByRole("radio", { name: /Virtual/ }).check();
  await expect(page.getByTestId("metrics-panel")).toContainText(/simulated/i);
});
