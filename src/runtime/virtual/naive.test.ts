import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LostUpdate, lostUpdates, supplyDrift } from "../../engine/analysis/unsafe";
import type { RunResult } from "../../engine/run-result";
import { DEFAULT_SCENARIO, type Scenario } from "../../engine/scenario/scenario";
import { stateHash } from "../../engine/state-hash";
import { Ev } from "../../engine/trace/kinds";
import { simulate } from "../simulate";

const TRANSFERS = { transfer: 1, swap: 0, mint: 0, vote: 0, ship: 0 };

/**
 * An independent replay of a naive transfer run from its log alone: a transfer reads both balances when it
 * starts (ExecStart) and, when it ends (ExecEnd) having had the funds, writes sender - amount and
 * receiver + amount over whatever the state holds then. Shares no code with the executor or the contracts.
 */
function replay(r: RunResult): { state: Float64Array; lost: LostUpdate[] } {
  const { block, log } = r;
  const state = Float64Array.from(block.keys.initial);
  const writer = new Map<number, number>();
  const seen = new Map<number, { from: number; to: number; fromBy: number; toBy: number }>();
  const lost: LostUpdate[] = [];
  for (let i = 0; i < log.length; i++) {
    const t = log.tx[i];
    const [from, to, amount] = block.args.subarray(t * 8, t * 8 + 3);
    if (log.kind[i] === Ev.ExecStart) {
      seen.set(t, {
        from: state[from],
        to: state[to],
        fromBy: writer.get(from) ?? -1,
        toBy: writer.get(to) ?? -1,
      });
    } else if (log.kind[i] === Ev.ExecEnd) {
      const s = seen.get(t);
      if (!s || s.from < amount) continue;
      const writes: [number, number, number][] = [
        [from, s.from - amount, s.fromBy],
        [to, (from === to ? s.from - amount : s.to) + amount, s.toBy],
      ];
      for (const [k, v, by] of writes) {
        const last = writer.get(k) ?? -1;
        if (last !== by && !lost.some((x) => x.tx === t && x.key === k))
          lost.push({ tx: t, key: k, overwrote: last });
        state[k] = v;
        writer.set(k, t);
      }
    }
  }
  return { state, lost };
}

const sortLost = (l: LostUpdate[]) => [...l].sort((a, b) => a.tx - b.tx || a.key - b.key);

describe("naive (unsafe): what goes wrong without validation", () => {
  it("its final state, lost updates and supply drift equal an independent replay of its log", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 32 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (accounts, txs, workers, seed) => {
          const s: Scenario = {
            ...DEFAULT_SCENARIO,
            mix: TRANSFERS,
            accounts,
            txs,
            workers,
            seed,
            scheduler: "naive",
          };
          let after = new Float64Array(0);
          const r = simulate(s, { onState: (st) => (after = st.slice()) });
          const { state, lost } = replay(r);
          expect(stateHash(after)).toBe(stateHash(state));
          expect(r.stateHash).toBe(stateHash(state));
          expect(sortLost(lostUpdates(r.log))).toEqual(sortLost(lost));
          const balances = (st: Float64Array) => st.reduce((a, v) => a + v, 0);
          expect(supplyDrift(r.unsafe?.supply ?? { run: {}, sequential: {} })).toEqual([
            { currency: "coins", created: balances(state) - balances(r.block.keys.initial) },
          ]);
          // No lost update, no difference: every divergence from sequential execution is a named loss.
          if (lost.length === 0) expect(r.stateHash).toBe(r.sequentialStateHash);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("one worker runs the block in order: the state of sequential execution, nothing lost", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 2000 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (accounts, seed) => {
          const r = simulate({
            ...DEFAULT_SCENARIO,
            accounts,
            seed,
            txs: 200,
            workers: 1,
            scheduler: "naive",
          });
          expect(r.stateHash).toBe(r.sequentialStateHash);
          expect(lostUpdates(r.log)).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("differs from sequential execution on conflicting blocks, and from one worker count to another", () => {
    for (const accounts of [2, 10, 100]) {
      const s: Scenario = { ...DEFAULT_SCENARIO, accounts, txs: 500, scheduler: "naive" };
      const hashes = new Set<string>();
      for (const workers of [2, 4, 8, 16]) {
        const r = simulate({ ...s, workers });
        expect(r.stateHash, `${accounts} accounts, ${workers} workers`).not.toBe(r.sequentialStateHash);
        expect(lostUpdates(r.log).length).toBeGreaterThan(0);
        hashes.add(r.stateHash);
      }
      expect(hashes.size).toBe(4);
    }
  });

  it("is deterministic on the virtual clock: the same scenario loses the same updates", () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, accounts: 50, txs: 400, workers: 8, scheduler: "naive" };
    const a = simulate(s);
    const b = simulate(s);
    expect(a.stateHash).toBe(b.stateHash);
    expect(lostUpdates(a.log)).toEqual(lostUpdates(b.log));
  });
});
