import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "../../engine/scenario/scenario";
import { createNodePool } from "./node-pool";
import { runOnPool } from "./run-live";
import { LIVE_THREAD_CAP } from "./support";
import { threadSweepPlan, threadSweepPoint } from "./thread-sweep";

describe("the live thread sweep's plan", () => {
  it("measures 1 to N threads on N cores", () => {
    expect(threadSweepPlan(1, 1)).toEqual([1]);
    expect(threadSweepPlan(1, 2)).toEqual([1, 2]);
    expect(threadSweepPlan(1, 16)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  });

  it("stops at the live thread cap, and at one thread where the browser reports no cores", () => {
    const capped = threadSweepPlan(1, 4 * LIVE_THREAD_CAP);
    expect(capped).toHaveLength(LIVE_THREAD_CAP);
    expect(capped.at(-1)).toBe(LIVE_THREAD_CAP);
    expect(threadSweepPlan(1, 0)).toEqual([1]);
  });

  it("gives every shard the same threads: whole multiples of the shards, none when they outnumber the cores", () => {
    expect(threadSweepPlan(2, 16)).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
    expect(threadSweepPlan(3, 16)).toEqual([3, 6, 9, 12, 15]);
    expect(threadSweepPlan(4, 2)).toEqual([]);
  });
});

describe("a point of the live thread sweep", () => {
  it("is the run's median speedup over its measured sequential run, with the repetitions' range", async () => {
    const pool = createNodePool(2);
    try {
      const run = await runOnPool(
        pool,
        { ...DEFAULT_SCENARIO, txs: 200, accounts: 50 },
        { workers: 2, runs: 3 },
      );
      const point = threadSweepPoint(run);
      const speedups = run.live.repetitions.map((r) => r.sequentialUs / r.parallelUs).sort((a, b) => a - b);
      expect(point).toEqual({
        threads: 2,
        speedup: run.sequentialUs / run.elapsedUs,
        speedupMin: speedups[0],
        speedupMax: speedups[2],
        runs: 3,
      });
      expect(point.speedup).toBe(speedups[1]);
    } finally {
      pool.close();
    }
  });
});
