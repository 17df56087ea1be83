import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BLOCKSTM_ROWS } from "../../../test/engine/blockstm-log";
import { logOf, type Row, traceOf } from "../../../test/engine/log";
import type { EventLogData } from "../trace/eventlog";
import { Ev, MsgKind } from "../trace/kinds";
import { computeMetrics } from "./metrics";
import type { RunInput } from "./run-analysis";

function runOf(log: EventLogData, over: Partial<RunInput> = {}): RunInput {
  return {
    mode: "virtual",
    scenario: { scheduler: "blockstm" },
    block: { n: 3 },
    log,
    lanes: 2,
    elapsedUs: 13,
    sequentialUs: 9,
    sequential: traceOf([{ cost: 3 }, { cost: 3 }, { reads: [[4, 1]], cost: 3 }]),
    rounds: 1,
    ...over,
  };
}

describe("computeMetrics", () => {
  const run = runOf(logOf(BLOCKSTM_ROWS));

  it("counts a finished run", () => {
    const m = computeMetrics(run);
    expect(m).toMatchObject({
      finished: true,
      events: BLOCKSTM_ROWS.length,
      committed: 3,
      executions: 5,
      reExecutions: 2,
      validations: 4,
      aborts: 1,
      suspensions: 1,
      wastedUs: 4,
      reverts: 1,
      batches: 0,
      crossShardMessages: 0,
      clock: "simulated",
      txs: 3,
      units: 3,
      criticalPathUs: 6,
      totalWorkUs: 9,
      levels: 2,
    });
    expect([...m.laneBusyUs]).toEqual([9, 8]);
    expect(m.laneUtilization[0]).toBeCloseTo(9 / 13);
    expect(m.utilization).toBeCloseTo(17 / 26);
    expect(m.tps).toBeCloseTo(3 / 13e-6);
    expect(m.speedup).toBeCloseTo(9 / 13);
    expect(m.idealSpeedup).toBeCloseTo(1.5);
    expect(m.efficiency).toBeCloseTo(9 / 13 / 1.5);
  });

  it("counts only events up to the playhead", () => {
    const at5 = computeMetrics(run, 5);
    expect(at5).toMatchObject({ finished: false, executions: 4, reExecutions: 1, aborts: 1 });
    expect(at5).toMatchObject({ suspensions: 1, wastedUs: 4, committed: 1, reverts: 0 });
    expect([...at5.laneBusyUs]).toEqual([5, 4]);
    const mid = computeMetrics(run, 4.5);
    expect(mid).toMatchObject({ executions: 3, aborts: 0, wastedUs: 0, committed: 1 });
    expect([...mid.laneBusyUs]).toEqual([4.5, 3.5]);
    expect(mid.laneUtilization[1]).toBeCloseTo(3.5 / 4.5);
    const start = computeMetrics(run, -1);
    expect(start).toMatchObject({ atUs: 0, events: 0, executions: 0, utilization: 0 });
  });

  it("labels live runs as measured", () => {
    expect(computeMetrics(runOf(logOf(BLOCKSTM_ROWS), { mode: "live" })).clock).toBe("measured");
  });

  it("counts batches, cross-shard messages and legs of a receipt run", () => {
    // Two shards of one worker; tx 0 debits on shard 0, its receipt applies it on shard 1 next round.
    const rows: Row[] = [
      [0, -1, Ev.RoundStart, -1, 0, -1, 0],
      [0, 0, Ev.BatchStart, 0, 0, -1, 0],
      [0, 0, Ev.ExecStart, 0, 0],
      [1, 0, Ev.ExecEnd, 0, 0],
      [1, 0, Ev.Commit, 0, 0],
      [1, 0, Ev.BatchEnd, 0, 0, -1, 0],
      [1, 0, Ev.MsgSend, 0, 0, 1, MsgKind.Receipt],
      [21, 1, Ev.MsgRecv, 0, 0, 0, MsgKind.Receipt],
      [21, -1, Ev.RoundStart, -1, 0, -1, 1],
      [21, 1, Ev.BatchStart, 0, 0, -1, 1],
      [21, 1, Ev.ExecStart, 0, 0],
      [23, 1, Ev.ExecEnd, 0, 0],
      [23, 1, Ev.Commit, 0, 0],
      [23, 1, Ev.BatchEnd, 0, 0, -1, 1],
    ];
    const m = computeMetrics(
      runOf(logOf(rows), {
        block: { n: 1 },
        elapsedUs: 23,
        sequentialUs: 3,
        rounds: 2,
        sequential: traceOf([
          { tx: 0, cost: 1 },
          { tx: 0, cost: 2 },
        ]),
      }),
    );
    expect(m).toMatchObject({ executions: 2, reExecutions: 0, committed: 2, batches: 2 });
    expect(m).toMatchObject({
      crossShardMessages: 1,
      units: 2,
      rounds: 2,
      criticalPathUs: 3,
      idealSpeedup: 1,
    });
    expect([...m.laneBusyUs]).toEqual([1, 2]);
  });

  it("plain counters equal a brute-force count at any playhead", () => {
    const kinds = [Ev.ExecStart, Ev.ValidateEnd, Ev.Abort, Ev.Suspend, Ev.BatchStart, Ev.MsgSend, Ev.Resume];
    const rowArb = fc.tuple(
      fc.integer({ min: 0, max: 500 }),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom(...kinds),
    );
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 400 }), fc.integer({ min: -5, max: 505 }), (raw, t) => {
        const rows = raw.map(([time, lane, kind]): Row => [time, lane, kind, 0, 0]);
        const m = computeMetrics(runOf(logOf(rows), { lanes: 4, elapsedUs: 500 }), t);
        const count = (k: number) => rows.filter((r) => r[2] === k && r[0] <= t).length;
        expect(m.events).toBe(rows.filter((r) => r[0] <= t).length);
        expect(m.executions).toBe(count(Ev.ExecStart));
        expect(m.validations).toBe(count(Ev.ValidateEnd));
        expect(m.aborts).toBe(count(Ev.Abort));
        expect(m.suspensions).toBe(count(Ev.Suspend));
        expect(m.batches).toBe(count(Ev.BatchStart));
        expect(m.crossShardMessages).toBe(count(Ev.MsgSend));
      }),
      { numRuns: 200 },
    );
  });
});
