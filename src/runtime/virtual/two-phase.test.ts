import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarioArb } from "../../../test/runtime/scenario-arbitrary";
import type { Block } from "../../engine/block";
import { ARGS } from "../../engine/contracts/contract";
import { mint } from "../../engine/contracts/mint";
import { transfer } from "../../engine/contracts/transfer";
import { DEFAULT_SCENARIO, type Scenario } from "../../engine/scenario/scenario";
import { Ev, MSG_NAMES } from "../../engine/trace/kinds";
import { declareAccess } from "../../engine/workload/access";
import { simulate } from "../simulate";

// Keys of the hand-made block; key k lives on shard (group k) % 2.
const A_BAL = 0; // minter A's balance, shard 0
const A_OWNED = 1;
const B_BAL = 2; // minter B's balance, shard 0
const B_OWNED = 3;
const COUNTER = 4; // the collection, shard 1
const REVENUE = 5;
const D_BAL = 6; // an unrelated payment on shard 1
const E_BAL = 7;
const GROUP = [0, 0, 2, 2, 1, 1, 3, 5];

/**
 * tx 0: A mints from the collection (cap 1, price 10): home shard 0, target shard 1.
 * tx 1: B mints from it too: the collection is sold out by then, so shard 1 votes no.
 * tx 2: D pays E, both on shard 1: no key of it is locked, so it runs at once.
 */
function block(): Block {
  const kind = Uint8Array.of(mint.id, mint.id, transfer.id);
  const args = new Float64Array(3 * ARGS);
  args.set([A_BAL, A_OWNED, COUNTER, REVENUE, 10, 1], 0);
  args.set([B_BAL, B_OWNED, COUNTER, REVENUE, 10, 1], ARGS);
  args.set([D_BAL, E_BAL, 5], 2 * ARGS);
  const initial = Float64Array.of(100, 0, 100, 0, 0, 0, 50, 0);
  return {
    n: 3,
    kind,
    args,
    gas: Float64Array.of(mint.gas, mint.gas, transfer.gas),
    keys: { count: 8, initial, group: Uint8Array.from(GROUP), regions: [{ name: "k", start: 0, count: 8 }] },
    ...declareAccess(kind, args, 3),
  };
}

/** The hand-made block's scenario: 3 transactions on 2 shards of one worker, with taking a task at `taskUs`. */
function handWorked(taskUs: number): Scenario {
  return {
    ...DEFAULT_SCENARIO,
    txs: 3,
    shards: 2,
    workers: 1,
    crossShard: "locks",
    cost: { ...DEFAULT_SCENARIO.cost, gasPerUs: 8000, taskUs, msgUs: 20 },
  };
}

describe("two-phase commit on keys, worked by hand", () => {
  // 8,000 gas per µs: a mint costs 10 µs (debit 4, apply 5, settle 1), a transfer 2.625 µs; a message 20 µs;
  // taking a task is free; one worker per shard.
  const s = handWorked(0);
  const b = block();
  let state: Float64Array = new Float64Array(0);
  const r = simulate(s, { block: b, onState: (st) => (state = st) });
  const all = (kind: number) =>
    Array.from({ length: r.log.length }, (_, i) => i).filter((i) => r.log.kind[i] === kind);

  it("ends in the state of running the block in order: A minted, B refused and charged nothing", () => {
    expect(r.stateHash).toBe(r.sequentialStateHash);
    expect([
      state[A_BAL],
      state[A_OWNED],
      state[B_BAL],
      state[B_OWNED],
      state[COUNTER],
      state[REVENUE],
    ]).toEqual([90, 1, 100, 0, 1, 10]);
    expect([state[D_BAL], state[E_BAL]]).toEqual([45, 5]);
  });

  it("prepares, votes and decides by message: yes and commit for tx 0, no for tx 1", () => {
    const sent = all(Ev.MsgSend).map((i) => [r.log.time[i], r.log.tx[i], MSG_NAMES[r.log.other[i]]]);
    expect(sent).toEqual([
      [4, 0, "prepare"],
      [8, 1, "prepare"],
      [29, 0, "vote yes"],
      [50, 0, "commit"],
      [76, 1, "vote no"],
    ]);
    const landed = all(Ev.MsgRecv).map((i) => [r.log.time[i], r.log.tx[i], MSG_NAMES[r.log.other[i]]]);
    expect(landed).toEqual([
      [24, 0, "prepare"],
      [28, 1, "prepare"],
      [49, 0, "vote yes"],
      [70, 0, "commit"],
      [96, 1, "vote no"],
    ]);
    expect(r.elapsedUs).toBe(96);
  });

  it("a transaction that touches no locked key runs while the collection is locked", () => {
    const hold = all(Ev.LockHold).find((i) => r.log.tx[i] === 0 && r.log.key[i] === COUNTER);
    const release = all(Ev.LockRelease).find((i) => r.log.tx[i] === 0 && r.log.key[i] === COUNTER);
    if (hold === undefined || release === undefined) throw new Error("tx 0 holds the collection");
    expect([r.log.time[hold], r.log.time[release], r.log.other[hold]]).toEqual([0, 70, 2]);
    const starts = all(Ev.ExecStart).map((i) => [r.log.time[i], r.log.tx[i], r.log.worker[i]]);
    expect(starts).toContainEqual([0, 2, 1]);
  });

  it("a no vote aborts tx 1 and its locks are released; it waited for the collection behind tx 0", () => {
    expect(all(Ev.LockWait).map((i) => [r.log.tx[i], r.log.key[i], r.log.other[i]])).toEqual([
      [1, COUNTER, 0],
    ]);
    expect(all(Ev.LockGrant).map((i) => [r.log.time[i], r.log.tx[i], r.log.other[i]])).toEqual([[70, 1, 0]]);
    // Shard 1 releases as it votes no; shard 0 when the no lands.
    const released = all(Ev.LockRelease)
      .filter((i) => r.log.tx[i] === 1)
      .map((i) => [r.log.time[i], r.log.key[i]]);
    expect(released).toEqual([
      [76, COUNTER],
      [96, B_BAL],
    ]);
    const reverts = all(Ev.Revert).map((i) => [r.log.time[i], r.log.tx[i], r.log.other[i]]);
    expect(reverts).toEqual([[96, 1, -3]]);
    expect(all(Ev.Commit).map((i) => r.log.tx[i])).toEqual([2, 0, 1]);
  });
});

describe("two-phase commit pays for its lock hand-offs", () => {
  // The hand-made block with taking a task at 1 µs: tx 0's FINISH on shard 1 hands the collection to tx 1.
  it("the releasing worker pays one claim per hand-off before it claims again", () => {
    const s = handWorked(1);
    const r = simulate(s, { block: block() });
    const { log } = r;
    const at = (kind: number, tx: number) =>
      Array.from({ length: log.length }, (_, i) => i).filter((i) => log.kind[i] === kind && log.tx[i] === tx);
    const [grant] = at(Ev.LockGrant, 1);
    const applies = at(Ev.ExecStart, 1).filter((i) => log.worker[i] === 1);
    expect(applies).toHaveLength(1);
    // Shard 1's only worker: the hand-off (1 µs), then the claim of tx 1's vote (1 µs), then the apply.
    expect(log.time[applies[0]] - log.time[grant]).toBe(2);
    expect(r.stateHash).toBe(r.sequentialStateHash);
  });
});

describe("two-phase commit on random blocks", () => {
  it("every lock held is released, each cross-shard transaction decides once, and the state is sequential", () => {
    fc.assert(
      fc.property(scenarioArb("blockstm", 200), (s0) => {
        const s: Scenario = { ...s0, shards: Math.max(2, s0.shards), crossShard: "locks" };
        const r = simulate(s);
        expect(r.stateHash).toBe(r.sequentialStateHash);
        const held = new Map<string, number>();
        for (let i = 0; i < r.log.length; i++) {
          const id = `${r.log.tx[i]}:${r.log.key[i]}`;
          if (r.log.kind[i] === Ev.LockHold) held.set(id, (held.get(id) ?? 0) + 1);
          if (r.log.kind[i] === Ev.LockRelease) held.set(id, (held.get(id) ?? 0) - 1);
        }
        for (const n of held.values()) expect(n).toBe(0);
        let commits = 0;
        for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === Ev.Commit) commits++;
        expect(commits).toBe(r.block.n);
      }),
      { numRuns: 150 },
    );
  });
});
