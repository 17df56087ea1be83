import { describe, expect, it } from "vitest";
import { argsOf, MapState, runReceipts, runWhole } from "../../../test/engine/contract-harness";
import { Revert } from "./contract";
import { ship } from "./ship";

// Keys: 0 sender's shipped count, 1 item holder, 2 item hops. Accounts 7 and 9.
const args = (from: number, to: number) => argsOf(0, 1, from, to, 2);

describe("ship", () => {
  it("moves custody from the holder and counts the hop", () => {
    const s = new MapState(new Map([[1, 7]]));
    expect(runWhole(ship, s, args(7, 9))).toBe(0);
    expect([s.read(0), s.read(1), s.read(2)]).toEqual([1, 9, 1]);
  });

  it("reverts when the sender is not the holder, whole or by receipt (then refunds)", () => {
    for (const run of [runWhole, runReceipts]) {
      const s = new MapState(new Map([[1, 9]]));
      expect(run(ship, s, args(7, 3))).toBe(Revert.NotHolder);
      expect([s.read(0), s.read(1), s.read(2)]).toEqual([0, 9, 0]);
    }
  });

  it("keeps shipments sent equal to hops made", () => {
    const s = new MapState(new Map([[1, 7]]));
    for (const [from, to] of [
      [7, 9],
      [7, 9],
      [9, 7],
      [9, 7],
    ])
      runReceipts(ship, s, args(from, to));
    expect(s.read(0)).toBe(s.read(2));
    expect(s.read(2)).toBe(2);
  });
});
