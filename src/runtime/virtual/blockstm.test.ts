import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { costArb, scenarioArb } from "../../../test/runtime/scenario-arbitrary";
import { Arena } from "../../engine/arena";
import { ACC_DELTA, ACC_WRITE } from "../../engine/block";
import { ARGS } from "../../engine/contracts/contract";
import { transfer } from "../../engine/contracts/transfer";
import { DEFAULT_SCENARIO, type Scenario } from "../../engine/scenario/scenario";
import { BlockStmExecutor } from "../../engine/schedulers/blockstm/executor";
import { BOUND } from "../../engine/schedulers/blockstm/mvmemory";
import { SequentialOracle } from "../../engine/schedulers/sequential-oracle";
import { claimUs, ticks } from "../../engine/schedulers/unit-cost";
import { wholeTransactions } from "../../engine/schedulers/units";
import { EventLog } from "../../engine/trace/eventlog";
import { Ev } from "../../engine/trace/kinds";
import { generateBlock } from "../../engine/workload/generate";
import { simulate } from "../simulate";
import { runVirtual } from "./driver";

/** Block-STM alone on the virtual clock. */
function blockStmOnly(s: Scenario) {
  const block = generateBlock(s);
  const units = wholeTransactions(block.n);
  const log = new EventLog();
  const ex = new BlockStmExecutor(
    block,
    units,
    Float64Array.from(block.keys.initial),
    s.cost,
    log,
    0,
    Arena.local(),
  );
  runVirtual(ex, s.workers, 0);
  return { block, units, ex, log: log.freeze() };
}

/** Block-STM, and the sequential run of the same block. */
function runBlockStm(s: Scenario) {
  const run = blockStmOnly(s);
  const oracle = new SequentialOracle(run.block, Float64Array.from(run.block.keys.initial), s.cost);
  oracle.run(run.units);
  return { ...run, trace: oracle.trace(), sequential: oracle.state };
}

describe("Block-STM invariants", () => {
  it("the final incarnation of every transaction read exactly what the sequential run read", () => {
    fc.assert(
      fc.property(scenarioArb("blockstm", 300), (s0) => {
        const s = { ...s0, shards: 1 };
        const { block, ex, trace } = runBlockStm(s);
        const mv = ex.mv;
        for (let t = 0; t < block.n; t++) {
          // Aggregator keys are only ever added to here: their entries are ranges (BOUND), checked apart.
          const deltaKeys = new Set<number>();
          for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++)
            if (block.accFlag[i] & ACC_DELTA) deltaKeys.add(block.accKey[i]);
          const r0 = mv.access.start[t];
          const seen = [];
          for (let i = r0; i < r0 + mv.readCount[t]; i++) {
            if (mv.readInc[i] === BOUND) expect(deltaKeys.has(mv.readKey[i])).toBe(true);
            else seen.push([mv.readKey[i], mv.readUnit[i]]);
          }
          const expected = [];
          for (let i = trace.readStart[t]; i < trace.readStart[t + 1]; i++)
            if (!deltaKeys.has(trace.readKey[i])) expected.push([trace.readKey[i], trace.readFrom[i]]);
          expect(seen).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("no transaction commits before every lower one has", () => {
    fc.assert(
      fc.property(scenarioArb("blockstm", 300), (s0) => {
        const { log } = runBlockStm({ ...s0, shards: 1 });
        let next = 0;
        for (let i = 0; i < log.length; i++) {
          if (log.kind[i] !== Ev.Commit) continue;
          expect(log.tx[i]).toBe(next);
          next++;
        }
      }),
      { numRuns: 200 },
    );
  });

  it("a transaction no lower transaction may write to never aborts", () => {
    fc.assert(
      fc.property(scenarioArb("blockstm", 300), (s0) => {
        const { block, log } = runBlockStm({ ...s0, shards: 1 });
        const written = new Set<number>();
        const independent = new Uint8Array(block.n);
        for (let t = 0; t < block.n; t++) {
          let free = true;
          for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++)
            if (written.has(block.accKey[i])) free = false;
          independent[t] = free ? 1 : 0;
          for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++) {
            if (block.accFlag[i] & ACC_WRITE) written.add(block.accKey[i]);
          }
        }
        for (let i = 0; i < log.length; i++) {
          if (log.kind[i] === Ev.Abort || log.kind[i] === Ev.Suspend) expect(independent[log.tx[i]]).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** Reverts as a run logged them: per transaction its Revert code, 0 if it did not revert. */
function loggedReverts(n: number, log: ReturnType<typeof runBlockStm>["log"]): number[] {
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < log.length; i++) if (log.kind[i] === Ev.Revert) out[log.tx[i]] = log.other[i];
  return out;
}

describe("a suspended execution", () => {
  const transfers = (txs: number): Scenario => ({
    ...DEFAULT_SCENARIO,
    txs,
    accounts: 2,
    workers: 6,
    mix: { transfer: 1, swap: 0, mint: 0, vote: 0, ship: 0 },
  });

  it("runs its call out on NaN: swaps suspended at their reserves end as the sequential run does", () => {
    // Swaps on one pool: each reads the reserves the one below writes, and one suspended there computes
    // its output from NaN.
    const s: Scenario = {
      ...DEFAULT_SCENARIO,
      txs: 60,
      accounts: 40,
      pools: 1,
      workers: 6,
      mix: { transfer: 0, swap: 1, mint: 0, vote: 0, ship: 0 },
    };
    const { block, ex, log, trace, sequential } = runBlockStm(s);
    let atReserves = 0;
    for (let i = 0; i < log.length; i++) {
      if (log.kind[i] !== Ev.Suspend) continue;
      const o = log.tx[i] * ARGS;
      if (log.key[i] === block.args[o + 2] || log.key[i] === block.args[o + 3]) atReserves++;
    }
    expect(atReserves).toBeGreaterThan(0);
    const state = Float64Array.from(block.keys.initial);
    ex.writeBack(state);
    expect(state).toEqual(sequential);
    expect(loggedReverts(block.n, log)).toEqual(Array.from(trace.revert));
  });

  it("is only suspended when its contract throws on the NaN it reads past the blocked read", () => {
    const apply = transfer.apply;
    let refused = 0;
    const spy = vi.spyOn(transfer, "apply").mockImplementation((v, a, o, payload) => {
      if (Number.isNaN(v.read(a[o + 1]))) {
        refused++;
        throw new RangeError("not a number");
      }
      return apply(v, a, o, payload);
    });
    try {
      const { block, ex, log, trace, sequential } = runBlockStm(transfers(40));
      expect(refused).toBeGreaterThan(0);
      const state = Float64Array.from(block.keys.initial);
      ex.writeBack(state);
      expect(state).toEqual(sequential);
      expect(loggedReverts(block.n, log)).toEqual(Array.from(trace.revert));
    } finally {
      spy.mockRestore();
    }
  });

  it("a contract's own fault, with no blocked read, still ends the run", () => {
    const apply = transfer.apply;
    const spy = vi.spyOn(transfer, "apply").mockImplementation((v, a, o, payload) => {
      if (o === 7 * ARGS) throw new Error("fault in transaction 7");
      return apply(v, a, o, payload);
    });
    try {
      expect(() => blockStmOnly(transfers(20))).toThrow("fault in transaction 7");
    } finally {
      spy.mockRestore();
    }
  });
});

describe("resuming dependents on the virtual clock", () => {
  // finish_execution sets each dependent ready (cost.resumeUs each), then lowers the execution index: a
  // resumed transaction starts no earlier than its own step and a claim, and its resumer takes no task
  // before its last step and a claim.
  it("each resume is a step of its resumer, and nothing starts before its step is done", () => {
    fc.assert(
      fc.property(scenarioArb("blockstm", 200), costArb(), (s0, cost) => {
        const { log } = runBlockStm({ ...s0, shards: 1, cost });
        const step = ticks(cost.resumeUs);
        const claim = claimUs(cost);
        // The last ExecEnd of each tx on each lane, as the log goes; each resume's group is (lane, that end).
        const lastEnd = new Map<string, number>();
        const groups = new Map<string, number>();
        for (let i = 0; i < log.length; i++) {
          const lane = log.worker[i];
          if (log.kind[i] === Ev.ExecEnd) lastEnd.set(`${lane}:${log.tx[i]}`, log.time[i]);
          if (log.kind[i] !== Ev.Resume) continue;
          const end = lastEnd.get(`${lane}:${log.other[i]}`);
          expect(end).toBeDefined();
          const g = `${lane}:${end}`;
          const seen = (groups.get(g) ?? 0) + 1;
          groups.set(g, seen);
          // The k-th resume of a finished execution ends k steps after it (all at once when steps are free).
          expect(log.time[i]).toBe(end! + seen * step);
          let j = i + 1;
          while (!(log.kind[j] === Ev.ExecStart && log.tx[j] === log.tx[i] && log.inc[j] === log.inc[i])) j++;
          expect(log.time[j]).toBeGreaterThanOrEqual(log.time[i] + claim);
        }
        // The resumer's next task, on its lane, after its last step and a claim.
        for (const [g, m] of groups) {
          const [lane, end] = g.split(":").map(Number);
          const next = [...Array(log.length).keys()].find(
            (i) =>
              log.worker[i] === lane &&
              log.time[i] >= end &&
              (log.kind[i] === Ev.ExecStart || log.kind[i] === Ev.ValidateStart),
          );
          if (next !== undefined) expect(log.time[next]).toBeGreaterThanOrEqual(end + m * step + claim);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("the j mod 3 / j mod 4 teaching block", () => {
  // Tx j reads M[j mod 3] and writes M[j mod 4]; 8 txs, 4 workers, every tx costs the same.
  // Wave 1 runs tx 0-3 on the initial state. tx 3 read M[0] from storage, but tx 0 writes M[0]:
  // tx 3 aborts. Wave 2 runs tx 4, 5, 6 (then tx 3's second incarnation); tx 6 read M[0] from tx 0, but tx 4
  // (running alongside) writes M[0]: tx 6 aborts. Nothing else conflicts: exactly these two aborts.
  it("aborts tx 3 (M[0], by tx 0) and tx 6 (M[0], by tx 4)", () => {
    const r = simulate({
      ...DEFAULT_SCENARIO,
      source: "mod3mod4",
      txs: 8,
      workers: 4,
      scheduler: "blockstm",
    });
    const aborts: [number, number, number][] = [];
    for (let i = 0; i < r.log.length; i++) {
      if (r.log.kind[i] === Ev.Abort) aborts.push([r.log.tx[i], r.log.key[i], r.log.other[i]]);
    }
    expect(aborts).toEqual([
      [3, 0, 0],
      [6, 0, 4],
    ]);
    expect(r.stateHash).toBe(r.sequentialStateHash);
  });

  it("with one worker nothing aborts", () => {
    const r = simulate({
      ...DEFAULT_SCENARIO,
      source: "mod3mod4",
      txs: 8,
      workers: 1,
      scheduler: "blockstm",
    });
    for (let i = 0; i < r.log.length; i++) expect(r.log.kind[i]).not.toBe(Ev.Abort);
  });
});
