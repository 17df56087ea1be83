import { describe, expect, it } from "vitest";
import { BLOCKSTM_ROWS } from "../../../test/engine/blockstm-log";
import { logOf } from "../../../test/engine/log";
import { Ev, MsgKind } from "../trace/kinds";
import { batchStartedAt, EventFlag, logIndexOf, shardOfLane } from "./log-index";

// Two shards of two lanes running level batches: shard 0 runs batch 0 (txs 0 and 1) then batch 1 (tx 2);
// shard 1 runs its batch 0 (tx 3), which sends tx 3's receipt to shard 0; rounds 0 and 1 begin.
const BATCHES = logOf([
  [0, 0, Ev.RoundStart, -1, 0, -1, 0],
  [0, 2, Ev.RoundStart, -1, 0, -1, 0],
  [0, 0, Ev.BatchStart, 0, 0, -1, 0],
  [0, 2, Ev.BatchStart, 3, 0, -1, 0],
  [0, 0, Ev.ExecStart, 0, 0],
  [0, 1, Ev.ExecStart, 1, 0],
  [0, 2, Ev.ExecStart, 3, 0],
  [2, 0, Ev.ExecEnd, 0, 0],
  [2, 2, Ev.ExecEnd, 3, 0],
  [2, 2, Ev.MsgSend, 3, 0, 0, MsgKind.Receipt],
  [2, 2, Ev.BatchEnd, 3, 0, -1, 0],
  [3, 1, Ev.ExecEnd, 1, 0],
  [3, 1, Ev.BatchEnd, 0, 0, -1, 0],
  [3, 1, Ev.BatchStart, 2, 0, -1, 1],
  [3, 0, Ev.MsgRecv, 3, 0, 1, MsgKind.Receipt],
  [3, 1, Ev.ExecStart, 2, 0],
  [4, 1, Ev.ExecEnd, 2, 0],
  [4, 1, Ev.BatchEnd, 2, 0, -1, 1],
  [5, 0, Ev.RoundStart, -1, 0, -1, 1],
]);

describe("the log index", () => {
  const index = logIndexOf(BATCHES, 4, 2);

  it("is built once per log and lane layout, and shared", () => {
    expect(logIndexOf(BATCHES, 4, 2)).toBe(index);
    const one = logIndexOf(BATCHES, 4);
    expect(one).not.toBe(index);
    expect([one.shards, one.workersPerShard]).toEqual([1, 4]);
    expect(logIndexOf(BATCHES, 4, 2)).toBe(index);
    expect([index.shards, index.workersPerShard]).toEqual([2, 2]);
    expect([shardOfLane(index, 1), shardOfLane(index, 2), shardOfLane(index, 9)]).toEqual([0, 1, 1]);
  });

  it("without lanes, gives the index already built, or one over the lanes the events name", () => {
    expect(logIndexOf(BATCHES)).toBe(index);
    const fresh = logOf(BLOCKSTM_ROWS);
    const named = logIndexOf(fresh);
    expect([named.lanes, named.shards]).toEqual([2, 1]);
    expect(logIndexOf(fresh, 2)).toBe(named);
  });

  it("pairs each batch's start and end on its shard and counts the executions in it", () => {
    const { batches } = index;
    expect(batches.count).toBe(3);
    expect(Array.from(batches.startEvent)).toEqual([2, 3, 13]);
    expect(Array.from(batches.endEvent)).toEqual([12, 10, 17]);
    expect(Array.from(batches.shard)).toEqual([0, 1, 0]);
    expect(Array.from(batches.executions)).toEqual([2, 1, 1]);
    expect([batchStartedAt(index, 3), batchStartedAt(index, 13), batchStartedAt(index, 4)]).toEqual([
      1, 2, -1,
    ]);
  });

  it("pairs each message's send with its receive", () => {
    const { messages } = index;
    expect(messages.count).toBe(1);
    expect([messages.sendEvent[0], messages.recvEvent[0], messages.src[0], messages.dst[0]]).toEqual([
      9, 14, 1, 0,
    ]);
    expect(messages.kind[0]).toBe(MsgKind.Receipt);
    // A receive on a shard the message was not sent to pairs with nothing.
    const stray = logIndexOf(
      logOf([
        [0, 0, Ev.MsgSend, 0, 0, 1, MsgKind.Prepare],
        [1, 0, Ev.MsgRecv, 0, 0, 1, MsgKind.Prepare],
      ]),
      4,
      2,
    );
    expect(Array.from(stray.messages.recvEvent)).toEqual([-1]);
  });

  it("keeps each round's first start, and where each transaction first ran", () => {
    expect(Array.from(index.roundStarts)).toEqual([0, 5]);
    expect(Array.from(index.roundNumbers)).toEqual([0, 1]);
    expect(Array.from(index.firstLane)).toEqual([0, 1, 1, 2]);
    // Tx 2 ran in its shard's second batch; tx 3 in shard 1's first.
    expect(Array.from(index.firstBatch)).toEqual([0, 0, 1, 0]);
    expect(Array.from(index.messaged)).toEqual([0, 0, 0, 1]);
  });

  it("flags re-executions once per unit and lists each transaction's events", () => {
    const bstm = logIndexOf(logOf(BLOCKSTM_ROWS), 2);
    const reExecutions = Array.from(bstm.flags.keys()).filter((i) => bstm.flags[i] & EventFlag.ReExecution);
    // Tx 1 after its abort (row 11) and tx 2 after its suspension (row 19).
    expect(reExecutions).toEqual([11, 19]);
    const ev = bstm.events;
    expect(Array.from(ev.index.subarray(ev.start[0], ev.start[1]))).toEqual([0, 2, 4, 5, 6]);
  });
});
