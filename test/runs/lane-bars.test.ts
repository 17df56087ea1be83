import { describe, expect, it } from "vitest";
import { lockStalls } from "../../src/engine/analysis/lock-stalls";
import { laneBusyAt } from "../../src/engine/analysis/log-index";
import { computeMetrics } from "../../src/engine/analysis/metrics";
import { analyzeRun } from "../../src/engine/analysis/run-analysis";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { ticks } from "../../src/engine/schedulers/unit-cost";
import { Ev } from "../../src/engine/trace/kinds";
import { readBlockFile } from "../../src/runtime/block-file";
import { loadBlock } from "../../src/runtime/block-source";
import { simulate } from "../../src/runtime/simulate";
import { describeBar } from "../../src/ui/views/lanes/describe-bar";
import { BarEnd, BarKind, barAt, buildLaneBars } from "../../src/ui/views/lanes/lane-bars";
import { nftMintRight } from "./nft-mint-right";

const run = (over: Partial<Scenario>) =>
  simulate({ ...DEFAULT_SCENARIO, txs: 300, accounts: 40, skew: 1, workers: 4, ...over });

describe("buildLaneBars", () => {
  const r = run({});
  const b = buildLaneBars(r.log, r.lanes, 1);
  const end = r.log.time[r.log.length - 1];

  it("gives each lane non-overlapping bars whose length is the lane's busy time", () => {
    const index = analyzeRun(r).index;
    for (let l = 0; l < r.lanes; l++) {
      let busy = 0;
      for (let i = b.laneStart[l]; i < b.laneStart[l + 1]; i++) {
        expect(b.end[i]).toBeGreaterThanOrEqual(b.start[i]);
        if (i > b.laneStart[l]) expect(b.start[i]).toBeGreaterThanOrEqual(b.end[i - 1] - 1e-9);
        busy += b.end[i] - b.start[i];
      }
      expect(busy).toBeCloseTo(laneBusyAt(index, l, end), 6);
    }
  });

  it("marks an execution wasted exactly when its incarnation aborted", () => {
    const m = computeMetrics(r);
    let execs = 0;
    let wasted = 0;
    let suspended = 0;
    let validations = 0;
    for (let i = 0; i < b.tx.length; i++) {
      if (b.kind[i] === BarKind.Execute) {
        execs++;
        if (b.abortAt[i] < Number.POSITIVE_INFINITY) wasted++;
        if (b.ended[i] === BarEnd.Suspended) suspended++;
      } else validations++;
    }
    expect(m.aborts).toBeGreaterThan(0);
    expect([execs, wasted, suspended, validations]).toEqual([
      m.executions,
      m.aborts,
      m.suspensions,
      m.validations,
    ]);
  });

  it("finds the bar under a time, only once the playhead has reached it", () => {
    for (let l = 0; l < r.lanes; l++) {
      for (let i = b.laneStart[l]; i < b.laneStart[l + 1]; i += 7) {
        const mid = (b.start[i] + b.end[i]) / 2;
        if (b.end[i] > b.start[i]) expect(barAt(b, l, mid, end)).toBe(i);
        expect(barAt(b, l, mid, b.start[i] - 1e-6)).not.toBe(i);
      }
    }
  });

  it("prefers a bar of the kind the pointer's band asks for", () => {
    // A validation right after an execution on the same lane: midway between them, with slack both are in
    // reach (between them the worker commits and claims).
    const l = 0;
    for (let i = b.laneStart[l] + 1; i < b.laneStart[l + 1]; i++) {
      if (b.kind[i] !== BarKind.Validate || b.kind[i - 1] !== BarKind.Execute) continue;
      const gap = b.start[i] - b.end[i - 1];
      const t = b.end[i - 1] + gap / 2;
      const slack = gap / 2 + 0.5;
      expect(barAt(b, l, t, end, slack, BarKind.Execute)).toBe(i - 1);
      expect(barAt(b, l, t, end, slack, BarKind.Validate)).toBe(i);
      return;
    }
    throw new Error("no validation follows an execution on lane 0");
  });

  it("says why a wasted execution was wasted, once the abort has happened", () => {
    const i = b.abortAt.findIndex((t) => t < Number.POSITIVE_INFINITY);
    const lane = b.laneStart.findIndex((s, l) => i >= s && i < b.laneStart[l + 1]);
    const text = describeBar(r, b, i, lane, end);
    expect(text).toMatch(new RegExp(`^worker ${lane} executes tx ${b.tx[i]}, incarnation ${b.inc[i]}`));
    expect(text).toMatch(/wasted: aborted at .*, its read of balance\[\d+\] was stale \((tx \d+|storage)\)?/);
    expect(describeBar(r, b, i, lane, b.abortAt[i] - 1e-6)).not.toMatch(/wasted/);
  });

  it("says an aggregator's wasted add was checked against a total that moved, not that it read a stale value", () => {
    const r2 = simulate(nftMintRight());
    const b2 = buildLaneBars(r2.log, r2.lanes, 1);
    const i = b2.tx.findIndex((t, k) => t === 620 && b2.abortAt[k] < Number.POSITIVE_INFINITY);
    const lane = b2.laneStart.findIndex((s, l) => i >= s && i < b2.laneStart[l + 1]);
    expect(describeBar(r2, b2, i, lane, b2.abortAt[i])).toMatch(
      /wasted: aborted at .*, the total its add to minted\[0\] was checked against moved \(latest add: tx 619\)$/,
    );
  });

  it("records batch starts per shard and rounds", () => {
    const batched = run({ scheduler: "batched", shards: 2, workers: 2, crossShard: "receipts" });
    const bb = buildLaneBars(batched.log, batched.lanes, 2);
    const m = computeMetrics(batched);
    expect(bb.batchStarts.length).toBe(2);
    expect(bb.batchStarts[0].length + bb.batchStarts[1].length).toBe(m.batches);
    expect([...bb.roundNumbers]).toEqual(Array.from({ length: batched.rounds }, (_, k) => k));
  });

  it("marks a lane's idle time while every transaction left waits for a lock, and says so", () => {
    // The teaching block under account locks, 4 workers: only tx 0, 1 and 2 can start; the rest queue.
    const al = simulate({
      ...DEFAULT_SCENARIO,
      source: "mod3mod4",
      txs: 8,
      workers: 4,
      scheduler: "accountlocks",
    });
    const stalls = lockStalls(al.log, al.block.n);
    expect(stalls.count).toBeGreaterThan(0);
    const bb = buildLaneBars(al.log, al.lanes, 1, stalls);
    let waits = 0;
    for (let l = 0; l < al.lanes; l++) {
      for (let i = bb.laneStart[l]; i < bb.laneStart[l + 1]; i++) {
        if (i > bb.laneStart[l]) expect(bb.start[i]).toBeGreaterThanOrEqual(bb.end[i - 1] - 1e-9);
        if (bb.kind[i] !== BarKind.LockWait) continue;
        waits++;
        // Inside a stall, never over the lane's own work.
        let k = 0;
        while (stalls.end[k] <= bb.start[i]) k++;
        expect(bb.start[i]).toBeGreaterThanOrEqual(stalls.start[k]);
        expect(bb.end[i]).toBeLessThanOrEqual(stalls.end[k]);
        expect(bb.tx[i]).toBe(stalls.tx[k]);
      }
    }
    expect(waits).toBeGreaterThan(0);
    // Worker 3 has nothing to take once the others have claimed tx 0, 1 and 2 (each claim paid before the
    // transaction starts): tx 3 is queued behind tx 0 on M[0].
    const started = al.log.time[al.log.kind.indexOf(Ev.ExecStart)];
    expect(started).toBe(ticks(al.scenario.cost.taskUs));
    const first = bb.laneStart[3];
    expect(bb.kind[first]).toBe(BarKind.LockWait);
    expect(bb.start[first]).toBe(started);
    expect(describeBar(al, bb, first, 3, al.elapsedUs)).toMatch(
      /^worker 3 is idle: every transaction left waits for a lock; the first, tx 3, waits for M\[0\] behind tx 0 · 0\.1 µs → /,
    );
  });

  it("names an imported Ethereum block's transactions by hash and callee", async () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, source: "eth-12965000", workers: 8 };
    const eth = simulate(s, await loadBlock(s, readBlockFile));
    const info = eth.eth;
    if (!info) throw new Error("an imported block carries its labels");
    const bars = buildLaneBars(eth.log, eth.lanes, 1);
    const last = eth.log.time[eth.log.length - 1];
    const i = bars.kind.indexOf(BarKind.Execute);
    const lane = bars.laneStart.findIndex((st, l) => i >= st && i < bars.laneStart[l + 1]);
    const text = describeBar(eth, bars, i, lane, last);
    expect(text).toContain(`executes ${info.labels[bars.tx[i]]} (${info.targets[bars.tx[i]]})`);
  });
});
