import { describe, expect, it } from "vitest";
import { argsOf, MapState, runReceipts, runWhole } from "../../../test/engine/contract-harness";
import { type AccessSink, type Contract, Revert } from "./contract";
import { ethCall } from "./eth-call";
import { erc20Approve, erc20Transfer, erc20TransferFrom } from "./eth-erc20";
import { ethTransfer } from "./eth-transfer";

// Keys: 0 sender ETH, 1 fee sink, 2 receiver / contract ETH, 10 token storage, 11.. token entries.
const state = (entries: [number, number][]) => new MapState(new Map(entries));
const read = (s: MapState, keys: number[]) => keys.map((k) => s.read(k));

function declared(c: Contract, a: Float64Array): string[] {
  const out: string[] = [];
  const sink: AccessSink = {
    add: (k, w, side) => out.push(`${k}${w ? "w" : "r"}${side}`),
    delta: (k, side) => out.push(`${k}d${side}`),
  };
  c.access(a, 0, sink);
  return out;
}

describe("eth-transfer", () => {
  it("moves the value to the receiver and the fee to the sink, conserving ETH", () => {
    const s = state([[0, 1000]]);
    expect(runWhole(ethTransfer, s, argsOf(0, 1, 30, 2, 600))).toBe(0);
    expect(read(s, [0, 1, 2])).toEqual([370, 30, 600]);
  });

  it("lets the fee recipient send (sender key = sink key)", () => {
    const s = state([[0, 1000]]);
    runWhole(ethTransfer, s, argsOf(0, 0, 30, 2, 600));
    expect(read(s, [0, 2])).toEqual([400, 600]);
  });

  it("reverts without value + fee, writing nothing, whole or by receipt", () => {
    for (const run of [runWhole, runReceipts]) {
      const s = state([[0, 629]]);
      expect(run(ethTransfer, s, argsOf(0, 1, 30, 2, 600))).toBe(Revert.InsufficientFunds);
      expect(read(s, [0, 1, 2])).toEqual([629, 0, 0]);
    }
  });

  it("declares the sender and the sink on the sender side, the receiver on the target side", () => {
    expect(declared(ethTransfer, argsOf(0, 1, 30, 2, 600))).toEqual(["0w0", "1w0", "2w1"]);
  });
});

describe("ERC-20 calls", () => {
  it("transfer moves token balances and pays the fee in ETH", () => {
    const s = state([
      [0, 50],
      [11, 900],
    ]);
    expect(runWhole(erc20Transfer, s, argsOf(0, 1, 50, 10, 11, 12, 700))).toBe(0);
    expect(read(s, [0, 1, 11, 12])).toEqual([0, 50, 200, 700]);
  });

  it("transfer to oneself leaves the balance as it was", () => {
    const s = state([
      [0, 50],
      [11, 900],
    ]);
    runWhole(erc20Transfer, s, argsOf(0, 1, 50, 10, 11, 11, 700));
    expect(s.read(11)).toBe(900);
  });

  it("a failed transfer drops everything whole, but keeps the fee paid by receipt (as on Ethereum)", () => {
    const whole = state([
      [0, 50],
      [11, 10],
    ]);
    expect(runWhole(erc20Transfer, whole, argsOf(0, 1, 50, 10, 11, 12, 700))).toBe(Revert.InsufficientFunds);
    expect(read(whole, [0, 1, 11, 12])).toEqual([50, 0, 10, 0]);
    const receipt = state([
      [0, 50],
      [11, 10],
    ]);
    expect(runReceipts(erc20Transfer, receipt, argsOf(0, 1, 50, 10, 11, 12, 700))).toBe(
      Revert.InsufficientFunds,
    );
    expect(read(receipt, [0, 1, 11, 12])).toEqual([0, 50, 10, 0]);
  });

  it("transferFrom spends the allowance and the owner's balance", () => {
    const s = state([
      [0, 5],
      [11, 1000],
      [12, 800],
    ]);
    expect(runWhole(erc20TransferFrom, s, argsOf(0, 1, 5, 10, 11, 12, 13, 300))).toBe(0);
    expect(read(s, [11, 12, 13])).toEqual([700, 500, 300]);
  });

  it("transferFrom reverts beyond the allowance or the balance", () => {
    const lowAllowance = state([
      [0, 5],
      [11, 299],
      [12, 800],
    ]);
    expect(runWhole(erc20TransferFrom, lowAllowance, argsOf(0, 1, 5, 10, 11, 12, 13, 300))).toBe(
      Revert.InsufficientFunds,
    );
    const lowBalance = state([
      [0, 5],
      [11, 1000],
      [12, 299],
    ]);
    expect(runWhole(erc20TransferFrom, lowBalance, argsOf(0, 1, 5, 10, 11, 12, 13, 300))).toBe(
      Revert.InsufficientFunds,
    );
    expect(read(lowBalance, [11, 12, 13])).toEqual([1000, 299, 0]);
  });

  it("approve sets the allowance, whatever it was", () => {
    const s = state([
      [0, 5],
      [11, 1234],
    ]);
    runWhole(erc20Approve, s, argsOf(0, 1, 5, 10, 11, 77));
    expect(s.read(11)).toBe(77);
  });

  it("each reads the token's storage key and writes only the entries it names", () => {
    expect(declared(erc20Transfer, argsOf(0, 1, 5, 10, 11, 12, 700))).toEqual([
      "0w0",
      "1w0",
      "10r1",
      "11w1",
      "12w1",
    ]);
    expect(declared(erc20TransferFrom, argsOf(0, 1, 5, 10, 11, 12, 13, 300))).toEqual([
      "0w0",
      "1w0",
      "10r1",
      "11w1",
      "12w1",
      "13w1",
    ]);
    expect(declared(erc20Approve, argsOf(0, 1, 5, 10, 11, 77))).toEqual(["0w0", "1w0", "10r1", "11w1"]);
  });
});

describe("eth-call (conservative)", () => {
  it("writes the contract's storage key, reads its token entries, and carries the value", () => {
    expect(declared(ethCall, argsOf(0, 1, 5, 2, 100, 10, 2, 1))).toEqual([
      "0w0",
      "1w0",
      "2w1",
      "10w1",
      "11r1",
      "12r1",
    ]);
    const s = state([[0, 105]]);
    expect(runWhole(ethCall, s, argsOf(0, 1, 5, 2, 100, 10, 2, 1))).toBe(0);
    expect(read(s, [0, 1, 2, 10])).toEqual([0, 5, 100, 1]);
  });

  it("leaves a storage value that depends on the order of the calls", () => {
    const run = (tags: number[]) => {
      const s = state([[0, 1000]]);
      for (const t of tags) runWhole(ethCall, s, argsOf(0, 1, 1, 2, 0, 10, 0, t));
      return s.read(10);
    };
    expect(run([1, 2, 3])).toBe(((1 * 31 + 2) * 31 + 3) % 1_000_000_007);
    expect(run([1, 2, 3])).not.toBe(run([2, 1, 3]));
  });
});
