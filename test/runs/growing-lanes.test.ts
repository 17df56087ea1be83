import { describe, expect, it } from "vitest";
import { laneBusyAt } from "../../src/engine/analysis/log-index";
import { analyzeRun } from "../../src/engine/analysis/run-analysis";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { type EventLogData, logEnd } from "../../src/engine/trace/eventlog";
import { simulate } from "../../src/runtime/simulate";
import { GrowingLanes } from "../../src/ui/views/lanes/growing-lanes";
import { buildLaneBars } from "../../src/ui/views/lanes/lane-bars";

/** Events [from, to) of a log, as a log of their own (a frame's worth of a live run). */
function piece(log: EventLogData, from: number, to: number): EventLogData {
  return {
    length: to - from,
    time: log.time.slice(from, to),
    worker: log.worker.slice(from, to),
    kind: log.kind.slice(from, to),
    tx: log.tx.slice(from, to),
    inc: log.inc.slice(from, to),
    key: log.key.slice(from, to),
    other: log.other.slice(from, to),
  };
}

const CASES: [string, Partial<Scenario>][] = [
  ["Block-STM", { scheduler: "blockstm" }],
  ["level batches on 2 shards with receipts", { scheduler: "batched", shards: 2, crossShard: "receipts" }],
];

describe("the live lanes, grown a frame at a time", () => {
  it.each(CASES)("%s: the same bars and busy times as the whole log's, at every frame's end", (_, over) => {
    const r = simulate({ ...DEFAULT_SCENARIO, txs: 300, accounts: 40, skew: 1, workers: 2, ...over });
    const lanes = new GrowingLanes(r.lanes, r.scenario.shards);
    const frames = 7;
    for (let f = 1; f <= frames; f++) {
      const [from, to] = [f - 1, f].map((x) => Math.round((x * r.log.length) / frames));
      lanes.add(piece(r.log, from, to));
      const sofar = piece(r.log, 0, to);
      const bars = lanes.bars();
      expect(bars).toEqual(buildLaneBars(sofar, r.lanes, r.scenario.shards));
      expect(lanes.end).toBe(logEnd(sofar));
    }
    const index = analyzeRun(r).index;
    for (let l = 0; l < r.lanes; l++) {
      expect(lanes.busyAt(l, lanes.end)).toBeCloseTo(laneBusyAt(index, l, lanes.end), 6);
    }
  });
});
