import { afterEach, describe, expect, it, vi } from "vitest";
import {
  abortFacts,
  abortReason,
  explainAbort,
  type Names,
  runNames,
  txEvents,
} from "../../src/engine/analysis/explain";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { MVMemory } from "../../src/engine/schedulers/blockstm/mvmemory";
import { EventLog } from "../../src/engine/trace/eventlog";
import { Ev } from "../../src/engine/trace/kinds";
import { simulate } from "../../src/runtime/simulate";
import { nftMintRight } from "./nft-mint-right";

const names: Names = { tx: (t) => `tx ${t}`, key: (k) => `balance[${k}]` };

/** A log from hand-written events: [time, worker, kind, tx, inc, key, other]. */
function logOf(events: readonly (readonly [number, number, number, number, number, number, number])[]) {
  const log = new EventLog();
  for (const [time, worker, kind, tx, inc, key, other] of events) {
    log.emit(time, worker, kind as (typeof Ev)[keyof typeof Ev], tx, inc, key, other);
  }
  return log.freeze();
}

const lastAbort = (log: ReturnType<typeof logOf>): number => {
  for (let i = log.length - 1; i >= 0; i--) if (log.kind[i] === Ev.Abort) return i;
  return -1;
};

describe("txEvents", () => {
  it("lists each transaction's events in log order and skips events without one", () => {
    const log = logOf([
      [0, 0, Ev.RoundStart, -1, 0, -1, 0],
      [0, 0, Ev.ExecStart, 1, 0, -1, -1],
      [0, 1, Ev.ExecStart, 0, 0, -1, -1],
      [1, 0, Ev.ExecEnd, 1, 0, -1, 1],
      [1, 1, Ev.ExecEnd, 0, 0, -1, 1],
    ]);
    const ev = txEvents(log);
    expect(Array.from(ev.start)).toEqual([0, 2, 4]);
    expect(Array.from(ev.index)).toEqual([2, 4, 1, 3]);
    expect(txEvents(log)).toBe(ev);
  });
});

describe("abortFacts on the j mod 3 / j mod 4 teaching block", () => {
  const run = simulate({
    ...DEFAULT_SCENARIO,
    source: "mod3mod4",
    txs: 8,
    workers: 4,
    scheduler: "blockstm",
  });
  const aborts: number[] = [];
  for (let i = 0; i < run.log.length; i++) if (run.log.kind[i] === Ev.Abort) aborts.push(i);

  it("tx 3 read M[0] before tx 0 wrote it; tx 6 read M[0] before tx 4 wrote it", () => {
    expect(aborts.map((i) => abortFacts(run.log, i)?.cause)).toEqual([
      { kind: "wrote-after", writer: 0, again: false },
      { kind: "wrote-after", writer: 4, again: false },
    ]);
    const n = runNames(run);
    expect(aborts.map((i) => explainAbort(run.log, i, n))).toEqual([
      "read M[0] before tx 0, earlier in the block, wrote it",
      "read M[0] before tx 4, earlier in the block, wrote it",
    ]);
  });

  it("is null (and the sentence empty) for an event that is not an abort", () => {
    expect(abortFacts(run.log, 0)).toBeNull();
    expect(abortFacts(run.log, -1)).toBeNull();
    expect(explainAbort(run.log, run.log.length, runNames(run))).toBe("");
  });
});

describe("abortFacts on hand-made logs (tx 2 reads balance[7]; tx 1 writes it)", () => {
  it("rewrote: tx 2 read tx 1's value, tx 1 re-executed and wrote the same keys again", () => {
    const log = logOf([
      [0, 0, Ev.ExecStart, 1, 0, -1, -1],
      [1, 0, Ev.ExecEnd, 1, 0, -1, 1],
      [2, 1, Ev.ExecStart, 2, 0, -1, -1],
      [3, 1, Ev.ExecEnd, 2, 0, -1, 1],
      [3, 0, Ev.Abort, 1, 0, 3, 0],
      [4, 0, Ev.ExecStart, 1, 1, -1, -1],
      [5, 0, Ev.ExecEnd, 1, 1, -1, 0],
      [6, 1, Ev.ValidateEnd, 2, 0, -1, 0],
      [6, 1, Ev.Abort, 2, 0, 7, 1],
    ]);
    const f = abortFacts(log, lastAbort(log));
    expect(f?.cause).toEqual({ kind: "rewrote", writer: 1 });
    expect(f && abortReason(f, names)).toBe(
      "read balance[7] written by tx 1, which re-executed and wrote a new value",
    );
    expect(f && abortReason(f, names, "future")).toBe(
      "reads balance[7] written by tx 1, which will re-execute and write a new value",
    );
  });

  it("wrote-after again: the re-execution wrote a key new to it, maybe this one", () => {
    const log = logOf([
      [0, 0, Ev.ExecStart, 1, 0, -1, -1],
      [1, 0, Ev.ExecEnd, 1, 0, -1, 1],
      [2, 1, Ev.ExecStart, 2, 0, -1, -1],
      [3, 0, Ev.Abort, 1, 0, 3, 0],
      [4, 0, Ev.ExecStart, 1, 1, -1, -1],
      [5, 0, Ev.ExecEnd, 1, 1, -1, 1],
      [6, 1, Ev.Abort, 2, 0, 7, 1],
    ]);
    const f = abortFacts(log, lastAbort(log));
    expect(f?.cause).toEqual({ kind: "wrote-after", writer: 1, again: true });
    expect(f && abortReason(f, names)).toBe("read balance[7] before tx 1 re-executed and wrote it");
  });

  it("writer-aborted: tx 1's value was read, then tx 1 aborted and has not re-executed", () => {
    const log = logOf([
      [0, 0, Ev.ExecStart, 1, 0, -1, -1],
      [1, 0, Ev.ExecEnd, 1, 0, -1, 1],
      [2, 1, Ev.ExecStart, 2, 0, -1, -1],
      [3, 0, Ev.Abort, 1, 0, 3, 0],
      [4, 1, Ev.Abort, 2, 0, 7, 1],
    ]);
    const f = abortFacts(log, lastAbort(log));
    expect(f?.cause).toEqual({ kind: "writer-aborted", writer: 1 });
    expect(f && abortReason(f, names)).toBe("read balance[7] written by tx 1, which then aborted");
  });

  it("writer aborted after writing past the read: the write came after the read", () => {
    const log = logOf([
      [0, 1, Ev.ExecStart, 2, 0, -1, -1],
      [1, 0, Ev.ExecStart, 1, 0, -1, -1],
      [2, 0, Ev.ExecEnd, 1, 0, -1, 1],
      [3, 0, Ev.Abort, 1, 0, 3, 0],
      [4, 1, Ev.Abort, 2, 0, 7, 1],
    ]);
    expect(abortFacts(log, lastAbort(log))?.cause).toEqual({ kind: "wrote-after", writer: 1, again: false });
  });

  it("withdrawn: the entry there now was there before the read, or the key falls back to storage", () => {
    const log = logOf([
      [0, 0, Ev.ExecStart, 1, 0, -1, -1],
      [1, 0, Ev.ExecEnd, 1, 0, -1, 1],
      [2, 1, Ev.ExecStart, 2, 0, -1, -1],
      [4, 1, Ev.Abort, 2, 0, 7, 1],
      [5, 1, Ev.ExecStart, 2, 1, -1, -1],
      [6, 1, Ev.Abort, 2, 1, 7, -1],
    ]);
    const [a, b] = [3, 5].map((i) => abortFacts(log, i));
    expect(a?.cause).toEqual({ kind: "withdrawn", now: 1 });
    expect(b?.cause).toEqual({ kind: "withdrawn", now: -1 });
    expect(a && abortReason(a, names)).toBe(
      "read balance[7] from a write that was then withdrawn; balance[7] now comes from tx 1",
    );
    expect(b && abortReason(b, names)).toBe(
      "read balance[7] from a write that was then withdrawn; balance[7] now comes from the initial state",
    );
  });
});

describe("an aggregator's add that no longer fits (or no longer fails) its limit", () => {
  it("says the total it decided on moved across the limit, naming the latest add below it", () => {
    const run = simulate(nftMintRight());
    const i = run.log.kind.indexOf(Ev.Abort);
    expect([run.log.tx[i], run.log.other[i]]).toEqual([620, 619]);
    expect(explainAbort(run.log, i, runNames(run))).toBe(
      "decided whether its add to minted[0] fits the limit from a total that earlier transactions' adds (the latest by tx 619) have since moved across it",
    );
  });
});

describe("abortFacts agrees with what the executor's reads really saw", () => {
  afterEach(() => vi.restoreAllMocks());

  // The executor's own record of every published read set: (unit, incarnation) -> key -> writer unit.
  function recordReads(): Map<string, Map<number, number>> {
    const seen = new Map<string, Map<number, number>>();
    const record = MVMemory.prototype.record;
    vi.spyOn(MVMemory.prototype, "record").mockImplementation(function (
      this: MVMemory,
      ...args: Parameters<MVMemory["record"]>
    ) {
      const [u, inc, , , r, rn] = args;
      const reads = new Map<number, number>();
      for (let i = 0; i < rn; i++) reads.set(r.key[i], r.unit[i]);
      seen.set(`${u}/${inc}`, reads);
      return record.apply(this, args);
    });
    return seen;
  }

  it.each<[string, Partial<Scenario>]>([
    ["a hot account", { accounts: 2, workers: 16, txs: 400 }],
    ["skewed transfers", { skew: 1.2, workers: 16, txs: 600 }],
    [
      "a mix on few keys",
      { accounts: 20, workers: 8, txs: 400, mix: { transfer: 1, swap: 2, mint: 1, vote: 1, ship: 3 } },
    ],
    [
      "a mix on few keys, with aggregators",
      {
        accounts: 20,
        workers: 8,
        txs: 400,
        mix: { transfer: 1, swap: 2, mint: 1, vote: 1, ship: 3 },
        aggregators: true,
      },
    ],
  ])("%s", (_, extra) => {
    const seen = recordReads();
    const run = simulate({ ...DEFAULT_SCENARIO, ...extra, scheduler: "blockstm" });
    let checked = 0;
    for (let i = 0; i < run.log.length; i++) {
      const f = abortFacts(run.log, i);
      if (!f) continue;
      const read = seen.get(`${f.tx}/${f.inc}`)?.get(f.key);
      expect(read, `tx ${f.tx}/${f.inc} read key ${f.key}`).toBeDefined();
      const c = f.cause;
      // Units are transactions in an unsharded run.
      if (c.kind === "rewrote" || c.kind === "writer-aborted") expect(read).toBe(c.writer);
      if (c.kind === "wrote-after" && !c.again) expect(read).toBeLessThan(c.writer);
      if (c.kind === "withdrawn") expect(read).toBeGreaterThan(c.now);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
