import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abortAfterCommit } from "../../test/engine/log-checks";
import { referenceBlockOrder, referenceReceipts } from "../../test/engine/reference";
import { costArb, scenarioArb } from "../../test/runtime/scenario-arbitrary";
import { computeMetrics, type Metrics } from "../engine/analysis/metrics";
import type { RunResult } from "../engine/run-result";
import { isUnsafe, SCHEDULERS, type Scenario } from "../engine/scenario/scenario";
import { simulate } from "./simulate";

/** The reference's final state for the run's serial order: block order, or receipt rounds. */
function reference(s: Scenario, r: RunResult): Float64Array {
  return s.shards > 1 && s.crossShard === "receipts"
    ? referenceReceipts(r.block, s.shards)
    : referenceBlockOrder(r.block);
}

/** The first key where two states differ, described; null when they are equal. */
function firstDifference(got: Float64Array, want: Float64Array): string | null {
  for (let k = 0; k < want.length; k++)
    if (!Object.is(got[k], want[k])) return `key ${k}: ${got[k]}, the reference says ${want[k]}`;
  return null;
}

/**
 * Runs s on the virtual clock: its final state is the reference's (unless its scheduler is unsafe) and its log shows no abort after a
 * commit; unsharded and two-phase-commit runs beat none of their bounds, exactly (the virtual clock's
 * costs add up without rounding). Receipt runs are left out of the bounds: a later leg runs in a later
 * round, which the critical path does not model yet. Returns the run's metrics.
 */
function expectTruthAndBounds(s: Scenario): Metrics {
  let state: Float64Array = new Float64Array(0);
  const r = simulate(s, { onState: (st) => (state = st) });
  // naive is unsafe on purpose: its state differing is its lesson (virtual/naive.test.ts), not a bug.
  if (!isUnsafe(s.scheduler)) {
    expect(firstDifference(state, reference(s, r))).toBeNull();
    expect(r.stateHash).toBe(r.sequentialStateHash);
  }
  const m = computeMetrics(r);
  for (let l = 0; l < m.lanes; l++) expect(m.laneBusyUs[l]).toBeLessThanOrEqual(m.elapsedUs);
  // One unit per transaction: a commit is final.
  if (s.shards === 1 || s.crossShard === "locks") expect(abortAfterCommit(r.log)).toBeNull();
  if (s.shards > 1 && s.crossShard === "receipts") return m;
  expect(m.elapsedUs).toBeGreaterThanOrEqual(m.criticalPathUs);
  expect(m.elapsedUs * m.lanes).toBeGreaterThanOrEqual(m.sequentialUs);
  expect(m.speedup).toBeLessThanOrEqual(m.idealSpeedup);
  expect(m.efficiency).toBeLessThanOrEqual(1);
  return m;
}

// Every scheduler, every mode (unsharded, receipts, locks), random blocks and random cost models (every
// field anywhere in its range, its ends included). The bounds hold exactly: the virtual clock's costs add
// up without rounding.
describe("random blocks under random cost models", () => {
  for (const scheduler of SCHEDULERS) {
    it(`${scheduler}: the state equals the reference; no run beats its bound; no lane outlasts the run; no abort follows a commit`, () => {
      fc.assert(
        fc.property(scenarioArb(scheduler, 300), costArb(), (s0, cost) => {
          const m = expectTruthAndBounds({ ...s0, cost });
          // One worker running the unsharded block in order takes exactly the sequential time.
          if (scheduler === "sequential" && s0.shards === 1) expect(m.elapsedUs).toBe(m.sequentialUs);
        }),
        { numRuns: 150 },
      );
    });
  }
});

// Two-phase commit is bounded by the read-after-write chains with each cross-shard transaction's debit
// ahead of its target-side reads (withTargetLegs); every scheduler setting runs the same protocol.
describe("two-phase commit under random cost models", () => {
  it("the state equals the reference; no run beats its bound; no abort follows a commit", () => {
    fc.assert(
      fc.property(
        scenarioArb("blockstm", 200),
        // bal runs 1 shard: a block access list is per block.
        fc.constantFrom(...SCHEDULERS.filter((x) => x !== "bal")),
        costArb(),
        (s0, scheduler, cost) => {
          expectTruthAndBounds({
            ...s0,
            scheduler,
            shards: Math.max(2, s0.shards),
            crossShard: "locks",
            cost,
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

// Aggregators where their limit matters: mints (and votes) on one to three collections, whose caps the
// block reaches or passes about half the time, so tryAdds flip at the cap under every scheduler and mode.
describe("aggregators at their limit, under random cost models", () => {
  it("every scheduler and mode: the state equals the reference; no run beats its bound; no abort follows a commit", () => {
    fc.assert(
      fc.property(
        scenarioArb("blockstm", 300),
        fc.constantFrom(...SCHEDULERS),
        fc.integer({ min: 1, max: 3 }),
        costArb(),
        (s0, scheduler, collections, cost) => {
          expectTruthAndBounds({
            ...s0,
            source: "synthetic",
            scheduler,
            shards: scheduler === "bal" ? 1 : s0.shards,
            mix: { ...s0.mix, mint: 4, vote: 1 },
            collections,
            aggregators: true,
            cost,
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
