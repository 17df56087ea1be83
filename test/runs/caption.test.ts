import { describe, expect, it } from "vitest";
import {
  type CaptionRun,
  captionRunOf,
  momentCaption,
  schedulerCaption,
} from "../../src/engine/analysis/caption";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { Ev, MsgKind } from "../../src/engine/trace/kinds";
import { simulate } from "../../src/runtime/simulate";
import { nftMintRight } from "./nft-mint-right";

function captionRun(over: Partial<Scenario>): CaptionRun & { end: number } {
  const r = simulate({ ...DEFAULT_SCENARIO, ...over });
  return { ...captionRunOf(r), end: r.log.time[r.log.length - 1] };
}

/** Time of the first event of `kind` (and tx, if given). */
function timeOf(run: CaptionRun, kind: number, tx = -1): number {
  for (let i = 0; i < run.log.length; i++) {
    if (run.log.kind[i] === kind && (tx < 0 || run.log.tx[i] === tx)) return run.log.time[i];
  }
  throw new Error(`no event of kind ${kind}`);
}

describe("schedulerCaption", () => {
  const base = { shards: 1, crossShard: "receipts", workers: 8 } as const;
  it("says what each scheduler does and which real system works that way", () => {
    expect(schedulerCaption({ ...base, scheduler: "blockstm" })).toMatch(
      /^Block-STM.*Aptos.*8 workers.*aborts/,
    );
    expect(schedulerCaption({ ...base, scheduler: "batched" })).toMatch(
      /^Level batches with a barrier.*declares.*barrier before the next.*Nothing aborts.*Solana's replay stage/,
    );
    expect(schedulerCaption({ ...base, scheduler: "accountlocks" })).toMatch(
      /^Account locks.*as soon as every earlier transaction it conflicts with has finished, with no barrier.*8 workers.*Agave's unified scheduler.*fee priority/,
    );
    expect(schedulerCaption({ ...base, workers: 1, scheduler: "sequential" })).toMatch(
      /one after another.*baseline/,
    );
  });
  it("adds the cross-shard protocol when sharded", () => {
    expect(schedulerCaption({ ...base, shards: 4, scheduler: "blockstm" })).toMatch(
      /8 workers per shard.*4 shards.*receipt.*NEAR/,
    );
    expect(schedulerCaption({ ...base, shards: 4, crossShard: "locks", scheduler: "batched" })).toMatch(
      /^Two-phase commit on keys: the state is split over 4 shards, 8 workers per shard.*as account locks do.*PREPARE.*votes yes, or no.*COMMIT or ABORT releases the keys/,
    );
  });
});

describe("momentCaption on the teaching block (8 txs, 4 workers, Block-STM)", () => {
  const run = captionRun({ source: "mod3mod4", txs: 8, workers: 4, scheduler: "blockstm" });

  it("before any execution starts, says the block is waiting", () => {
    // Workers first take their tasks from the scheduler; that costs time too.
    expect(timeOf(run, Ev.ExecStart)).toBeGreaterThan(0);
    expect(momentCaption(run, 0)).toBe("Nothing has started yet: 8 transactions wait to run.");
  });

  it("when tx 3 starts, looks ahead: its first execution will be thrown away because of tx 0", () => {
    expect(momentCaption(run, timeOf(run, Ev.ExecStart, 3))).toBe(
      "Worker 3 executes tx 3, which reads M[0] before tx 0, earlier in the block, writes it: this incarnation will abort.",
    );
  });

  it("at tx 3's validation, says the read went stale and that tx 3 will abort", () => {
    expect(momentCaption(run, timeOf(run, Ev.ValidateStart, 3))).toBe(
      "Worker 0 validates tx 3, which read M[0] before tx 0, earlier in the block, wrote it, so tx 3 will abort.",
    );
  });

  it("at the abort, names the key and the writer and what happens next", () => {
    expect(momentCaption(run, timeOf(run, Ev.Abort, 6))).toBe(
      "Tx 6 aborts: it read M[0] before tx 4, earlier in the block, wrote it; it will run again as incarnation 2.",
    );
  });

  it("between events, tells the latest moment; after the end, that the block is done", () => {
    // In the first clear gap after tx 6's abort, the caption is that of the latest event before the gap.
    const t = timeOf(run, Ev.Abort, 6);
    let i = 0;
    while (run.log.time[i] <= t || run.log.time[i] - run.log.time[i - 1] < 0.01) i++;
    const latest = run.log.time[i - 1];
    expect(momentCaption(run, (latest + run.log.time[i]) / 2)).toBe(momentCaption(run, latest));
    expect(momentCaption(run, run.end + 1)).toBe("The block is done: all 8 transactions have committed.");
    expect(momentCaption(run, -1)).toBe("Nothing has started yet: 8 transactions wait to run.");
  });
});

describe("momentCaption on other runs", () => {
  it("an aggregator's add: validation finds the total it was checked against has moved, not a stale read", () => {
    const mints = captionRun(nftMintRight());
    expect(momentCaption(mints, timeOf(mints, Ev.ValidateStart, 620))).toMatch(
      /^Worker \d+ validates tx 620, which decided whether its add to minted\[0\] fits the limit from a total that earlier transactions' adds \(the latest by tx 619\) have since moved across it, so tx 620 will abort\.$/,
    );
  });

  it("batched: names the batch and its size", () => {
    const run = captionRun({ source: "mod3mod4", txs: 8, workers: 4, scheduler: "batched" });
    expect(momentCaption(run, 0)).toMatch(/^Batch 1 starts: \d+ transactions? whose declared accesses/);
  });

  it("account locks: at the start a transaction waits behind an earlier one on a key; later its lock is granted", () => {
    const run = captionRun({ source: "mod3mod4", txs: 8, workers: 4, scheduler: "accountlocks" });
    // Tx 4 reads M[1] and writes M[0]: tx 0 wrote M[0], tx 1 wrote M[1]; both queue ahead of it.
    // Every transaction that queues at the start is counted (distinct transactions, not their waits).
    const queued = new Set<number>();
    for (let i = 0; i < run.log.length && run.log.time[i] === 0; i++)
      if (run.log.kind[i] === Ev.LockWait) queued.add(run.log.tx[i]);
    expect(queued.size).toBeGreaterThan(1);
    expect(momentCaption(run, 0)).toMatch(
      new RegExp(
        `^Tx \\d+ waits for the lock on M\\[\\d\\]: tx \\d+, which it conflicts with there, is ahead of it in that key's queue \\(one of ${queued.size} transactions that queue for a lock at this moment\\)\\.$`,
      ),
    );
    const t = timeOf(run, Ev.LockGrant);
    expect(momentCaption(run, t)).toMatch(
      /^Tx \d+ releases M\[\d\]: tx \d+ now holds every lock it declared and is ready to run\.$/,
    );
  });

  it("Block-STM with a hot account: some moment is a wait on an estimate", () => {
    const run = captionRun({ accounts: 2, txs: 200, workers: 8 });
    const t = timeOf(run, Ev.Suspend);
    expect(momentCaption(run, t)).toMatch(
      /stops on worker \d+: it needs balance\[\d+\], which tx \d+ has marked/,
    );
  });

  it("sharded with locks: the two-phase commit messages, legs and lock holds", () => {
    const run = captionRun({ txs: 200, shards: 4, workers: 2, crossShard: "locks", locality: 0.5 });
    expect(momentCaption(run, timeOf(run, Ev.MsgSend))).toMatch(
      /^Shard \d has run its part of tx \d+ and asks shard \d to lock its keys and run its own \(two-phase commit: prepare\)\.$/,
    );
    const vote = run.log.kind.findIndex((k, i) => k === Ev.MsgSend && run.log.other[i] === MsgKind.Vote);
    expect(momentCaption(run, run.log.time[vote])).toMatch(/votes yes to shard \d\.$/);
    const leg = run.log.kind.findIndex((k, i) => k === Ev.ExecStart && run.log.other[i] === 2);
    expect(momentCaption(run, run.log.time[leg])).toMatch(
      /runs tx \d+'s part on its target shard, holding its keys there\.$/,
    );
  });

  it("sharded with receipts: rounds and receipts", () => {
    const run = captionRun({ txs: 200, shards: 4, workers: 2, crossShard: "receipts", locality: 0.5 });
    expect(momentCaption(run, 0)).toMatch(/^Round 1 starts/);
    expect(momentCaption(run, timeOf(run, Ev.MsgSend))).toMatch(/sends a receipt for tx \d+ to shard \d/);
  });

  it("never throws and always says something, at every event time of several runs", () => {
    for (const over of [
      { scheduler: "sequential", txs: 50 },
      {
        scheduler: "blockstm",
        txs: 120,
        accounts: 5,
        mix: { transfer: 1, swap: 1, mint: 1, vote: 1, ship: 1 },
      },
      { scheduler: "batched", txs: 120, shards: 2, workers: 2, crossShard: "receipts", locality: 0.3 },
      { scheduler: "accountlocks", txs: 120, accounts: 8 },
      {
        txs: 120,
        shards: 3,
        workers: 2,
        crossShard: "locks",
        locality: 0.3,
        mix: { transfer: 1, swap: 0, mint: 1, vote: 0, ship: 1 },
      },
    ] satisfies Partial<Scenario>[]) {
      const run = captionRun(over);
      for (let i = 0; i < run.log.length; i++) {
        const text = momentCaption(run, run.log.time[i]);
        expect(text).toMatch(/^[A-Z].*\.$/);
        expect(text).not.toMatch(/undefined|NaN/);
      }
    }
  });
});
