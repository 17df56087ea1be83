import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeMetrics } from "../engine/analysis/metrics";
import { SCHEDULERS } from "../engine/scenario/scenario";
import { abortAfterCommit } from "../testing/log-checks";
import { costArb, scenarioArb } from "./scenario-arbitrary";
import { simulate } from "./simulate";

// The bounds hold exactly (the virtual clock's costs add up without rounding), not up to a tolerance.
describe("no unsharded run beats its bound, under any cost model", () => {
  for (const scheduler of SCHEDULERS) {
    it(`${scheduler}: elapsed >= critical path, speedup <= ideal, no lane busy longer than the run, no abort after a commit`, () => {
      fc.assert(
        fc.property(scenarioArb(scheduler, 300), costArb(), (s0, cost) => {
          const r = simulate({ ...s0, shards: 1, cost });
          const m = computeMetrics(r);
          expect(r.stateHash).toBe(r.sequentialStateHash);
          expect(abortAfterCommit(r.log)).toBeNull();
          expect(m.elapsedUs).toBeGreaterThanOrEqual(m.criticalPathUs);
          expect(m.elapsedUs * m.lanes).toBeGreaterThanOrEqual(m.sequentialUs);
          expect(m.speedup).toBeLessThanOrEqual(m.idealSpeedup);
          expect(m.efficiency).toBeLessThanOrEqual(1);
          for (let l = 0; l < m.lanes; l++) expect(m.laneBusyUs[l]).toBeLessThanOrEqual(m.elapsedUs);
          // One worker running the block in order takes exactly the sequential time.
          if (scheduler === "sequential") expect(m.elapsedUs).toBe(m.sequentialUs);
        }),
        { numRuns: 150 },
      );
    });
  }
});
