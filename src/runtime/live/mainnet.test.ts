import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import {
  DEFAULT_SCENARIO,
  ETH_BLOCKS,
  type Scenario,
  type SchedulerName,
} from "../../engine/scenario/scenario";
import { loadBlock } from "../block-source";
import { simulate } from "../simulate";
import { createNodePool } from "./node-pool";
import { runOnPool } from "./run-live";

const pool = createNodePool(2);
afterAll(() => pool.close());

const readShippedBlock = (n: number): Promise<string> =>
  readFile(new URL(`../../../public/blocks/${n}.json`, import.meta.url), "utf8");

const PARALLEL: readonly SchedulerName[] = ["blockstm", "accountlocks", "batched"];

/**
 * A mainnet block measured as the page and the CLI measure it (warm-up, an untimed repetition, then timed
 * ones): every repetition must end in the sequential state, fees swept into the recipient after the block.
 */
async function expectRepeatedRun(s: Scenario, runs: number): Promise<void> {
  const loaded = await loadBlock(s, readShippedBlock);
  const progress: number[] = [];
  const r = await runOnPool(pool, s, {
    ...loaded,
    workers: 2,
    warmUp: true,
    runs,
    onProgress: (done, total) => progress.push(done / total),
  });
  const want = simulate(s, loaded).sequentialStateHash;
  expect(r.sequentialStateHash).toBe(want);
  expect(r.stateHash).toBe(want);
  expect(r.live.repetitions).toHaveLength(runs);
  expect(progress.at(-1)).toBe(1);
}

describe("live runs of the shipped mainnet blocks, repeated like a benchmark", () => {
  ETH_BLOCKS.forEach((number, i) => {
    const scheduler = PARALLEL[i % PARALLEL.length];
    it(`${number} (fees swept after the block), ${scheduler}, 3 timed runs`, async () => {
      const s: Scenario = { ...DEFAULT_SCENARIO, source: `eth-${number}`, scheduler, workers: 2 };
      await expectRepeatedRun(s, 3);
    });
  });

  it("12965000: fees paid inside each transaction; 2 shards with receipts, then with locks", async () => {
    const base: Scenario = { ...DEFAULT_SCENARIO, source: "eth-12965000", workers: 1, shards: 2 };
    await expectRepeatedRun({ ...base, feeMode: "in-tx", shards: 1, workers: 2 }, 2);
    await expectRepeatedRun({ ...base, crossShard: "receipts" }, 2);
    await expectRepeatedRun({ ...base, crossShard: "locks" }, 2);
  });
});
