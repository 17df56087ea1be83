import { describe, expect, it } from "vitest";
import { argsOf, MapState, runReceipts, runWhole } from "../../../test/engine/contract-harness";
import { Revert } from "./contract";
import { vote } from "./vote";

// Keys: 0 has-voted flag, 1 weight, 2 tally.
const args = argsOf(0, 1, 2);

describe("vote", () => {
  it("adds the voter's weight once, then reverts already voted", () => {
    for (const run of [runWhole, runReceipts]) {
      const s = new MapState(new Map([[1, 37]]));
      expect(run(vote, s, args)).toBe(0);
      expect(run(vote, s, args)).toBe(Revert.AlreadyVoted);
      expect([s.read(0), s.read(1), s.read(2)]).toEqual([1, 37, 37]);
    }
  });

  it("a refunding settle clears the flag so the voter may vote again", () => {
    const s = new MapState(new Map([[1, 5]]));
    const payload = vote.debit(s, args, 0);
    expect(payload).toBe(5);
    vote.settle(s, args, 0, payload, Revert.AlreadyVoted);
    expect(s.read(0)).toBe(0);
    expect(runReceipts(vote, s, args)).toBe(0);
    expect(s.read(2)).toBe(5);
  });

  it("with aggregators: adds the weight to the tally without reading it, up to the largest safe integer", () => {
    const agg = argsOf(0, 1, 2, 1);
    const s = new MapState(new Map([[1, 37]]));
    expect(runWhole(vote, s, agg)).toBe(0);
    expect(s.read(2)).toBe(37);
    const full = new MapState(
      new Map([
        [1, 37],
        [2, Number.MAX_SAFE_INTEGER - 10],
      ]),
    );
    expect(runWhole(vote, full, agg)).toBe(Revert.Overflow);
    expect(full.read(0)).toBe(0);
  });
});
