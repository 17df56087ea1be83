import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarioArb } from "../../test/runtime/scenario-arbitrary";
import type { Block } from "../engine/block";
import { DEFAULT_SCENARIO, SAFE_SCHEDULERS, type Scenario } from "../engine/scenario/scenario";
import { Ev } from "../engine/trace/kinds";
import { simulate } from "./simulate";

/** Sum of a named region of the final state. */
function regionSum(block: Block, state: Float64Array, name: string, weight?: (i: number) => number): number {
  const r = block.keys.regions.find((x) => x.name === name);
  if (!r) return 0;
  let sum = 0;
  for (let i = 0; i < r.count; i++) sum += state[r.start + i] * (weight ? weight(i) : 1);
  return sum;
}

// naive is left out on purpose: it differs, and virtual/naive.test.ts checks how.
describe("every safe scheduler equals the sequential oracle", () => {
  for (const scheduler of SAFE_SCHEDULERS) {
    it(`${scheduler}: 500 random scenarios (mixes, skews, sizes, workers, shards, protocols)`, () => {
      fc.assert(
        fc.property(scenarioArb(scheduler), (s) => {
          const r = simulate(s);
          expect(r.stateHash).toBe(r.sequentialStateHash);
          // Every transaction commits exactly once per unit it ran as, in order within its piece.
          let commits = 0;
          for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === Ev.Commit) commits++;
          expect(commits).toBe(r.sequential.units);
        }),
        { numRuns: 500 },
      );
    });
  }
});

describe("supply of every asset is conserved", () => {
  it("under both cross-shard protocols and every scheduler", () => {
    fc.assert(
      fc.property(scenarioArb("blockstm", 300), fc.constantFrom(...SAFE_SCHEDULERS), (s0, scheduler) => {
        const s: Scenario = {
          ...s0,
          source: "synthetic",
          scheduler,
          shards: scheduler === "bal" ? 1 : s0.shards,
        };
        let after: Float64Array = new Float64Array(0);
        const r = simulate(s, { onState: (st) => (after = st) });
        expect(r.stateHash).toBe(r.sequentialStateHash);
        const block = r.block;
        const before = block.keys.initial;
        const x = (st: Float64Array) =>
          regionSum(block, st, "balance") +
          regionSum(block, st, "reserveX") +
          regionSum(block, st, "revenue");
        const y = (st: Float64Array) => regionSum(block, st, "token") + regionSum(block, st, "reserveY");
        expect(x(after)).toBe(x(before));
        expect(y(after)).toBe(y(before));
        expect(regionSum(block, after, "owned")).toBe(regionSum(block, after, "minted"));
        expect(regionSum(block, after, "shipped")).toBe(regionSum(block, after, "hops"));
        const weight = block.keys.regions.find((g) => g.name === "weight");
        const votedWeight = weight ? regionSum(block, after, "voted", (i) => after[weight.start + i]) : 0;
        expect(regionSum(block, after, "tally")).toBe(votedWeight);
      }),
      { numRuns: 150 },
    );
  });
});

describe("determinism", () => {
  it("same scenario gives a byte-identical event log and hash", () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, txs: 2000, accounts: 50, skew: 1, workers: 16 };
    const a = simulate(s);
    const b = simulate(s);
    expect(a.stateHash).toBe(b.stateHash);
    expect(a.log.length).toBe(b.log.length);
    for (const col of ["time", "worker", "kind", "tx", "inc", "key", "other"] as const) {
      expect(Buffer.from(a.log[col].buffer).equals(Buffer.from(b.log[col].buffer))).toBe(true);
    }
  });

  it("different seeds give different blocks", () => {
    const a = simulate({ ...DEFAULT_SCENARIO, seed: 1 });
    const b = simulate({ ...DEFAULT_SCENARIO, seed: 2 });
    expect(Buffer.from(a.block.args.buffer).equals(Buffer.from(b.block.args.buffer))).toBe(false);
    expect(a.stateHash).not.toBe(b.stateHash);
  });
});
