import { describe, expect, it } from "vitest";
import { ARGS } from "../../src/engine/contracts/contract";
import { CONTRACTS } from "../../src/engine/contracts/registry";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { ticks } from "../../src/engine/schedulers/unit-cost";
import { simulate } from "../../src/runtime/simulate";
import { keyArguments, txDetails } from "../../src/ui/views/inspector/tx-details";

const run = (over: Partial<Scenario>) => simulate({ ...DEFAULT_SCENARIO, ...over });

describe("keyArguments", () => {
  it("finds the key arguments of every contract kind from its declared access", () => {
    const byName = Object.fromEntries(CONTRACTS.map((c) => [c.name, c]));
    const args = Float64Array.from({ length: ARGS }, (_, i) => 10 + i);
    expect(keyArguments(byName.transfer, args, 0)).toEqual([true, true, false]);
    expect(keyArguments(byName.readWrite, args, 0)).toEqual([true, true]);
    expect(keyArguments(byName.ship, args, 0)).toEqual([true, true, false, false, true]);
    expect(keyArguments(byName.vote, args, 0)).toEqual([true, true, true, false]);
    // With the aggregators argument on, the counter and revenue are still keys (added to, not read).
    const agg = Float64Array.from(args, (x, i) => (i === 6 ? 1 : x));
    expect(keyArguments(byName.mint, agg, 0)).toEqual([true, true, true, true, false, false, false]);
  });
});

describe("txDetails on the teaching block (8 txs, 4 workers, Block-STM)", () => {
  const r = run({ source: "mod3mod4", txs: 8, workers: 4, scheduler: "blockstm" });

  it("names the contract and its arguments, keys by name", () => {
    const d = txDetails(r, 6);
    expect(d.name).toBe("tx 6");
    expect(d.contract).toBe("readWrite");
    expect(d.args).toEqual([
      { name: "read", value: "M[0]", isKey: true },
      { name: "write", value: "M[2]", isKey: true },
    ]);
    expect(d.declared).toEqual([
      { key: "M[0]", write: false },
      { key: "M[2]", write: true },
    ]);
    expect(d.shards).toBeNull();
  });

  it("gives the version each read of the serial order saw, with its final incarnation", () => {
    // tx 6 reads M[0], last written by tx 4 (j mod 4 = 0), which committed in its first incarnation.
    expect(txDetails(r, 6).legs).toEqual([
      {
        phase: "whole transaction",
        reads: [{ key: "M[0]", from: "tx 4, incarnation 1" }],
        writes: ["M[2]"],
        revert: null,
      },
    ]);
    // tx 7 reads M[1], written by tx 5.
    expect(txDetails(r, 7).legs[0].reads).toEqual([{ key: "M[1]", from: "tx 5, incarnation 1" }]);
    // tx 0 reads M[0] from the initial state.
    expect(txDetails(r, 0).legs[0].reads).toEqual([{ key: "M[0]", from: "the initial state" }]);
  });

  it("lists every execution with its lane, times and outcome, and why the aborted one aborted", () => {
    const ex = txDetails(r, 3).executions;
    expect(ex.map((e) => [e.incarnation, e.lane, e.outcome])).toEqual([
      [1, 3, "aborted"],
      // Worker 0's validation aborts it and hands it straight back to worker 0.
      [2, 0, "committed"],
    ]);
    expect(ex[0].note).toBe("read M[0] before tx 0, earlier in the block, wrote it");
    // Worker 3 first took tx 0's validation slot (not ready: nothing) and then tx 3: two claims.
    expect(ex[0].start).toBe(2 * ticks(DEFAULT_SCENARIO.cost.taskUs));
    expect(ex[0].end).toBeGreaterThan(0);
    expect(ex[0].validations).toBe(1);
    expect(txDetails(r, 6).executions[0].note).toBe("read M[0] before tx 4, earlier in the block, wrote it");
  });
});

describe("txDetails on other runs", () => {
  it("a hot account: some execution waited on an estimate and says for whom", () => {
    const r = run({ accounts: 2, txs: 200, workers: 8 });
    const waited = Array.from({ length: 200 }, (_, tx) => txDetails(r, tx))
      .flatMap((d) => d.executions)
      .find((e) => e.outcome === "waited");
    expect(waited?.note).toMatch(/^stopped at balance\[\d\], an estimate left by tx \d+, and waited for it$/);
  });

  it("sharded receipts: a cross-shard transaction has legs, messages and home/target shards", () => {
    const r = run({ txs: 200, shards: 4, workers: 2, crossShard: "receipts", locality: 0.2 });
    const cross = Array.from({ length: 200 }, (_, tx) => txDetails(r, tx)).find(
      (d) => d.shards && d.shards.home !== d.shards.target && d.legs.length >= 2,
    );
    expect(cross).toBeDefined();
    if (!cross) return;
    expect(cross.legs.map((l) => l.phase).slice(0, 2)).toEqual(["debit leg", "apply leg"]);
    expect(cross.legs[1].reads.length).toBeGreaterThan(0);
    expect(cross.executions.map((e) => e.leg).slice(0, 1)).toEqual(["debit leg"]);
    expect(
      cross.executions.every(
        (e) =>
          e.outcome === "committed" ||
          e.outcome === "reverted" ||
          e.outcome === "aborted" ||
          e.outcome === "waited",
      ),
    ).toBe(true);
    expect(cross.messages[0].text).toBe(`sent receipt to shard ${cross.shards?.target}`);
  });

  it("a revert is named by its reason", () => {
    const r = run({
      txs: 300,
      accounts: 50,
      mix: { transfer: 0, swap: 0, mint: 1, vote: 1, ship: 1 },
      workers: 4,
    });
    const reverted = Array.from({ length: 300 }, (_, tx) => txDetails(r, tx)).find((d) => d.legs[0].revert);
    expect(reverted).toBeDefined();
    const last = reverted?.executions.at(-1);
    expect(last?.outcome).toBe("reverted");
    expect(last?.note).toContain(reverted?.legs[0].revert ?? "?");
  });
});
