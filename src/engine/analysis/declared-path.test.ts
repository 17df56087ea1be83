import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { declaredConflict, deltasAtStake } from "../../../test/engine/deltas-at-stake";
import type { Block } from "../block";
import { DEFAULT_SCENARIO, type Scenario } from "../scenario/scenario";
import { SequentialOracle } from "../schedulers/sequential-oracle";
import { wholeTransactions } from "../schedulers/units";
import { generateBlock } from "../workload/generate";
import { criticalPath } from "./critical-path";
import { declaredCriticalPathUs } from "./declared-path";
import { buildDepGraph } from "./depgraph";

/** The same chain found pair by pair: every earlier transaction it conflicts with on a declared key. */
function naive(block: Block, cost: Float64Array): number {
  const finish = new Float64Array(block.n);
  const stake = deltasAtStake(block);
  let longest = 0;
  for (let u = 0; u < block.n; u++) {
    let start = 0;
    for (let v = 0; v < u; v++) if (declaredConflict(block, stake, u, v)) start = Math.max(start, finish[v]);
    finish[u] = start + cost[u];
    longest = Math.max(longest, finish[u]);
  }
  return longest;
}

describe("declaredCriticalPathUs", () => {
  const scenario = fc.record({
    seed: fc.integer({ min: 0, max: 1000 }),
    txs: fc.integer({ min: 1, max: 150 }),
    accounts: fc.integer({ min: 2, max: 200 }),
    skew: fc.double({ min: 0, max: 2, noNaN: true }),
    swap: fc.double({ min: 0, max: 1, noNaN: true }),
    mint: fc.double({ min: 0, max: 1, noNaN: true }),
    vote: fc.double({ min: 0, max: 1, noNaN: true }),
    collections: fc.integer({ min: 1, max: 4 }),
    aggregators: fc.boolean(),
  });
  it("is the longest chain of declared conflicts, and never shorter than the read-after-write path", () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const s: Scenario = {
          ...DEFAULT_SCENARIO,
          ...r,
          mix: { ...DEFAULT_SCENARIO.mix, swap: r.swap, mint: r.mint, vote: r.vote },
        };
        const block = generateBlock(s);
        const oracle = new SequentialOracle(block, Float64Array.from(block.keys.initial), s.cost);
        oracle.run(wholeTransactions(block.n));
        const trace = oracle.trace();
        const declared = declaredCriticalPathUs(block, trace.costUs);
        expect(declared).toBeCloseTo(naive(block, trace.costUs), 9);
        expect(declared).toBeGreaterThanOrEqual(criticalPath(buildDepGraph(trace), trace).criticalPathUs);
      }),
      { numRuns: 100 },
    );
  });
});
