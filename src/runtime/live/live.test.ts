import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { abortAfterCommit } from "../../../test/engine/log-checks";
import { referenceBlockOrder, referenceReceipts } from "../../../test/engine/reference";
import { costArb, scenarioArb } from "../../../test/runtime/scenario-arbitrary";
import { listCheck } from "../../engine/analysis/list-check";
import { lostUpdates } from "../../engine/analysis/unsafe";
import { DEFAULT_SCENARIO, SAFE_SCHEDULERS, type Scenario } from "../../engine/scenario/scenario";
import { stateHash } from "../../engine/state-hash";
import { Ev } from "../../engine/trace/kinds";
import { simulate } from "../simulate";
import { createNodePool } from "./node-pool";
import { runOnPool } from "./run-live";

// Real worker_threads on one SharedArrayBuffer; up to 4 threads even on a 2-core machine (races need not
// have a core each to happen). One pool for the whole file, as the app keeps one.
const pool = createNodePool(4);
afterAll(() => pool.close());

/** A live run must reproduce the sequential oracle exactly, whatever the interleaving was. */
async function expectOracleState(s: Scenario, workers: number): Promise<void> {
  const r = await runOnPool(pool, s, { workers });
  expect(r.mode).toBe("live");
  expect(r.stateHash).toBe(r.sequentialStateHash);
  expect(r.stateHash).toBe(simulate(s).sequentialStateHash);
  expect(r.elapsedUs).toBeGreaterThan(0);
  expect(r.sequentialUs).toBeGreaterThan(0);
  let commits = 0;
  for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === Ev.Commit) commits++;
  expect(commits).toBe(r.sequential.units);
  expect(r.live.droppedEvents).toBe(0);
}

describe("live runs on worker threads equal the sequential oracle", () => {
  // naive is unsafe on purpose: its live runs race for real (checked below), so it has no oracle state.
  for (const scheduler of SAFE_SCHEDULERS) {
    it(`${scheduler}: random blocks, sharded or not, 2 to 4 threads`, async () => {
      const arb = fc.tuple(scenarioArb(scheduler, 200), fc.integer({ min: 2, max: 4 }));
      await fc.assert(
        fc.asyncProperty(arb, async ([s0, workers]) => {
          // Each shard needs its own threads in a live run.
          const s = { ...s0, shards: Math.min(s0.shards, workers) };
          await expectOracleState(s, workers);
        }),
        { numRuns: 70 },
      );
    });
  }

  it("naive (unsafe) runs for real too: every transaction ends once, its losses named, its supply checked", async () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, txs: 300, accounts: 2, scheduler: "naive" };
    const r = await runOnPool(pool, s, { workers: 4 });
    let ends = 0;
    for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === Ev.ExecEnd) ends++;
    expect(ends).toBe(300);
    // The real interleaving varies from run to run; what it lost is named in the log all the same.
    for (const l of lostUpdates(r.log)) expect(l.key === 0 || l.key === 1).toBe(true);
    expect(r.unsafe?.supply.sequential.coins).toBe(simulate(s).unsafe?.supply.sequential.coins);
  });

  it("bal with its list corrupted runs for real too: the same entry caught, the block rejected whole", async () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, txs: 300, accounts: 20, scheduler: "bal", corruptList: true };
    const r = await runOnPool(pool, s, { workers: 3 });
    const virtual = simulate(s);
    expect(r.listTamper).toEqual(virtual.listTamper);
    // Which transactions disagree is the list's doing, not the interleaving's: the same as on the virtual clock.
    expect(listCheck(r)).toMatchObject({ tamper: virtual.listTamper, txs: listCheck(virtual).txs });
    expect(listCheck(r).caught).toBeGreaterThanOrEqual(0);
    expect(r.stateHash).toBe(stateHash(r.block.keys.initial));
    expect(r.sequentialStateHash).toBe(virtual.sequentialStateHash);
  });

  it("the hottest block (2 accounts) 100 times, Block-STM, account locks and level batches", async () => {
    const schedulers = ["blockstm", "accountlocks", "batched"] as const;
    for (let i = 0; i < 100; i++) {
      const s: Scenario = {
        ...DEFAULT_SCENARIO,
        seed: i,
        txs: 300,
        accounts: 2,
        scheduler: schedulers[i % 3],
      };
      await expectOracleState(s, 2 + (i % 3));
    }
  });
});

describe("live runs under random cost models", () => {
  it("every safe scheduler: the state equals the independent reference, and no abort follows a commit", async () => {
    const arb = fc.tuple(
      fc.constantFrom(...SAFE_SCHEDULERS).chain((scheduler) => scenarioArb(scheduler, 150)),
      costArb(),
      fc.integer({ min: 2, max: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ([s0, cost, workers]) => {
        // Each shard needs its own threads; real work per gas at most the calibrated 1, to stay quick.
        const s: Scenario = {
          ...s0,
          shards: Math.min(s0.shards, workers),
          cost: { ...cost, work: Math.min(cost.work, 1) },
        };
        const r = await runOnPool(pool, s, { workers });
        const want =
          s.shards > 1 && s.crossShard === "receipts"
            ? referenceReceipts(r.block, s.shards)
            : referenceBlockOrder(r.block);
        expect(r.stateHash).toBe(stateHash(want));
        if (s.shards === 1 || s.crossShard === "locks") expect(abortAfterCommit(r.log)).toBeNull();
      }),
      { numRuns: 25 },
    );
  });
});
