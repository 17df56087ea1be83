import { describe, expect, it } from "vitest";
import { computeMetrics } from "../engine/analysis/metrics";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import { toChromeTrace } from "../engine/trace/chrome-trace";
import { Ev } from "../engine/trace/kinds";
import { simulate } from "../runtime/simulate";

// The analysis and the trace export against real runs of every scheduler and both cross-shard protocols.
const mix = { transfer: 1, swap: 1, mint: 1, vote: 1, ship: 1 };
const cases: [string, Partial<Scenario>][] = [
  ["sequential", { scheduler: "sequential" }],
  ["blockstm", { scheduler: "blockstm", workers: 8, skew: 1.2 }],
  ["batched", { scheduler: "batched", workers: 8, skew: 1.2 }],
  ["receipts", { scheduler: "blockstm", workers: 3, shards: 4, crossShard: "receipts", locality: 0.5 }],
  ["locks", { scheduler: "batched", workers: 2, shards: 3, crossShard: "locks", locality: 0.5 }],
  ["blockstm locks", { scheduler: "blockstm", workers: 4, shards: 2, crossShard: "locks", skew: 1 }],
  ["batched receipts", { scheduler: "batched", workers: 2, shards: 3, crossShard: "receipts" }],
  ["mod3mod4", { source: "mod3mod4", txs: 12, workers: 4 }],
];

describe.each(cases)("analysis of a real %s run", (_, over) => {
  const run = simulate({ ...DEFAULT_SCENARIO, txs: 400, accounts: 200, mix, ...over });
  const m = computeMetrics(run);

  it("counts every unit committed once and executed at least once", () => {
    expect(m.committed).toBe(run.sequential.units);
    expect(m.executions - m.reExecutions).toBe(run.sequential.units);
    expect(m.reverts).toBe(run.sequential.revert.filter((r) => r !== 0).length);
  });

  it("keeps busy time, waste and speedup within their bounds", () => {
    let busy = 0;
    for (let l = 0; l < run.lanes; l++) {
      expect(m.laneUtilization[l]).toBeGreaterThanOrEqual(0);
      expect(m.laneUtilization[l]).toBeLessThanOrEqual(1 + 1e-9);
      busy += m.laneBusyUs[l];
    }
    expect(m.wastedUs).toBeLessThanOrEqual(busy + 1e-6);
    // No schedule beats the critical path or the lane count.
    expect(m.elapsedUs).toBeGreaterThanOrEqual(m.criticalPathUs);
    expect(m.speedup).toBeLessThanOrEqual(m.idealSpeedup);
    expect(m.efficiency).toBeLessThanOrEqual(1);
    expect(m.efficiency).toBeGreaterThan(0);
  });

  it("counts only grow as the playhead moves", () => {
    let prev = computeMetrics(run, 0);
    for (let k = 1; k <= 20; k++) {
      const cur = computeMetrics(run, (run.elapsedUs * k) / 20);
      for (const f of [
        "events",
        "committed",
        "executions",
        "aborts",
        "wastedUs",
        "crossShardMessages",
      ] as const) {
        expect(cur[f]).toBeGreaterThanOrEqual(prev[f]);
      }
      prev = cur;
    }
    expect(prev).toMatchObject({ committed: m.committed, executions: m.executions, wastedUs: m.wastedUs });
  });

  it("exports every execution and every message to the Chrome trace", () => {
    const workers = run.lanes / run.scenario.shards;
    const trace = toChromeTrace(run.log, {
      lanes: run.lanes,
      workersPerShard: workers,
      label: "t",
      txName: String,
    });
    const x = trace.traceEvents.filter((e) => e.ph === "X");
    // One slice per execution, and under two-phase commit per leg (debit, apply, settle) of one.
    const starts = run.log.kind.filter((k) => k === Ev.ExecStart).length;
    expect(x.filter((e) => e.cat === "execute")).toHaveLength(starts);
    expect(starts).toBeGreaterThanOrEqual(m.executions);
    expect(x.filter((e) => e.flow_out)).toHaveLength(m.crossShardMessages);
    expect(x.filter((e) => e.flow_in)).toHaveLength(m.crossShardMessages);
    for (const e of x) expect(e.dur).toBeGreaterThanOrEqual(0);
  });
});
