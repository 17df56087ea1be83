/** The corrupt-list toggle's sentences (note, caption, hash check) checked against the runs they describe. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { captionRunOf, momentCaption } from "../../src/engine/analysis/caption";
import { runNames } from "../../src/engine/analysis/explain";
import {
  EIP_7928_RULE,
  invalidBlockLine,
  listCheck,
  listedWrite,
} from "../../src/engine/analysis/list-check";
import { listLesson } from "../../src/engine/analysis/list-size";
import { TxStatus, txStatesOf } from "../../src/engine/analysis/tx-state";
import type { RunResult } from "../../src/engine/run-result";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { defaultTamper } from "../../src/engine/schedulers/bal/tamper";
import { stateHash } from "../../src/engine/state-hash";
import { Ev, ListMismatch } from "../../src/engine/trace/kinds";
import { readBlockFile } from "../../src/runtime/block-file";
import { loadBlock } from "../../src/runtime/block-source";
import { simulate } from "../../src/runtime/simulate";
import { describeBar } from "../../src/ui/views/lanes/describe-bar";
import { buildLaneBars } from "../../src/ui/views/lanes/lane-bars";
import { scenarioArb } from "../runtime/scenario-arbitrary";

const n = (x: number): string => x.toLocaleString("en-US");

const captionOf = (r: RunResult, t: number): string => momentCaption(captionRunOf(r), t);

const SCENARIOS: [string, Partial<Scenario>][] = [
  ["1,000 transfers", {}],
  ["the 2-account block", { txs: 100, accounts: 2 }],
  ["the teaching block", { source: "mod3mod4", txs: 10 }],
  [
    "mints with aggregators",
    { mix: { transfer: 0, swap: 0, mint: 1, vote: 0, ship: 0 }, collections: 1, aggregators: true },
  ],
  ["every contract kind", { mix: { transfer: 1, swap: 1, mint: 1, vote: 1, ship: 1 } }],
];

describe.each(SCENARIOS)("corrupt-list on %s", (_name, over) => {
  const base: Scenario = { ...DEFAULT_SCENARIO, ...over, scheduler: "bal" };
  const honest = simulate(base);
  const run = simulate({ ...base, corruptList: true });
  const names = runNames(run);
  const list = honest.block.accessList;
  if (!list) throw new Error("bal runs with a list");
  const t = run.listTamper;
  if (!t) throw new Error("the toggle made an entry wrong");
  const c = listCheck(run);

  it("changes the entry defaultTamper picks: the builder's written value, plus one", () => {
    expect(t).toEqual(defaultTamper(list));
    const was = listedWrite(list, t.tx, t.key);
    const now = run.block.accessList && listedWrite(run.block.accessList, t.tx, t.key);
    expect(was).not.toBeNull();
    expect(now).toEqual({ value: (was?.value ?? 0) + 1, delta: was?.delta });
  });

  it("is caught at that transaction and key; every other disagreement took the key from the list after it", () => {
    expect(c.caught).toBeGreaterThanOrEqual(0);
    expect(run.log.other[c.caught]).toBe(ListMismatch.Value);
    for (const u of c.txs.filter((x) => x !== t.tx)) {
      expect(u).toBeGreaterThan(t.tx);
      const reads = list.readKey.subarray(list.readStart[u], list.readStart[u + 1]);
      expect(reads).toContain(t.key);
      // tx t is the last writer of the key before u: u's value of it came from t's (wrong) entry.
      for (let v = t.tx + 1; v < u; v++) expect(listedWrite(list, v, t.key)).toBeNull();
    }
  });

  it("leaves the state as it was before the block: no write applied, and the committed are the rest", () => {
    expect(run.stateHash).toBe(stateHash(run.block.keys.initial));
    expect(run.sequentialStateHash).toBe(honest.stateHash);
    expect(run.log.kind.filter((k) => k === Ev.Commit)).toHaveLength(run.block.n - c.txs.length);
  });

  it("says so in the note, the hash check and the caption, from the run", () => {
    const was = listedWrite(list, t.tx, t.key)?.value ?? Number.NaN;
    const lines = listLesson(run, names);
    const x = `tx ${t.tx}`;
    const key = names.key(t.key);
    const what = listedWrite(list, t.tx, t.key)?.delta
      ? `${x}'s amount added to ${key} is off by one (the list says +${n(was + 1)}, its execution adds +${n(was)})`
      : `${x}'s written value for ${key} is off by one (the list says ${n(was + 1)}, its execution writes ${n(was)})`;
    expect(lines[1]).toBe(`The corrupt-list setting made one entry wrong: ${what}.`);
    expect(lines[2]).toBe(
      `The check caught it at ${x}: run at once against the list on worker ${run.log.worker[c.caught]}, it wrote a different value than the list at ${key}.`,
    );
    const others = c.txs.filter((u) => u !== t.tx);
    const shown = others.slice(0, 3).map((u) => `tx ${u}`);
    const who = others.length > 3 ? `${shown.join(", ")} and ${others.length - 3} more` : shown.join(" and ");
    expect(lines[3]).toBe(
      others.length === 0
        ? "No other transaction disagreed with its entry."
        : others.length === 1
          ? `One other transaction (${who}) disagreed with its entry too: it took ${key} from the list after ${x}, so it started from the wrong value.`
          : `${others.length} other transactions (${who}) disagreed with their entries too: each took ${key} from the list after ${x}, so it started from the wrong value.`,
    );
    const d = c.mismatches.length;
    expect(lines[4]).toBe(
      `So the block is invalid (${d} disagreement${d === 1 ? "" : "s"} in ${c.txs.length} transaction${c.txs.length === 1 ? "" : "s"}): the executor rejects it, nothing is re-executed or repaired, and none of its writes are applied, so the state stays as it was before the block. ${EIP_7928_RULE}`,
    );
    expect(lines).toHaveLength(5);
    expect(invalidBlockLine(run, names)).toBe(
      `Block invalid: the corrupted list entry was caught at ${x}; the block is rejected, its state left as before it.`,
    );
    // The caption at the moment of the catch tells a disagreement with the list (the earliest at that time).
    const at = run.log.time[c.caught];
    const first = c.mismatches.find((i) => run.log.time[i] === at) ?? c.caught;
    expect(captionOf(run, at)).toBe(
      `Worker ${run.log.worker[first]} checks tx ${run.log.tx[first]} against its entry in the access list: it wrote a different value than the list at ${names.key(run.log.key[first])}, so the block is invalid.`,
    );
    // From the end of the run on (where playback stops), the caption gives the block's verdict.
    const end = run.log.time[run.log.length - 1];
    for (const t of [end, end + 1])
      expect(captionOf(run, t)).toBe(
        `The block is done, and invalid: ${c.txs.length} of its ${run.block.n} transaction${run.block.n === 1 ? "" : "s"} disagreed with their entries in the access list, so none of its writes are applied.`,
      );
  });

  it("marks the transactions that disagreed: their graph node, their lane bar and its hover text", () => {
    const end = run.log.time[run.log.length - 1];
    const states = txStatesOf(run).seek(end);
    for (let tx = 0; tx < run.block.n; tx++) {
      const now = c.txs.includes(tx) ? [TxStatus.Rejected] : [TxStatus.Committed, TxStatus.Reverted];
      expect(now, `tx ${tx}`).toContain(states.status[tx]);
    }
    const bars = buildLaneBars(run.log, run.lanes, 1);
    expect([...bars.rejected].sort((a, b) => a - b)).toEqual(c.txs);
    const bar = [...bars.tx].indexOf(t.tx);
    const lane = run.log.worker[c.caught];
    expect(describeBar(run, bars, bar, lane, end)).toMatch(
      /· finished, and disagreed with its entry in the block access list: the block is invalid$/,
    );
    // Before its check, the bar is an ordinary execution.
    expect(describeBar(run, bars, bar, lane, bars.start[bar])).toMatch(/· running$/);
  });

  it("without the toggle the same block checks out, and the caption says every transaction committed", () => {
    expect(honest.listTamper).toBeUndefined();
    expect(listLesson(honest, runNames(honest)).slice(1)).toEqual([
      "Every transaction checked out against its entry: the block is valid.",
    ]);
    expect(invalidBlockLine(honest, runNames(honest))).toBeNull();
    const end = honest.log.time[honest.log.length - 1] + 1;
    expect(captionOf(honest, end)).toBe(
      `The block is done: all ${honest.block.n} transactions have committed.`,
    );
  });
});

describe("the corrupt-list toggle", () => {
  it("on a mainnet block: rejected whole, the fee sweep included (the state is the one before the block)", async () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, source: "eth-12965000", scheduler: "bal", corruptList: true };
    const loaded = await loadBlock(s, readBlockFile);
    const r = simulate(s, loaded);
    const honest = simulate({ ...s, corruptList: false }, loaded);
    expect(r.block.feeSweep).toBeDefined();
    expect(listCheck(r).caught).toBeGreaterThanOrEqual(0);
    expect(r.stateHash).toBe(stateHash(r.block.keys.initial));
    expect(honest.stateHash).toBe(honest.sequentialStateHash);
    expect(r.sequentialStateHash).toBe(honest.stateHash);
  });

  it("does nothing where there is no list: the other schedulers run as without it", () => {
    for (const scheduler of ["blockstm", "accountlocks", "sequential"] as const) {
      const s = { ...DEFAULT_SCENARIO, txs: 200, scheduler };
      const on = simulate({ ...s, corruptList: true });
      expect(on.listTamper).toBeUndefined();
      expect(on.stateHash).toBe(simulate(s).stateHash);
      expect(on.stateHash).toBe(on.sequentialStateHash);
    }
  });

  it("is always caught on any block, and the block is always rejected whole", () => {
    fc.assert(
      fc.property(scenarioArb("bal", 60), (s) => {
        const r = simulate({ ...s, corruptList: true });
        if (!r.listTamper) {
          // Only a block where nothing writes has no entry to change, and says so.
          expect(r.block.accessList?.writeKey.length).toBe(0);
          expect(listLesson(r, runNames(r))[1]).toMatch(/^The corrupt-list setting found no entry to change/);
          return;
        }
        expect(listCheck(r).caught).toBeGreaterThanOrEqual(0);
        expect(r.stateHash).toBe(stateHash(r.block.keys.initial));
      }),
      { numRuns: 60 },
    );
  });
});
