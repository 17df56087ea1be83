import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarioArb } from "../../../test/runtime/scenario-arbitrary";
import { runNames } from "../../engine/analysis/explain";
import { listLesson, listSize } from "../../engine/analysis/list-size";
import { computeMetrics } from "../../engine/analysis/metrics";
import type { AccessList } from "../../engine/block";
import { DEFAULT_SCENARIO, type Scenario } from "../../engine/scenario/scenario";
import type { Tamper } from "../../engine/schedulers/bal/tamper";
import { stateHash } from "../../engine/state-hash";
import { Ev } from "../../engine/trace/kinds";
import { simulate } from "../simulate";

/** Every way to make one entry of the list wrong: each read dropped, each write dropped or changed, a read added. */
function everyTamper(list: AccessList, tx: number, unread: number): Tamper[] {
  const out: Tamper[] = [];
  for (let i = list.readStart[tx]; i < list.readStart[tx + 1]; i++)
    out.push({ tx, key: list.readKey[i], kind: "drop-read" });
  for (let i = list.writeStart[tx]; i < list.writeStart[tx + 1]; i++) {
    out.push({ tx, key: list.writeKey[i], kind: "drop-write" });
    out.push({ tx, key: list.writeKey[i], kind: "value" });
  }
  out.push({ tx, key: unread, kind: "extra-read" });
  return out;
}

describe("block access lists (bal)", () => {
  it("every transaction runs once, checks out against its entry, and the state equals the oracle's", () => {
    fc.assert(
      fc.property(scenarioArb("bal", 300), (s) => {
        const r = simulate(s);
        expect(r.stateHash).toBe(r.sequentialStateHash);
        const count = (k: number) => r.log.kind.filter((x) => x === k).length;
        expect(count(Ev.ExecStart)).toBe(r.block.n);
        expect(count(Ev.Commit)).toBe(r.block.n);
        expect(count(Ev.ListMismatch)).toBe(0);
        expect(count(Ev.Abort) + count(Ev.Suspend)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it("catches every wrong entry: the run names the transaction and key, and the block changes nothing", () => {
    fc.assert(
      fc.property(scenarioArb("bal", 40), fc.nat(), (s, pick) => {
        const honest = simulate(s);
        const list = honest.block.accessList;
        if (!list) throw new Error("bal ran without a list");
        const tx = pick % list.n;
        // A key the transaction does not read (there is always one: the block has more keys than a tx reads).
        const read = new Set(list.readKey.subarray(list.readStart[tx], list.readStart[tx + 1]));
        let unread = 0;
        while (read.has(unread)) unread++;
        for (const tamper of everyTamper(list, tx, unread)) {
          const r = simulate(s, { tamper });
          const named = [];
          for (let i = 0; i < r.log.length; i++)
            if (r.log.kind[i] === Ev.ListMismatch) named.push([r.log.tx[i], r.log.key[i]]);
          expect(named, `${tamper.kind} ${tamper.key}`).toContainEqual([tx, tamper.key]);
          expect(r.stateHash).toBe(stateHash(r.block.keys.initial));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("lists aggregator deltas as the amounts added; a changed amount is caught like a changed value", () => {
    const s: Scenario = {
      ...DEFAULT_SCENARIO,
      txs: 50,
      mix: { transfer: 0, swap: 0, mint: 1, vote: 0, ship: 0 },
      collections: 1,
      accounts: 10_000,
      aggregators: true,
      scheduler: "bal",
    };
    const run = simulate(s);
    const list = run.block.accessList;
    if (!list) throw new Error("a bal run carries its list");
    const size = listSize(list);
    // Each successful mint adds to the counter and to the revenue: two deltas, the counter's of 1.
    const minted = run.sequential.revert.filter((r) => r === 0).length;
    expect(size.deltas).toBe(2 * minted);
    const counter = run.block.args[2];
    for (let i = 0; i < list.writeKey.length; i++)
      if (list.writeKey[i] === counter) expect([list.writeVal[i], list.writeDelta[i]]).toEqual([1, 1]);
    expect(listLesson(run, runNames(run))[0]).toContain(
      `(${size.deltas} of them aggregator deltas, recorded as the amount added; the others with their post-values)`,
    );
    const bad = simulate(s, { tamper: { tx: 0, key: counter, kind: "value" } });
    expect(bad.log.kind.filter((k) => k === Ev.ListMismatch)).toHaveLength(1);
    expect(bad.stateHash).not.toBe(bad.sequentialStateHash);
  });

  it("runs the 2-account block in parallel, where Block-STM cannot", () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, accounts: 2, workers: 8 };
    const bal = computeMetrics(simulate({ ...s, scheduler: "bal" }));
    const stm = computeMetrics(simulate({ ...s, scheduler: "blockstm" }));
    expect(stm.speedup).toBeLessThan(1.5);
    expect(bal.speedup).toBeGreaterThan(6);
    expect(bal.bound).toBe("longest-transaction");
  });
});
