import { describe, expect, it } from "vitest";
import { computeMetrics } from "../engine/analysis/metrics";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import { generateBlock } from "../engine/workload/generate";
import { simulate } from "./simulate";
import { atThreads, simThreadPoint } from "./thread-sim";

describe("the thread sweep's simulated twin", () => {
  it("is the virtual run of the same block and scheduler at that many workers per shard", () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, txs: 150, accounts: 30, shards: 2, scheduler: "accountlocks" };
    expect(atThreads(s, 6)).toEqual({ ...s, workers: 3 });
    const loaded = { block: generateBlock({ ...s, seed: 11 }) };
    for (const threads of [2, 4, 6]) {
      const run = simulate({ ...s, workers: threads / 2 }, loaded);
      expect(simThreadPoint(s, threads, loaded)).toEqual({ threads, speedup: computeMetrics(run).speedup });
      expect(computeMetrics(run).speedup).toBe(run.sequentialUs / run.elapsedUs);
    }
  });
});
