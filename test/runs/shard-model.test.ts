import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../src/engine/analysis/metrics";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { Ev, MsgKind } from "../../src/engine/trace/kinds";
import { simulate } from "../../src/runtime/simulate";
import {
  buildShardModel,
  holdersAt,
  inFlight,
  shardAt,
  votesAt,
} from "../../src/ui/views/shards/shard-model";

const run = (over: Partial<Scenario>) =>
  simulate({
    ...DEFAULT_SCENARIO,
    txs: 240,
    accounts: 80,
    skew: 0.6,
    shards: 3,
    workers: 2,
    locality: 0.5,
    ...over,
  });

describe("buildShardModel", () => {
  for (const crossShard of ["receipts", "locks"] as const) {
    const r = run({ crossShard });
    const m = buildShardModel(r.log, r.lanes, 3);
    const end = r.log.time[r.log.length - 1];

    it(`pairs every ${crossShard} message with its arrival`, () => {
      const msgs = m.messages;
      expect(msgs.count).toBe(computeMetrics(r).crossShardMessages);
      expect(msgs.count).toBeGreaterThan(0);
      for (let i = 0; i < msgs.count; i++) {
        expect(msgs.recv[i]).toBeGreaterThan(msgs.send[i]);
        expect(msgs.recv[i]).toBeLessThanOrEqual(end);
        expect(msgs.src[i]).not.toBe(msgs.dst[i]);
        if (i > 0) expect(msgs.send[i]).toBeGreaterThanOrEqual(msgs.send[i - 1]);
      }
      const kinds = new Set(msgs.kind);
      if (crossShard === "receipts") expect(kinds.has(MsgKind.Receipt)).toBe(true);
      else expect([...kinds].sort()).toEqual([MsgKind.Prepare, MsgKind.Vote, MsgKind.CommitMsg]);
    });

    it(`finds the ${crossShard} messages in flight at any time`, () => {
      const msgs = m.messages;
      for (let k = 0; k <= 40; k++) {
        const t = (end * k) / 40;
        const brute: number[] = [];
        for (let i = 0; i < msgs.count; i++) if (msgs.send[i] <= t && msgs.recv[i] > t) brute.push(i);
        expect(inFlight(msgs, t)).toEqual(brute);
      }
    });

    it(`empties every ${crossShard} queue by the end, each unit committed once`, () => {
      let total = 0;
      for (let s = 0; s < 3; s++) {
        const at = shardAt(m, s, end);
        expect(at.queue).toBe(0);
        expect(at.committed).toBe(at.total);
        total += at.total;
        expect(shardAt(m, s, -1)).toMatchObject({ queue: 0, committed: 0 });
        // Queues only hold what arrived: never negative, never more than the shard's units.
        for (let k = 0; k <= 20; k++) {
          const q = shardAt(m, s, (end * k) / 20).queue;
          expect(q).toBeGreaterThanOrEqual(0);
          expect(q).toBeLessThanOrEqual(at.total);
        }
      }
      expect(total).toBe(r.sequential.units);
    });
  }

  it("knows each shard's round", () => {
    const r = run({ crossShard: "receipts" });
    const m = buildShardModel(r.log, r.lanes, 3);
    const end = r.log.time[r.log.length - 1];
    expect(shardAt(m, 0, 0).round).toBe(0);
    const last = Math.max(...[0, 1, 2].map((s) => shardAt(m, s, end).round));
    expect(last).toBe(r.rounds - 1);
  });
});

describe("two-phase commit in the shard model", () => {
  const r = run({
    crossShard: "locks",
    mix: { transfer: 1, swap: 0, mint: 1, vote: 0, ship: 1 },
    collections: 1,
  });
  const m = buildShardModel(r.log, r.lanes, 3);
  const end = r.log.time[r.log.length - 1];

  it("counts the keys cross-shard transactions hold locked on each shard, none left at the end", () => {
    let most = 0;
    for (let s = 0; s < 3; s++) {
      for (let i = 0; i < m.lockTimes[s].length; i++) {
        expect(m.lockedKeys[s][i]).toBeGreaterThanOrEqual(m.lockingTxs[s][i]);
        expect(m.lockingTxs[s][i]).toBeGreaterThanOrEqual(0);
        most = Math.max(most, m.lockedKeys[s][i]);
      }
      expect(shardAt(m, s, end)).toMatchObject({ lockedKeys: 0, lockingTxs: 0 });
    }
    expect(most).toBeGreaterThan(0);
  });

  it("counts each transaction holding keys once, however many shards it holds them on", () => {
    let twice = 0;
    for (let j = 0; j < r.log.length; j++) {
      const kind = r.log.kind[j];
      if (kind !== Ev.LockHold && kind !== Ev.LockRelease) continue;
      const t = r.log.time[j];
      const sides = new Map<number, number>();
      for (let i = 0; i < r.log.length && r.log.time[i] <= t; i++) {
        const d = r.log.kind[i] === Ev.LockHold ? 1 : r.log.kind[i] === Ev.LockRelease ? -1 : 0;
        if (d !== 0) sides.set(r.log.tx[i], (sides.get(r.log.tx[i]) ?? 0) + d);
      }
      const holding = [...sides.values()].filter((n) => n > 0);
      expect(holdersAt(m, t)).toBe(holding.length);
      twice += holding.filter((n) => n === 2).length;
    }
    // Some transactions do hold keys on two shards at once: summing the shards would count them twice.
    expect(twice).toBeGreaterThan(0);
    expect(holdersAt(m, end)).toBe(0);
  });

  it("counts the votes as they are sent: one per prepared transaction, yes or no", () => {
    let prepares = 0;
    let noes = 0;
    for (let i = 0; i < r.log.length; i++) {
      if (r.log.kind[i] !== Ev.MsgSend) continue;
      if (r.log.other[i] === MsgKind.Prepare) prepares++;
      if (r.log.other[i] === MsgKind.VoteNo) noes++;
    }
    expect(votesAt(m, end)).toEqual({ yes: prepares - noes, no: noes });
    // One collection that sells out: some mints are refused by a no.
    expect(noes).toBeGreaterThan(0);
    expect(votesAt(m, -1)).toEqual({ yes: 0, no: 0 });
  });
});
