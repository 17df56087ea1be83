import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../src/engine/analysis/metrics";
import { GAS_LIMIT_NOTE } from "../../src/engine/ethereum/import";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { validateScenario } from "../../src/engine/scenario/validate";
import { simulate } from "../../src/runtime/simulate";
import { runReport, runTrace } from "../../src/ui/export/report";

const scenario: Scenario = { ...DEFAULT_SCENARIO, txs: 300, shards: 2, workers: 3, skew: 1 };

describe("export files", () => {
  const result = simulate(scenario);
  const metrics = computeMetrics(result);

  it("writes the run as Chrome trace events: a thread per lane, slices with times", () => {
    const trace = JSON.parse(JSON.stringify(runTrace(result)));
    const slices = trace.traceEvents.filter((e: { ph: string }) => e.ph === "X");
    expect(slices.length).toBeGreaterThanOrEqual(300);
    expect(slices.every((e: { ts: number; dur: number }) => e.ts >= 0 && e.dur >= 0)).toBe(true);
    const threads = trace.traceEvents.filter(
      (e: { ph: string; name: string }) => e.ph === "M" && e.name === "thread_name",
    );
    expect(threads.length).toBeGreaterThanOrEqual(6);
    expect(trace.otherData.label).toBe("blockstm, 3 workers x 2 shards, virtual clock (simulated)");
  });

  it("reports the scenario, the metrics as plain numbers and the hashes", () => {
    const report = JSON.parse(JSON.stringify(runReport(result, metrics, GAS_LIMIT_NOTE)));
    expect(report.scenario).toEqual(scenario);
    expect(report.clock).toBe("simulated");
    expect(report.matchesSequential).toBe(true);
    expect(report.metrics.speedup).toBeCloseTo(metrics.speedup);
    expect(report.metrics.laneBusyUs).toHaveLength(6);
    expect(report.block).toBeUndefined();
  });

  it("the exported scenario re-validates to the same scenario", () => {
    const check = validateScenario(JSON.parse(JSON.stringify(result.scenario)));
    expect(check).toEqual({ ok: true, scenario });
  });
});
