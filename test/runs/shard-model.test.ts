import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../src/engine/analysis/metrics";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { MsgKind } from "../../src/engine/trace/kinds";
import { simulate } from "../../src/runtime/simulate";
import { buildShardModel, inFlight, shardAt } from "../../src/ui/views/shards/shard-model";

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
