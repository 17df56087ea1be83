import fc from "fast-check";
import { COST_RANGES as COST } from "../../src/engine/scenario/ranges";
import {
  type CostModel,
  CROSS_SHARD,
  DEFAULT_SCENARIO,
  type Scenario,
  type SchedulerName,
} from "../../src/engine/scenario/scenario";

/** Random scenarios over every knob the engine has (used by property tests only). */
export function scenarioArb(scheduler: SchedulerName, maxTxs = 500): fc.Arbitrary<Scenario> {
  const weight = fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 3, noNaN: true }));
  return fc
    .record({
      source: fc.constantFrom("synthetic", "synthetic", "synthetic", "mod3mod4" as const),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      txs: fc.integer({ min: 1, max: maxTxs }),
      mix: fc.record({ transfer: weight, swap: weight, mint: weight, vote: weight, ship: weight }),
      accounts: fc.integer({ min: 2, max: 2000 }),
      skew: fc.double({ min: 0, max: 2.5, noNaN: true }),
      pools: fc.integer({ min: 1, max: 20 }),
      collections: fc.integer({ min: 1, max: 10 }),
      proposals: fc.integer({ min: 1, max: 10 }),
      items: fc.integer({ min: 1, max: 500 }),
      workers: fc.integer({ min: 1, max: 32 }),
      shards: fc.integer({ min: 1, max: 8 }),
      crossShard: fc.constantFrom(...CROSS_SHARD),
      locality: fc.double({ min: 0, max: 1, noNaN: true }),
      aggregators: fc.boolean(),
    })
    .map((r): Scenario => {
      const mix = Object.values(r.mix).some((w) => w > 0) ? r.mix : { ...r.mix, transfer: 1 };
      // A block access list is per block: bal runs unsharded (validateScenario says so).
      const shards = scheduler === "bal" ? 1 : r.shards;
      return { ...DEFAULT_SCENARIO, ...r, source: r.source, mix, scheduler, shards };
    });
}

/**
 * Random cost models: every field anywhere in its allowed range, its ends (zero and the largest value
 * included) as likely as a value between, and values near the default as likely again (so that the
 * ordinary case is well covered too).
 */
export function costArb(): fc.Arbitrary<CostModel> {
  const field = (k: keyof CostModel) => {
    const { min, max } = COST[k];
    const near = DEFAULT_SCENARIO.cost[k];
    return fc.oneof(
      fc.constantFrom(min, max),
      fc.double({ min, max, noNaN: true }),
      fc.double({ min: Math.max(min, near / 10), max: Math.min(max, near * 10), noNaN: true }),
    );
  };
  const keys = Object.keys(COST) as (keyof CostModel)[];
  return fc.record(
    Object.fromEntries(keys.map((k) => [k, field(k)])) as Record<keyof CostModel, fc.Arbitrary<number>>,
  );
}
