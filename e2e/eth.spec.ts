import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { runPathCause } from "../src/engine/analysis/path-cause";
import { findPreset, presetLink } from "../src/engine/scenario/presets";
import { readBlockFile } from "../src/runtime/block-file";
import { loadBlock } from "../src/runtime/block-source";
import { simulate } from "../src/runtime/simulate";
import { expect, test } from "./fixtures";
import { openLink } from "./link-helpers";
import {
  chooseFile,
  dropFile,
  expectFinishedRun,
  fingerprint,
  knob,
  metricValue,
  openDrawer,
  sourceKnob,
} from "./panel-helpers";

const BLOCKS = [
  [12965000, 259],
  [14029313, 724],
  [17666333, 961],
  [19606599, 367],
  [19807137, 712],
] as const;

const blockText = (n: number): string => readFileSync(`public/blocks/${n}.json`, "utf8");
const hashOf = (n: number): string => JSON.parse(blockText(n)).hash;

test("the five mainnet blocks load as sources with their transaction counts and hashes", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await expectFinishedRun(page, /8 workers/);
  await openDrawer(page);
  for (const [number, txs] of BLOCKS) {
    await sourceKnob(page).selectOption(`eth-${number}`);
    await expectFinishedRun(page, new RegExp(`Ethereum block ${number.toLocaleString("en-US")}`));
    const panel = page.getByTestId("block-panel");
    await expect(panel.getByTestId("bp-number")).toHaveText(String(number));
    await expect(panel.getByTestId("bp-txs")).toHaveText(txs.toLocaleString("en-US"));
    await expect(panel.getByTestId("bp-hash")).toHaveText(hashOf(number));
    const exact = Number(((await panel.getByTestId("bp-exact").textContent()) ?? "").replaceAll(",", ""));
    const conservative = Number(
      ((await panel.getByTestId("bp-conservative").textContent()) ?? "").replaceAll(",", ""),
    );
    expect(exact + conservative).toBe(txs);
    await expect(panel).toContainText("not the gas it used");
    await expect(panel.getByRole("table", { name: /Hottest keys/ }).locator("tbody tr")).not.toHaveCount(0);
    await expect(panel.getByRole("table", { name: /Hottest contracts/ }).locator("tbody tr")).not.toHaveCount(
      0,
    );
  }
});

test("every scheduler's speedup on a block, lazy against in-tx fees, computed in the background", async ({
  page,
}) => {
  await page.goto("/");
  await openDrawer(page);
  await sourceKnob(page).selectOption("eth-17666333");
  await expectFinishedRun(page, /Ethereum block 17,666,333/);
  const table = page.getByTestId("bp-compare");
  await expect(table).not.toContainText("…", { timeout: 30_000 });
  await expect(page.getByRole("progressbar", { name: "Scheduler table progress" })).toHaveCount(0);
  const speedup = async (scheduler: string, column: number): Promise<number> => {
    const text =
      (await table
        .getByRole("row", { name: new RegExp(`^${scheduler}`) })
        .locator("td")
        .nth(column)
        .textContent()) ?? "";
    expect(text).not.toContain("differs");
    return Number.parseFloat(text);
  };
  expect(await speedup("Sequential", 0)).toBeCloseTo(1, 1);
  const lazy = await speedup("Block-STM", 0);
  const inTx = await speedup("Block-STM", 1);
  // Crediting the fee recipient inside every transaction serializes the block.
  expect(lazy).toBeGreaterThan(inTx);
  expect(await speedup("Level batches", 0)).toBeGreaterThan(await speedup("Level batches", 1));
  expect(await speedup("Account locks", 0)).toBeGreaterThan(await speedup("Account locks", 1));

  // The shown run follows the fee-mode knob, and its panel explains the mode.
  const before = await metricValue(page, "speedup");
  await knob(page, "Fee recipient").selectOption("in-tx");
  await expect(page.getByTestId("bp-fee")).toContainText("In-tx: each transaction credits the fee recipient");
  await expect.poll(() => metricValue(page, "speedup")).toBeLessThan(before);
});

test("a block file opens by file chooser and by drag and drop, and runs", async ({ page }) => {
  await page.goto("/");
  await expectFinishedRun(page, /8 workers/);
  await openDrawer(page);
  await chooseFile(page, "19807137.json", Buffer.from(blockText(19807137)));
  await expect(page.getByTestId("open-notice")).toContainText(
    "Opened Ethereum block 19807137 (712 transactions) from 19807137.json",
  );
  await expectFinishedRun(page, /Ethereum block 19,807,137/);
  await expect(page.getByTestId("bp-txs")).toHaveText("712");
  await expect(page.getByTestId("bp-hash")).toHaveText(hashOf(19807137));
  await expect(sourceKnob(page)).toHaveValue("upload");
  await expect(page.getByTestId("bp-compare")).not.toContainText("…", { timeout: 30_000 });

  // Executor knobs still apply to the opened block.
  await knob(page, "Workers").fill("4");
  await expectFinishedRun(page, /4 workers · Ethereum block 19,807,137/);

  await dropFile(page, "block.json", blockText(12965000));
  await expect(page.getByTestId("open-notice")).toContainText(
    "Opened Ethereum block 12965000 (259 transactions)",
  );
  await expectFinishedRun(page, /Ethereum block 12,965,000/);
  await expect(page.getByTestId("bp-txs")).toHaveText("259");
});

test("malformed block files give their messages and change nothing", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/");
  await expectFinishedRun(page, /8 workers/);
  await openDrawer(page);
  const before = await fingerprint(page);
  const good = JSON.parse(blockText(12965000));
  const cases: readonly (readonly [string, string, RegExp])[] = [
    ["text.json", "this is not json", /text\.json: not JSON/],
    ["list.json", "[1, 2, 3]", /neither a scenario nor an Ethereum block/],
    ["empty.json", JSON.stringify({ ...good, transactions: [] }), /the block has no transactions/],
    [
      "gas.json",
      JSON.stringify({ ...good, transactions: [{ ...good.transactions[0], gas: "lots" }] }),
      /transactions\[0\]\.gas must be a hex quantity/,
    ],
    ["nohash.json", JSON.stringify({ number: "0x1", transactions: [] }), /hash must be a 32-byte hex hash/],
  ];
  const notice = page.getByTestId("open-notice");
  for (const [name, text, message] of cases) {
    await chooseFile(page, name, Buffer.from(text));
    await expect(notice).toContainText(message);
    await expect(notice).toHaveAttribute("role", "alert");
  }
  // 100 MB: refused by its size before it is read.
  // (A Buffer written to this test's output folder for the picker, and removed right after.)
  const huge = test.info().outputPath("huge.json");
  writeFileSync(huge, Buffer.alloc(100 * 1024 * 1024, 0x20));
  try {
    const chooser = page.waitForEvent("filechooser");
    await page.getByText("Choose file…").click();
    await (await chooser).setFiles(huge);
  } finally {
    rmSync(huge);
  }
  await expect(notice).toContainText(/huge\.json: the file is 100(\.0)? MB, over the 20 MB limit/);
  await dropFile(page, "dropped.json", "{");
  await expect(notice).toContainText(/dropped\.json: not JSON/);
  expect(await fingerprint(page)).toBe(before);
  await expect(sourceKnob(page)).toHaveValue("synthetic");
});

test("the block panel names what sets the critical path, and says when a gas limit may overstate it", async ({
  page,
}) => {
  for (const id of ["eth-router-calls", "eth-hot-token"]) {
    const preset = findPreset(id)!;
    const run = simulate(preset.scenario, await loadBlock(preset.scenario, readBlockFile));
    const cause = runPathCause(run);
    const eth = run.eth!;
    const { search, hash } = presetLink(preset);
    await openLink(page, `/${search}${hash}`);
    const panel = page.getByTestId("block-panel");
    await expect(panel.getByTestId("bp-txs")).toHaveText(eth.txs.toLocaleString("en-US"));
    const total = `${(eth.gasLimitTotal / 1e6).toFixed(1)} M in all; ${(eth.gasUsed! / 1e6).toFixed(1)} M used`;
    await expect(panel.getByTestId("bp-gas")).toHaveText(total);
    const share = `${Math.round(cause.longest.share * 100)}%`;
    if (cause.cause === "one-transaction") {
      const limit = `${run.block.gas[cause.longest.tx] / 1e6} M`;
      await expect(panel.getByTestId("bp-path")).toHaveText(
        new RegExp(
          `^tx ${cause.longest.tx} alone \\(${share}\\): its ${limit} gas limit outlasts the deepest chain, ${cause.deepest.units} transactions in `,
        ),
      );
      const used = `${Math.round((100 * eth.gasUsed!) / eth.gasLimitTotal)}%`;
      await expect(panel.getByTestId("bp-limit-note")).toHaveText(
        `Tx ${cause.longest.tx}'s cost is its gas limit, ${limit}: what it used is in its receipt, which the block file does not carry, and the block used ${used} of its limits in all, so this critical path may be far shorter on a real node.`,
      );
    } else {
      await expect(panel.getByTestId("bp-path")).toHaveText(
        `a chain of ${cause.txs.length} transactions; the costliest, tx ${cause.longest.tx}, is ${share} of it`,
      );
      await expect(panel.getByTestId("bp-limit-note")).toHaveCount(0);
    }
  }
});
