import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BLOCKSTM_ROWS } from "../../../test/engine/blockstm-log";
import { logOf, traceOf } from "../../../test/engine/log";
import { Ev, MsgKind } from "../trace/kinds";
import { LaneTask, TxStates, TxStatus, txStatesOf, unitsPerTx } from "./tx-state";

const blockstm = logOf(BLOCKSTM_ROWS);

const statusAt = (s: TxStates, t: number): number[] => [...s.seek(t).status];

describe("TxStates", () => {
  it("follows each transaction through execution, validation, abort, suspension and commit", () => {
    const s = new TxStates({ log: blockstm, txs: 3, lanes: 2 });
    const { Pending, Executing, Suspended, Executed, Validating, Committed, Reverted } = TxStatus;
    expect(statusAt(s, -1)).toEqual([Pending, Pending, Pending]);
    expect(statusAt(s, 1)).toEqual([Executing, Executing, Pending]);
    expect(statusAt(s, 3.5)).toEqual([Validating, Executed, Pending]);
    expect(statusAt(s, 4.5)).toEqual([Committed, Validating, Executing]);
    // At 5 the abort is followed at once by the next incarnation: the latest abort stays recorded.
    expect(statusAt(s, 5)).toEqual([Committed, Executing, Suspended]);
    expect([s.abortAt[1], s.abortKey[1], s.abortWriter[1], s.aborts[1]]).toEqual([5, 5, 0, 1]);
    expect([s.blocker[2], s.blockKey[2]]).toEqual([1, 3]);
    expect([s.inc[1], s.executions[1], s.reExecutions[1]]).toEqual([1, 2, 1]);
    expect(statusAt(s, 9)).toEqual([Committed, Reverted, Executing]);
    expect([s.blocker[2], s.inc[2], s.executions[2], s.reExecutions[2]]).toEqual([-1, 1, 2, 1]);
    expect(statusAt(s, 100)).toEqual([Committed, Reverted, Committed]);
    expect(s.applied).toBe(blockstm.length);
  });

  it("knows each lane's current task", () => {
    const s = new TxStates({ log: blockstm, txs: 3, lanes: 2 }).seek(4.5);
    expect([...s.laneTask]).toEqual([LaneTask.Execute, LaneTask.Validate]);
    expect([...s.laneTx]).toEqual([2, 1]);
    expect([...s.laneSince]).toEqual([4, 4]);
    s.seek(5);
    // Lane 0's execution of tx 2 suspended: idle. Lane 1 runs tx 1's second incarnation.
    expect([...s.laneTask]).toEqual([LaneTask.Idle, LaneTask.Execute]);
    expect([s.laneTx[1], s.laneInc[1]]).toEqual([1, 1]);
    expect(Number.isNaN(s.laneSince[0])).toBe(true);
  });

  it("treats a receipt leg's commit as a hand-off until the last leg commits", () => {
    // Tx 0 debits on shard 0 (lane 0), its receipt flies to shard 1 (lane 1), the apply leg commits there.
    const log = logOf([
      [0, 0, Ev.ExecStart, 0, 0],
      [3, 0, Ev.ExecEnd, 0, 0],
      [3, 0, Ev.Commit, 0, 0],
      [4, 0, Ev.MsgSend, 0, 0, 1, MsgKind.Receipt],
      [24, 1, Ev.MsgRecv, 0, 0, 0, MsgKind.Receipt],
      [24, 1, Ev.ExecStart, 0, 0],
      [26, 1, Ev.ExecEnd, 0, 0],
      [26, 1, Ev.Commit, 0, 0],
    ]);
    const s = new TxStates({ log, txs: 1, lanes: 2, unitsPerTx: [2] });
    expect(statusAt(s, 3)).toEqual([TxStatus.Pending]);
    expect(statusAt(s, 10)).toEqual([TxStatus.InFlight]);
    expect(statusAt(s, 24)).toEqual([TxStatus.Executing]);
    expect([s.lane[0], s.executions[0], s.reExecutions[0]]).toEqual([1, 2, 0]);
    expect(statusAt(s, 26)).toEqual([TxStatus.Committed]);
  });

  it("shows a two-phase-commit transaction in flight until its vote returns", () => {
    const log = logOf([
      [0, 0, Ev.MsgSend, 0, 0, 1, MsgKind.Prepare],
      [20, 1, Ev.MsgRecv, 0, 0, 0, MsgKind.Prepare],
      [20, 1, Ev.MsgSend, 0, 0, 0, MsgKind.Vote],
      [40, 0, Ev.MsgRecv, 0, 0, 1, MsgKind.Vote],
      [40, 0, Ev.ExecStart, 0, 0],
      [43, 0, Ev.ExecEnd, 0, 0],
      [43, 0, Ev.Commit, 0, 0],
      [43, 0, Ev.MsgSend, 0, 0, 1, MsgKind.CommitMsg],
      [63, 1, Ev.MsgRecv, 0, 0, 0, MsgKind.CommitMsg],
    ]);
    const s = new TxStates({ log, txs: 1, lanes: 2 });
    expect(statusAt(s, 30)).toEqual([TxStatus.InFlight]);
    expect(statusAt(s, 40)).toEqual([TxStatus.Executing]);
    expect(statusAt(s, 50)).toEqual([TxStatus.Committed]);
    expect(statusAt(s, 70)).toEqual([TxStatus.Committed]);
  });

  it("counts units per transaction from the serial order", () => {
    const trace = traceOf([{ tx: 0 }, { tx: 1 }, { tx: 0 }, { tx: 2 }, { tx: 0 }]);
    expect([...unitsPerTx(3, trace)]).toEqual([3, 1, 1]);
  });

  it("shares one tracker per run", () => {
    const run = { log: blockstm, block: { n: 3 }, lanes: 2, sequential: traceOf([{}, {}, {}]) };
    expect(txStatesOf(run)).toBe(txStatesOf(run));
    expect(txStatesOf({ ...run, lanes: 3 }).lanes).toBe(3);
  });

  it("reaches the same state by any sequence of seeks as by one seek from the start", () => {
    const kinds = [
      Ev.ExecStart,
      Ev.ExecEnd,
      Ev.Suspend,
      Ev.Resume,
      Ev.ValidateStart,
      Ev.ValidateEnd,
      Ev.Abort,
      Ev.Commit,
      Ev.MsgSend,
      Ev.MsgRecv,
      Ev.Revert,
      Ev.RoundStart,
    ];
    const row = fc.tuple(
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: -1, max: 3 }),
      fc.constantFrom(...kinds),
      fc.integer({ min: -1, max: 5 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: -1, max: 4 }),
      fc.integer({ min: -1, max: 5 }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.array(fc.double({ min: -1, max: 45, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 8 }),
        (rows, seeks, stride) => {
          const log = logOf(rows);
          const input = { log, txs: 6, lanes: 3, unitsPerTx: [1, 2, 1, 3, 1, 1] };
          const moving = new TxStates(input, stride);
          for (const t of seeks) {
            moving.seek(t);
            const fresh = new TxStates(input).seek(t);
            expect(moving.applied).toBe(fresh.applied);
            expect([...moving.status]).toEqual([...fresh.status]);
            expect([...moving.executions]).toEqual([...fresh.executions]);
            expect([...moving.abortAt]).toEqual([...fresh.abortAt]);
            expect([...moving.blocker]).toEqual([...fresh.blocker]);
            expect([...moving.laneTx]).toEqual([...fresh.laneTx]);
            expect([...moving.laneSince]).toEqual([...fresh.laneSince]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
