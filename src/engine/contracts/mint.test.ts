import { describe, expect, it } from "vitest";
import { argsOf, MapState, runReceipts, runWhole } from "../../../test/engine/contract-harness";
import { Revert } from "./contract";
import { mint } from "./mint";

// Keys: 0 minter balance, 1 minter's owned count, 2 collection counter, 3 collection revenue.
const args = (price: number, cap: number) => argsOf(0, 1, 2, 3, price, cap);
const money = (s: MapState) => s.read(0) + s.read(3);

describe("mint", () => {
  it("mints token ids in order up to the cap, then reverts sold out", () => {
    const s = new MapState(new Map([[0, 1000]]));
    expect(runWhole(mint, s, args(100, 2))).toBe(0);
    expect(runWhole(mint, s, args(100, 2))).toBe(1);
    expect(runWhole(mint, s, args(100, 2))).toBe(Revert.SoldOut);
    expect([s.read(0), s.read(1), s.read(2), s.read(3)]).toEqual([800, 2, 2, 200]);
  });

  it("refunds the price when the receipt finds the collection sold out", () => {
    const s = new MapState(
      new Map([
        [0, 1000],
        [2, 5],
      ]),
    );
    expect(runReceipts(mint, s, args(300, 5))).toBe(Revert.SoldOut);
    expect([s.read(0), s.read(1), s.read(2), s.read(3)]).toEqual([1000, 0, 5, 0]);
  });

  it("with aggregators: adds to the counter and revenue without reading them; token id 0; the same state", () => {
    const agg = argsOf(0, 1, 2, 3, 100, 2, 1);
    const keys: number[] = [];
    mint.access(agg, 0, { add: () => {}, delta: (k) => keys.push(k) });
    expect(keys).toEqual([2, 3]);
    for (const run of [runWhole, runReceipts]) {
      const s = new MapState(new Map([[0, 1000]]));
      const plain = new MapState(new Map([[0, 1000]]));
      expect([0, 1, 2].map(() => run(mint, s, agg))).toEqual([0, 0, Revert.SoldOut]);
      for (let i = 0; i < 3; i++) run(mint, plain, args(100, 2));
      expect(s.values).toEqual(plain.values);
    }
  });

  it("reverts without funds", () => {
    const s = new MapState(new Map([[0, 99]]));
    expect(runReceipts(mint, s, args(100, 10))).toBe(Revert.InsufficientFunds);
    expect(s.read(0)).toBe(99);
  });

  it("conserves money and keeps owned tokens equal to minted ones on every path", () => {
    for (const run of [runWhole, runReceipts]) {
      const s = new MapState(new Map([[0, 1000]]));
      for (let i = 0; i < 8; i++) run(mint, s, args(150, 4));
      expect(money(s)).toBe(1000);
      expect(s.read(1)).toBe(s.read(2));
      expect(s.read(2)).toBe(4);
    }
  });
});
