import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { Ev, MsgKind } from "../../src/engine/trace/kinds";
import { simulate } from "../../src/runtime/simulate";
import { completionTimes, countUpTo, roundTimes } from "../../src/ui/views/metrics/playhead-counts";

const run = (over: Partial<Scenario>) => simulate({ ...DEFAULT_SCENARIO, txs: 200, ...over });

describe("completionTimes", () => {
  it("unsharded: one time per transaction, its commit", () => {
    const r = run({ workers: 4 });
    const times = completionTimes(r.log);
    expect(times).toHaveLength(200);
    const commits: number[] = [];
    for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === Ev.Commit) commits.push(r.log.time[i]);
    expect(Array.from(times)).toEqual(commits.sort((a, b) => a - b));
    expect(countUpTo(times, r.elapsedUs)).toBe(200);
    expect(countUpTo(times, -1)).toBe(0);
  });

  it("receipts: a transaction is final at its last leg's commit, so fewer are final than units committed", () => {
    const r = run({ shards: 4, workers: 2, crossShard: "receipts", locality: 0.3 });
    const times = completionTimes(r.log);
    expect(times).toHaveLength(200);
    const firstRoundEnd = roundTimes(r.log, "receipts")[1];
    let unitsCommitted = 0;
    for (let i = 0; i < r.log.length; i++) {
      if (r.log.kind[i] === Ev.Commit && r.log.time[i] <= firstRoundEnd) unitsCommitted++;
    }
    // In round 1 every transaction commits a unit, but cross-shard ones only their debit leg.
    expect(countUpTo(times, firstRoundEnd)).toBeLessThan(unitsCommitted);
  });
});

describe("roundTimes", () => {
  it("receipts: one start per round; locks: one per two-phase-commit exchange", () => {
    const receipts = run({ shards: 4, workers: 2, crossShard: "receipts", locality: 0.3 });
    expect(roundTimes(receipts.log, "receipts")).toHaveLength(receipts.rounds);
    const locks = run({ shards: 4, workers: 2, crossShard: "locks", locality: 0.3 });
    // Each cross-shard transaction opens its exchange with PREPARE, or with ABORT when it failed at home.
    let opened = 0;
    for (let i = 0; i < locks.log.length; i++) {
      const kind = locks.log.other[i];
      if (locks.log.kind[i] === Ev.MsgSend && (kind === MsgKind.Prepare || kind === MsgKind.Abort)) opened++;
    }
    expect(roundTimes(locks.log, "locks")).toHaveLength(opened);
    expect(opened).toBe(locks.rounds);
  });
});
