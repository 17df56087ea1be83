import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../src/engine/analysis/metrics";
import { slowerFacts, whySlower } from "../../src/engine/analysis/why-slower";
import type { RunResult } from "../../src/engine/run-result";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { EventLog } from "../../src/engine/trace/eventlog";
import type { EventKind } from "../../src/engine/trace/kinds";
import { simulate } from "../../src/runtime/simulate";

const transfers: Scenario = {
  ...DEFAULT_SCENARIO,
  mix: { transfer: 1, swap: 0, mint: 0, vote: 0, ship: 0 },
  txs: 400,
  workers: 2,
};

/** A run's log and counts as measured, with its parallel time set to make it `speedup`. */
function measured(s: Scenario, speedup: number): RunResult {
  const r = simulate(s);
  return { ...r, mode: "live", elapsedUs: r.sequentialUs / speedup };
}

describe("why a measured run is below 1×", () => {
  it("says nothing at or above 1×, or for a simulated run", () => {
    const r = measured({ ...transfers, accounts: 10_000 }, 1.2);
    expect(whySlower(r, computeMetrics(r))).toBeNull();
    const v = simulate(transfers);
    expect(whySlower(v, computeMetrics(v))).toBeNull();
  });

  it("names bookkeeping against work, with the run's own figures", () => {
    const r = measured({ ...transfers, accounts: 10_000 }, 0.5);
    const m = computeMetrics(r);
    const f = slowerFacts(r, m);
    // A transfer is 21,000 gas at 7,000 gas/µs: 3 µs of work at cost.work 1.
    expect(f.workPerTxUs).toBeCloseTo(3, 9);
    expect(f.sequentialPerTxUs).toBeCloseTo(r.sequentialUs / 400, 9);
    expect(f.extraPerTxUs).toBeCloseTo((2 * r.elapsedUs - r.sequentialUs) / 400, 9);
    const text = whySlower(r, m);
    expect(text).toContain("bookkeeping outweighs the work: a transaction is 3.00 µs of real work");
    expect(text).toContain(`and the parallel run spent ${f.extraPerTxUs.toFixed(2)} µs more worker time`);
  });

  it("names an idle worker when the work was uneven", () => {
    const r = measured({ ...transfers, accounts: 10_000 }, 0.5);
    // Only worker 0's events: worker 1 did nothing.
    const log = new EventLog();
    const l = r.log;
    for (let i = 0; i < l.length; i++)
      if (l.worker[i] === 0)
        log.emit(l.time[i], 0, l.kind[i] as EventKind, l.tx[i], l.inc[i], l.key[i], l.other[i]);
    const one = { ...r, log: log.freeze() };
    const m = computeMetrics(one);
    expect(whySlower(one, m)).toBe(
      `Below 1× because the work was uneven: worker 1 was busy 0% of the run, the busiest ${Math.round(m.laneUtilization[0] * 100)}%.`,
    );
  });

  it("names conflicts when many executions were redone", () => {
    const r = measured({ ...transfers, accounts: 2 }, 0.6);
    const m = computeMetrics(r);
    expect(m.reExecutions).toBeGreaterThan(80);
    expect(whySlower(r, m)).toBe(
      `Below 1× because the transactions conflict: ${m.reExecutions.toLocaleString("en-US")} of ${m.executions.toLocaleString("en-US")} executions were aborted and redone, and the workers wait on each other.`,
    );
  });
});
