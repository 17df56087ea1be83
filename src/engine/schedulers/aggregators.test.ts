import { describe, expect, it } from "vitest";
import { buildDepGraph } from "../analysis/depgraph";
import { Arena } from "../arena";
import type { Block } from "../block";
import { ARGS, Revert } from "../contracts/contract";
import { mint } from "../contracts/mint";
import { DEFAULT_COST } from "../scenario/scenario";
import { EventLog } from "../trace/eventlog";
import { Ev } from "../trace/kinds";
import { declareAccess } from "../workload/access";
import { AccountLocksExecutor } from "./account-locks";
import { BalExecutor } from "./bal/executor";
import { BatchedExecutor } from "./batched";
import { BlockStmExecutor } from "./blockstm/executor";
import { DONE, type Executor } from "./executor";
import { declaredBatches } from "./level-batches";
import { SequentialExecutor } from "./sequential-executor";
import { SequentialOracle } from "./sequential-oracle";
import { stakedAccess } from "./stake";
import { Mode } from "./unit-access";
import { wholeTransactions } from "./units";

// Keys: minter m's balance is m, its owner record 4 + m; the collection's counter is 8, its revenue 9.
const COUNTER = 8;
const REVENUE = 9;
const PRICE = 100;

/** `minters` mint once each, in order, from one collection capped at `cap`; the counter starts at `minted`. */
function mintBlock(minters: readonly number[], cap: number, minted = 0, aggregators = true): Block {
  const n = minters.length;
  const kind = new Uint8Array(n).fill(mint.id);
  const args = new Float64Array(n * ARGS);
  minters.forEach((m, t) => {
    args.set([m, 4 + m, COUNTER, REVENUE, PRICE, cap, aggregators ? 1 : 0], t * ARGS);
  });
  const initial = new Float64Array(10);
  initial.fill(1000, 0, 4);
  initial[COUNTER] = minted;
  const keys = { count: 10, initial, group: new Uint8Array(10), regions: [] };
  return { n, kind, args, gas: new Float64Array(n).fill(mint.gas), keys, ...declareAccess(kind, args, n) };
}

/**
 * Steps every worker in lock step: all claim, then all begin (every read of the step happens before any
 * write of it is published), then all complete. The most speculation a run can have: every tryAdd of a
 * step decides on what the steps before published.
 */
function lockstep(ex: Executor, workers: number): void {
  for (let t = 0; ; t++) {
    const busy: number[] = [];
    let done = 0;
    for (let w = 0; w < workers; w++) {
      const c = ex.claim(w, t);
      if (c === DONE) done++;
      else if (c >= 0) busy.push(w);
    }
    if (done === workers) break;
    if (t > 10_000) throw new Error("the run did not end");
    for (const w of busy) ex.begin(w, t);
    for (const w of busy) ex.complete(w, t);
  }
  ex.finish(10_001);
}

type Make = new (
  b: Block,
  u: ReturnType<typeof wholeTransactions>,
  s: Float64Array,
  c: typeof DEFAULT_COST,
  l: EventLog,
  lane: number,
  a: Arena,
) => Executor;

/** Runs the block with an executor in lock step; returns its final state, outputs and log. */
function run(block: Block, Make: Make, workers = 4) {
  const state = Float64Array.from(block.keys.initial);
  const log = new EventLog();
  const ex = new Make(block, wholeTransactions(block.n), state, DEFAULT_COST, log, 0, Arena.local());
  lockstep(ex, workers);
  ex.writeBack(state);
  return { state, output: Array.from(ex.output), log: log.freeze() };
}

/** The sequential oracle's run of the block: its final state, outputs and trace. */
function sequential(block: Block) {
  const oracle = new SequentialOracle(block, Float64Array.from(block.keys.initial), DEFAULT_COST);
  const output = Array.from(oracle.run(wholeTransactions(block.n)));
  return { state: oracle.state, output, trace: oracle.trace(), oracle };
}

describe("aggregators: a tryAdd decides on the limit, never on a read of the value", () => {
  it("a mint at the cap fails in sequential execution, and the state is that of the read-then-write mint", () => {
    const seq = sequential(mintBlock([0, 1, 2, 3], 2));
    expect(seq.output).toEqual([0, 0, Revert.SoldOut, Revert.SoldOut]);
    expect([seq.state[COUNTER], seq.state[REVENUE]]).toEqual([2, 2 * PRICE]);
    const plain = sequential(mintBlock([0, 1, 2, 3], 2, 0, false));
    expect(Array.from(seq.state)).toEqual(Array.from(plain.state));
  });

  it("Block-STM: all four mints run at once; the two past the cap flip to sold out, re-executed, seen in the log", () => {
    const block = mintBlock([0, 1, 2, 3], 2);
    const r = run(block, BlockStmExecutor);
    expect(r.output).toEqual(sequential(block).output);
    expect(Array.from(r.state)).toEqual(Array.from(sequential(block).state));
    // Every first incarnation started before any ended: the counter was read by none of them.
    const starts = [...Array(r.log.length).keys()].filter((i) => r.log.kind[i] === Ev.ExecStart);
    expect(starts.slice(0, 4).map((i) => r.log.time[i])).toEqual([0, 0, 0, 0]);
    // Mints 0 and 1 fit whatever the order: never aborted. Mints 2 and 3 assumed room that was not there.
    const aborts = [...Array(r.log.length).keys()].filter((i) => r.log.kind[i] === Ev.Abort);
    expect(new Set(aborts.map((i) => r.log.tx[i]))).toEqual(new Set([2, 3]));
    for (const i of aborts) expect(r.log.key[i]).toBe(COUNTER);
    const reverts = [...Array(r.log.length).keys()].filter((i) => r.log.kind[i] === Ev.Revert);
    expect(reverts.map((i) => [r.log.tx[i], r.log.other[i]])).toEqual([
      [2, Revert.SoldOut],
      [3, Revert.SoldOut],
    ]);
  });

  it("Block-STM: mints that fit under the cap whatever the order never abort, however many run at once", () => {
    const block = mintBlock([0, 1, 2, 3], 10);
    const r = run(block, BlockStmExecutor);
    expect(Array.from(r.state)).toEqual(Array.from(sequential(block).state));
    expect(r.log.kind.filter((k) => k === Ev.Abort || k === Ev.Suspend)).toHaveLength(0);
  });

  it("every other safe executor ends in the sequential state and outputs, at and below the cap", () => {
    for (const [cap, minted] of [
      [2, 0],
      [3, 1],
      [10, 0],
      [2, 2],
    ]) {
      const block = mintBlock([0, 1, 2, 3, 0, 1], cap, minted);
      const seq = sequential(block);
      for (const Make of [SequentialExecutor, BatchedExecutor, AccountLocksExecutor] as Make[]) {
        const r = run(block, Make);
        expect([Make.name, cap, minted, r.output]).toEqual([Make.name, cap, minted, seq.output]);
        expect(Array.from(r.state)).toEqual(Array.from(seq.state));
      }
      const listed = { ...block, accessList: seq.oracle.accessList() };
      const bal = run(listed, BalExecutor as Make);
      expect(bal.log.kind.filter((k) => k === Ev.ListMismatch)).toHaveLength(0);
      expect(Array.from(bal.state)).toEqual(Array.from(seq.state));
    }
  });

  it("the access list records a delta as the amount added, not a post-value", () => {
    const list = sequential(mintBlock([0, 1], 5, 3)).oracle.accessList();
    const counter = [...list.writeKey.keys()].filter((i) => list.writeKey[i] === COUNTER);
    expect(counter.map((i) => [list.writeVal[i], list.writeDelta[i]])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});

describe("aggregators in the dependency graph", () => {
  it("draws no edge between two deltas, and one from a mint sold out to the mint that filled the cap", () => {
    // Distinct minters: the counter and the revenue are the only keys they share.
    const { trace } = sequential(mintBlock([0, 1, 2, 3], 2));
    const g = buildDepGraph(trace);
    const edges = (i: number) => Array.from(g.dep.subarray(g.depStart[i], g.depStart[i + 1]));
    expect([edges(0), edges(1)]).toEqual([[], []]);
    // Mints 2 and 3 failed at the cap: each depends on mint 1, the last one it could not have failed without.
    expect([edges(2), edges(3)]).toEqual([[1], [1]]);
    expect(g.levels).toBe(2);
  });
});

describe("declared access: deltas share a key while its limit cannot be reached", () => {
  it("the deltas that could reach the cap become writes; the batches follow", () => {
    const block = mintBlock([0, 1, 2, 3], 2);
    const units = wholeTransactions(block.n);
    const modeOf = (state: Float64Array) => {
      const a = stakedAccess(block, units, state);
      return [...Array(block.n).keys()].map((u) => {
        for (let i = a.start[u]; i < a.start[u + 1]; i++) if (a.key[i] === COUNTER) return a.mode[i];
        return -1;
      });
    };
    const { Delta, Write } = Mode;
    expect(modeOf(block.keys.initial)).toEqual([Delta, Delta, Write, Write]);
    // From one minted on, only one more fits whatever the order.
    const one = Float64Array.from(block.keys.initial);
    one[COUNTER] = 1;
    expect(modeOf(one)).toEqual([Delta, Write, Write, Write]);
    // Level batches: the two safe mints together, then one at a time past them.
    expect(Array.from(declaredBatches(stakedAccess(block, units, block.keys.initial), block.n))).toEqual([
      0, 0, 1, 2,
    ]);
  });
});
