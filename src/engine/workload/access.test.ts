import { describe, expect, it } from "vitest";
import { ACC_TARGET, ACC_WRITE } from "../block";
import { ARGS } from "../contracts/contract";
import { readWrite } from "../contracts/read-write";
import { swap } from "../contracts/swap";
import { transfer } from "../contracts/transfer";
import { declareAccess } from "./access";

describe("declareAccess", () => {
  it("lists each contract's keys in CSR form with write and side flags", () => {
    const kind = Uint8Array.of(transfer.id, swap.id);
    const args = new Float64Array(2 * ARGS);
    args.set([3, 9, 100], 0);
    args.set([1, 2, 10, 11, 500, 0], ARGS);
    const acc = declareAccess(kind, args, 2);
    expect([...acc.accStart]).toEqual([0, 2, 6]);
    expect([...acc.accKey]).toEqual([3, 9, 1, 2, 10, 11]);
    const W = ACC_WRITE;
    const WT = ACC_WRITE | ACC_TARGET;
    expect([...acc.accFlag]).toEqual([W, WT, W, W, WT, WT]);
  });

  it("merges a key named twice into one entry with both flags", () => {
    const args = new Float64Array(ARGS);
    args.set([2, 2]);
    const acc = declareAccess(Uint8Array.of(readWrite.id), args, 1);
    expect([...acc.accKey]).toEqual([2]);
    expect([...acc.accFlag]).toEqual([ACC_WRITE | ACC_TARGET]);
  });

  it("handles an empty block", () => {
    const acc = declareAccess(new Uint8Array(0), new Float64Array(0), 0);
    expect([...acc.accStart]).toEqual([0]);
    expect(acc.accKey.length).toBe(0);
  });
});
