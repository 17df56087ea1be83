import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACC_TARGET, ACC_WRITE, type Block, GROUPS, type KeySpace } from "../block";
import { ARGS, Revert, readThenAdd, type StateView } from "../contracts/contract";
import { readWrite } from "../contracts/read-write";
import { CONTRACTS } from "../contracts/registry";
import { CONTRACT_KINDS, DEFAULT_SCENARIO, type Mix, type Scenario } from "../scenario/scenario";
import { generateBlock } from "./generate";

const ALL: Mix = { transfer: 1, swap: 1, mint: 1, vote: 1, ship: 1 };
const scenario = (over: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, ...over });

function region(keys: KeySpace, name: string) {
  const r = keys.regions.find((x) => x.name === name);
  if (!r) throw new Error(`no region ${name}`);
  return r;
}
const sumOf = (state: Float64Array, keys: KeySpace, name: string) => {
  const r = region(keys, name);
  return state.subarray(r.start, r.start + r.count).reduce((a, b) => a + b, 0);
};
/** FNV-1a over the bytes of a typed array: a short fingerprint of a whole block. */
function fnv1a(a: ArrayBufferView): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let h = 0x811c9dc5;
  for (const x of bytes) h = Math.imul(h ^ x, 0x01000193);
  return (h >>> 0).toString(16);
}
const txKeys = (b: Block, i: number) => [...b.accKey.subarray(b.accStart[i], b.accStart[i + 1])];

/** Sequential whole-transaction replay in block order; returns the final state and revert codes. */
function replay(b: Block): { state: Float64Array; revert: number[] } {
  const state = b.keys.initial.slice();
  const revert: number[] = [];
  for (let i = 0; i < b.n; i++) {
    const c = CONTRACTS[b.kind[i]];
    const staged = new Map<number, number>();
    const v: StateView = {
      read: (k: number) => staged.get(k) ?? state[k],
      write: (k: number, x: number) => void staged.set(k, x),
      tryAdd: (k, delta, limit) => readThenAdd(v, k, delta, limit),
    };
    const o = i * ARGS;
    const payload = c.debit(v, b.args, o);
    const result = payload < 0 ? payload : c.apply(v, b.args, o, payload);
    if (result >= 0) {
      c.settle(v, b.args, o, payload, result);
      for (const [k, x] of staged) state[k] = x;
    }
    revert.push(Math.min(result, 0));
  }
  return { state, revert };
}

describe("generateBlock", () => {
  it("relies on contract id = position of the kind in CONTRACT_KINDS", () => {
    expect(CONTRACTS.map((c) => c.id)).toEqual(CONTRACTS.map((_, i) => i));
    expect(CONTRACT_KINDS.map((_, i) => CONTRACTS[i].name)).toEqual([...CONTRACT_KINDS]);
  });

  it("is deterministic: the same scenario gives identical arrays", () => {
    const s = scenario({ mix: ALL, skew: 1.1, txs: 3000 });
    const a = generateBlock(s);
    const b = generateBlock(structuredClone(s));
    expect(b).toEqual(a);
  });

  it("different seeds give different blocks", () => {
    const a = generateBlock(scenario({ mix: ALL, seed: 1 }));
    const b = generateBlock(scenario({ mix: ALL, seed: 2 }));
    expect(b.args).not.toEqual(a.args);
    expect(b.keys.initial).not.toEqual(a.keys.initial);
  });

  it("pins the stream: a fixed scenario keeps its exact first transactions", () => {
    const b = generateBlock(scenario({ seed: 42, txs: 3, accounts: 100 }));
    expect([...b.kind]).toEqual([0, 0, 0]);
    // Recorded once; a change here means every shared link now shows a different block.
    expect([0, 1, 2].map((i) => [...b.args.subarray(i * ARGS, i * ARGS + 3)])).toEqual([
      [66, 2, 361],
      [39, 76, 879],
      [89, 25, 125],
    ]);
    const all = generateBlock(scenario({ mix: ALL, skew: 1, txs: 2000 }));
    expect([fnv1a(all.args), fnv1a(all.keys.initial), fnv1a(all.kind)]).toEqual([
      "59e7829",
      "534705cf",
      "2e79d9b7",
    ]);
  });

  it("draws contract kinds by the mix weights, never a kind of weight 0", () => {
    const b = generateBlock(
      scenario({ mix: { transfer: 3, swap: 0, mint: 1, vote: 0, ship: 0 }, txs: 20_000 }),
    );
    const count = (id: number) => b.kind.filter((k) => k === id).length;
    expect(count(0) / b.n).toBeCloseTo(0.75, 1);
    expect(count(2) / b.n).toBeCloseTo(0.25, 1);
    expect(count(0) + count(2)).toBe(b.n);
  });

  it("builds only the regions the mix needs, placed by owner", () => {
    const votes = generateBlock(
      scenario({ mix: { transfer: 0, swap: 0, mint: 0, vote: 1, ship: 0 }, proposals: 3 }),
    );
    expect(votes.keys.regions.map((r) => r.name)).toEqual(["voted", "weight", "tally"]);
    const tally = region(votes.keys, "tally");
    expect(tally.count).toBe(6);
    expect(tally.labels?.[5]).toBe("2:no");
    const all = generateBlock(scenario({ mix: ALL, accounts: 200, pools: 70 }));
    const reserveY = region(all.keys, "reserveY");
    expect(all.keys.group[reserveY.start + 69]).toBe(69 % GROUPS);
    const balance = region(all.keys, "balance");
    expect(all.keys.group[balance.start + 130]).toBe(130 % GROUPS);
    for (let a = 0; a < 200; a++) {
      const bal = all.keys.initial[balance.start + a];
      expect(bal % 1000 === 0 && bal >= 10_000 && bal <= 1_000_000).toBe(true);
    }
  });

  it("locality 1 keeps every transaction's keys in one placement group", () => {
    const b = generateBlock(scenario({ mix: ALL, locality: 1, accounts: 5000, skew: 0.8, txs: 3000 }));
    for (let i = 0; i < b.n; i++) {
      const groups = new Set(txKeys(b, i).map((k) => b.keys.group[k]));
      expect(groups.size).toBe(1);
    }
  });

  it("locality 0 draws counterparties from everywhere", () => {
    const b = generateBlock(scenario({ locality: 0, accounts: 5000, txs: 3000 }));
    let crossing = 0;
    for (let i = 0; i < b.n; i++) {
      const [from, to] = txKeys(b, i);
      if (b.keys.group[from] !== b.keys.group[to]) crossing++;
    }
    expect(crossing / b.n).toBeGreaterThan(0.9);
  });

  it("never makes a transfer to oneself, even with two accounts and full skew", () => {
    const b = generateBlock(scenario({ accounts: 2, skew: 4, txs: 2000 }));
    for (let i = 0; i < b.n; i++) expect(b.args[i * ARGS]).not.toBe(b.args[i * ARGS + 1]);
  });

  it("skewed picks make low account numbers hot", () => {
    const b = generateBlock(scenario({ skew: 1.5, locality: 0, txs: 5000 }));
    const receivedBy0 = b.args.filter((_, j) => j % ARGS === 1).filter((k) => k === 0).length;
    expect(receivedBy0 / b.n).toBeGreaterThan(0.3);
  });

  it("produces real reverts of every kind yet mostly successes, and conserves every asset", () => {
    const b = generateBlock(scenario({ mix: ALL, skew: 1, txs: 10_000, accounts: 1000, items: 300 }));
    const { state, revert } = replay(b);
    // Every kind but Overflow: a tally's limit (the largest safe integer) is out of any block's reach.
    for (const code of Object.values(Revert)) if (code !== Revert.Overflow) expect(revert).toContain(code);
    expect(revert.filter((r) => r === 0).length / b.n).toBeGreaterThan(0.6);
    const k = b.keys;
    const init = k.initial;
    expect(sumOf(state, k, "balance") + sumOf(state, k, "reserveX") + sumOf(state, k, "revenue")).toBe(
      sumOf(init, k, "balance") + sumOf(init, k, "reserveX"),
    );
    expect(sumOf(state, k, "token") + sumOf(state, k, "reserveY")).toBe(
      sumOf(init, k, "token") + sumOf(init, k, "reserveY"),
    );
    expect(sumOf(state, k, "owned")).toBe(sumOf(state, k, "minted"));
    expect(sumOf(state, k, "shipped")).toBe(sumOf(state, k, "hops"));
    const voted = region(k, "voted");
    const weight = region(k, "weight");
    let cast = 0;
    for (let a = 0; a < voted.count; a++) cast += state[voted.start + a] * state[weight.start + a];
    expect(sumOf(state, k, "tally")).toBe(cast);
  });

  it("ships from the current holder nine times in ten", () => {
    const b = generateBlock(
      scenario({ mix: { transfer: 0, swap: 0, mint: 0, vote: 0, ship: 1 }, txs: 5000, skew: 1 }),
    );
    const notHolder = replay(b).revert.filter((r) => r === Revert.NotHolder).length;
    expect(notHolder / b.n).toBeCloseTo(0.1, 1);
  });

  it("a swap alone at the initial reserves always meets its minimum", () => {
    const b = generateBlock(
      scenario({ mix: { transfer: 0, swap: 1, mint: 0, vote: 0, ship: 0 }, pools: 10_000 }),
    );
    const seen = new Set<number>();
    for (let i = 0; i < b.n; i++) {
      const pool = b.args[i * ARGS + 2];
      if (seen.has(pool)) continue;
      seen.add(pool);
      const single: Block = {
        ...b,
        n: 1,
        args: b.args.slice(i * ARGS, (i + 1) * ARGS),
        kind: b.kind.slice(i, i + 1),
      };
      expect(replay(single).revert[0]).not.toBe(Revert.Slippage);
    }
  });

  it("builds the mod 3 / mod 4 teaching block", () => {
    const b = generateBlock(scenario({ source: "mod3mod4", txs: 8, mix: ALL }));
    expect(b.keys.regions).toEqual([{ name: "M", start: 0, count: 4 }]);
    expect([...b.keys.initial]).toEqual([0, 0, 0, 0]);
    expect([...b.kind]).toEqual(new Array(8).fill(readWrite.id));
    expect([...b.gas]).toEqual(new Array(8).fill(readWrite.gas));
    for (let j = 0; j < 8; j++) {
      const keys = txKeys(b, j);
      const flags = [...b.accFlag.subarray(b.accStart[j], b.accStart[j + 1])];
      if (j % 3 === j % 4) {
        expect(keys).toEqual([j % 3]);
        expect(flags).toEqual([ACC_WRITE | ACC_TARGET]);
      } else {
        expect(keys).toEqual([j % 3, j % 4]);
        expect(flags).toEqual([ACC_TARGET, ACC_WRITE | ACC_TARGET]);
      }
    }
    // Worked by hand: M0=1, M1=1, M2=1, M3=M0+1=2, M0=M1+1=2, M1=M2+1=2, M2=M0+1=3, M3=M1+1=3.
    expect([...replay(b).state]).toEqual([2, 2, 3, 3]);
  });

  it("any valid scenario gives a well-formed block", () => {
    const weight = fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true }));
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
          txs: fc.integer({ min: 1, max: 300 }),
          accounts: fc.integer({ min: 2, max: 300 }),
          skew: fc.double({ min: 0, max: 4, noNaN: true }),
          pools: fc.integer({ min: 1, max: 80 }),
          collections: fc.integer({ min: 1, max: 80 }),
          proposals: fc.integer({ min: 1, max: 80 }),
          items: fc.integer({ min: 1, max: 80 }),
          locality: fc.double({ min: 0, max: 1, noNaN: true }),
          mix: fc
            .record({ transfer: weight, swap: weight, mint: weight, vote: weight, ship: weight })
            .filter((m) => CONTRACT_KINDS.some((k) => m[k] > 0)),
        }),
        (over) => {
          const b = generateBlock(scenario(over));
          expect(b.n).toBe(over.txs);
          expect(b.accStart[b.n]).toBe(b.accKey.length);
          expect(b.kind.every((k) => over.mix[CONTRACT_KINDS[k]] > 0)).toBe(true);
          expect(b.accStart.every((x, i) => i === 0 || x > b.accStart[i - 1])).toBe(true);
          expect(b.accKey.every((k) => k >= 0 && k < b.keys.count)).toBe(true);
          expect(b.keys.group.every((g) => g < GROUPS)).toBe(true);
          expect(b.gas.every((g, i) => g === CONTRACTS[b.kind[i]].gas)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
