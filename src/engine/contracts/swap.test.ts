import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { argsOf, MapState, runReceipts, runWhole } from "../../../test/engine/contract-harness";
import { Revert } from "./contract";
import { swap } from "./swap";

// Keys: 0 trader's asset X, 1 trader's asset Y, 2 pool reserve X, 3 pool reserve Y.
const pool = (traderX: number, x: number, y: number) =>
  new MapState(
    new Map([
      [0, traderX],
      [1, 0],
      [2, x],
      [3, y],
    ]),
  );
const expectedOut = (x: number, y: number, amountIn: number) =>
  Math.floor((y * amountIn * 997) / (x * 1000 + amountIn * 997));

describe("swap", () => {
  it("pays the constant-product output with the 0.3% fee and moves the reserves", () => {
    const s = pool(1000, 1_000_000, 2_000_000);
    const out = runWhole(swap, s, argsOf(0, 1, 2, 3, 1000, 0));
    expect(out).toBe(expectedOut(1_000_000, 2_000_000, 1000));
    expect(out).toBe(1992);
    expect([s.read(0), s.read(1), s.read(2), s.read(3)]).toEqual([0, 1992, 1_001_000, 2_000_000 - 1992]);
  });

  it("keeps x * y from falling (the fee stays in the pool)", () => {
    const s = pool(50_000, 10_000_000, 10_000_000);
    runWhole(swap, s, argsOf(0, 1, 2, 3, 50_000, 0));
    expect(s.read(2) * s.read(3)).toBeGreaterThanOrEqual(10_000_000 * 10_000_000);
  });

  it("reverts on slippage without writing, whole or by receipt (then refunds)", () => {
    const whole = pool(1000, 1_000_000, 2_000_000);
    expect(runWhole(swap, whole, argsOf(0, 1, 2, 3, 1000, 1993))).toBe(Revert.Slippage);
    expect(whole.read(0)).toBe(1000);
    const receipt = pool(1000, 1_000_000, 2_000_000);
    expect(runReceipts(swap, receipt, argsOf(0, 1, 2, 3, 1000, 1993))).toBe(Revert.Slippage);
    expect([receipt.read(0), receipt.read(1), receipt.read(2), receipt.read(3)]).toEqual([
      1000, 0, 1_000_000, 2_000_000,
    ]);
  });

  it("reverts without funds", () => {
    const s = pool(999, 1_000_000, 2_000_000);
    expect(runReceipts(swap, s, argsOf(0, 1, 2, 3, 1000, 0))).toBe(Revert.InsufficientFunds);
    expect(s.read(0)).toBe(999);
  });

  it("is exact beyond 2^53 intermediate products", () => {
    const x = 3_000_000_000_000;
    const y = 7_000_000_000_001;
    const s = pool(123_456_789, x, y);
    const out = runWhole(swap, s, argsOf(0, 1, 2, 3, 123_456_789, 0));
    const exact = (BigInt(y) * 123_456_789n * 997n) / (BigInt(x) * 1000n + 123_456_789n * 997n);
    expect(out).toBe(Number(exact));
  });

  it("conserves both assets on every path", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.boolean(),
        (bal, x, y, amountIn, minOut, receipts) => {
          const s = pool(bal, x, y);
          (receipts ? runReceipts : runWhole)(swap, s, argsOf(0, 1, 2, 3, amountIn, minOut));
          expect(s.read(0) + s.read(2)).toBe(bal + x);
          expect(s.read(1) + s.read(3)).toBe(y);
          expect(s.read(3)).toBeGreaterThan(0);
        },
      ),
    );
  });
});
