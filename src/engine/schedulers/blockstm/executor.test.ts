import { describe, expect, it } from "vitest";
import { Arena } from "../../arena";
import { DEFAULT_SCENARIO } from "../../scenario/scenario";
import { EventLog } from "../../trace/eventlog";
import { Ev } from "../../trace/kinds";
import { generateBlock } from "../../workload/generate";
import { DONE } from "../executor";
import { wholeTransactions } from "../units";
import { BlockStmExecutor } from "./executor";

/** Two transfers between the same two accounts, on shared memory (the live path), stepped by hand. */
function twoTransfers() {
  const s = {
    ...DEFAULT_SCENARIO,
    txs: 2,
    accounts: 2,
    mix: { transfer: 1, swap: 0, mint: 0, vote: 0, ship: 0 },
  };
  const block = generateBlock(s);
  const units = wholeTransactions(block.n);
  const state = Float64Array.from(block.keys.initial);
  const log = new EventLog();
  const make = (arena: Arena) => new BlockStmExecutor(block, units, state, s.cost, log, 0, arena);
  const sizing = Arena.local();
  make(sizing);
  const ex = make(Arena.shared(new SharedArrayBuffer(sizing.bytes), true));
  /** One task of worker w from claim to complete; false when it had none. */
  const step = (w: number): boolean => {
    if (ex.claim(w, 0) < 0) return false;
    ex.begin(w, 0);
    ex.complete(w, 0);
    return true;
  };
  return { ex, log, step };
}

describe("Block-STM's in-order commit on real threads", () => {
  it("a transaction that executes again while another worker holds the commit lock still commits", () => {
    const { ex, log, step } = twoTransfers();
    // Worker 1 takes tx 1 and executes it first: it reads the balances before tx 0 writes them.
    expect(ex.claim(0, 0)).toBeGreaterThan(0);
    expect(step(1)).toBe(true);
    // Worker 0 finishes tx 0 and commits it; at tx 1 its commit-time check finds the read stale. While it
    // holds the lock, worker 1 validates tx 1, aborts it and executes it again: its commit fails on the
    // lock held, so only the holder, looking again after unlocking, can commit it.
    const validate = ex.mv.validate.bind(ex.mv);
    let raced = false;
    ex.mv.validate = (u: number): number => {
      if (u === 1 && !raced) {
        raced = true;
        const stale = validate(u);
        while (step(1)) {}
        return stale;
      }
      return validate(u);
    };
    ex.begin(0, 0);
    ex.complete(0, 0);
    expect(raced).toBe(true);
    const kinds = Array.from(log.freeze().kind);
    expect(kinds.filter((k) => k === Ev.Abort)).toHaveLength(1);
    expect(kinds.filter((k) => k === Ev.Commit)).toHaveLength(2);
    expect(ex.sched.done()).toBe(true);
    expect(ex.claim(1, 0)).toBe(DONE);
  });
});
