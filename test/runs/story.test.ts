/**
 * The guided story's sentences against the runs they describe: each step's scenario (and compare side) is
 * run here, every number a step states must be one this test computes from those runs, every figure the
 * step is about must be stated, and each claim (who aborted, in which order, which state) is checked on
 * the event log.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { formatDuration, formatInt, formatPercent, formatTimes } from "../../src/app/format";
import { STORY, type StoryStep, storyStep } from "../../src/app/story/steps";
import { declaredCriticalPathUs } from "../../src/engine/analysis/declared-path";
import { listSize } from "../../src/engine/analysis/list-size";
import { computeMetrics, type Metrics } from "../../src/engine/analysis/metrics";
import { runPathCause } from "../../src/engine/analysis/path-cause";
import { lostUpdates, supplyDrift } from "../../src/engine/analysis/unsafe";
import { keyName } from "../../src/engine/block";
import type { RunResult } from "../../src/engine/run-result";
import type { Scenario } from "../../src/engine/scenario/scenario";
import { validateScenario } from "../../src/engine/scenario/validate";
import { place } from "../../src/engine/sharding/placement";
import { Ev } from "../../src/engine/trace/kinds";
import { readBlockFile } from "../../src/runtime/block-file";
import { loadBlock } from "../../src/runtime/block-source";
import { simulate } from "../../src/runtime/simulate";

interface Side {
  readonly run: RunResult;
  readonly m: Metrics;
}

async function runScenario(s: Scenario): Promise<Side> {
  const run = simulate(s, await loadBlock(s, readBlockFile));
  return { run, m: computeMetrics(run) };
}

const runs: { left: Side; right: Side | null; text: string[] }[] = [];

beforeAll(async () => {
  for (const step of STORY) {
    const left = await runScenario(step.scenario);
    const right = step.compare ? await runScenario({ ...step.scenario, ...step.compare }) : null;
    runs.push({ left, right, text: step.say(left.run, right?.run ?? null) });
  }
}, 60_000);

/** Log indices of one kind of event, in order. */
const indicesOf = (s: Side, kind: number): number[] =>
  [...Array(s.run.log.length).keys()].filter((i) => s.run.log.kind[i] === kind);

/** The first event of a kind, as the page names it. */
function first(s: Side, kind: number): { tx: number; key: string; other: number; inc: number; at: number } {
  const i = s.run.log.kind.indexOf(kind);
  expect(i, `an event of kind ${kind}`).toBeGreaterThanOrEqual(0);
  const { log, block } = s.run;
  return { tx: log.tx[i], key: keyName(block.keys, log.key[i]), other: log.other[i], inc: log.inc[i], at: i };
}

/**
 * Every number a text states (names such as EIP-7928, hashes and key names left out, they are checked as
 * claims): as written, thousands separators dropped.
 */
function statedNumbers(text: string): string[] {
  const plain = text
    .replace(/EIP-\d+/g, "")
    .replace(/\b0x[0-9a-f]+\b|\b[0-9a-f]{16}\b/g, "")
    .replace(/\b[A-Za-z]+\[\d+\]/g, "");
  return (plain.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((d) => d.replaceAll(",", ""));
}

/** The figures (as formatted on the page) a step states; each must be stated, and nothing else. */
const number = (formatted: string): string => formatted.replace(/[^\d.,]/g, "").replaceAll(",", "");

function expectFigures(text: readonly string[], figures: readonly string[]): void {
  const stated = text.flatMap(statedNumbers);
  const allowed = figures.map(number);
  for (const n of stated) expect(allowed, `"${n}" is stated in: ${text.join(" ")}`).toContain(n);
  for (const f of allowed) expect(stated, `figure ${f} is stated`).toContain(f);
}

/** Each step's claims, checked on its runs; returns the figures its sentences state. */
const CLAIMS: ((l: Side, r: Side | null, text: string) => string[])[] = [
  // 1. One worker, in block order.
  ({ run, m }, _r, text) => {
    expect(m.lanes).toBe(1);
    expect(indicesOf({ run, m }, Ev.ExecStart).map((i) => run.log.tx[i])).toEqual([...Array(m.txs).keys()]);
    expect(text).toContain("One worker runs the 8 transactions one after another, in block order");
    expect(text).toContain("on the virtual clock");
    return [formatInt(m.txs), formatDuration(run.elapsedUs), formatInt(run.scenario.cost.gasPerUs)];
  },
  // 2. More workers, a first conflict.
  (l, _r, text) => {
    const { run, m } = l;
    const abort = first(l, Ev.Abort);
    // The aborted incarnation read the key before the earlier transaction's write was in.
    const readAt = indicesOf(l, Ev.ExecStart).find(
      (i) => run.log.tx[i] === abort.tx && run.log.inc[i] === abort.inc,
    );
    const written = indicesOf(l, Ev.ExecEnd).find((i) => run.log.tx[i] === abort.other);
    expect(readAt).toBeDefined();
    expect(written).toBeDefined();
    expect(run.log.time[readAt!]).toBeLessThan(run.log.time[written!]);
    expect(abort.other).toBeLessThan(abort.tx);
    expect(indicesOf(l, Ev.ExecStart).filter((i) => run.log.tx[i] === abort.tx).length).toBeGreaterThan(1);
    expect(text).toContain(
      `tx ${abort.tx} read ${abort.key} before tx ${abort.other}, earlier in the block, wrote it`,
    );
    expect(m.idealSpeedup).toBeLessThanOrEqual(m.lanes);
    return [
      formatInt(m.lanes),
      formatInt(m.txs),
      formatDuration(run.elapsedUs),
      formatDuration(run.sequentialUs),
      formatTimes(run.sequentialUs / run.elapsedUs),
      formatTimes(m.idealSpeedup),
      String(abort.tx),
      String(abort.other),
    ];
  },
  // 3. Block-STM on the teaching block.
  (l, _r, text) => {
    const { run, m } = l;
    const firstEnd = run.log.time[first(l, Ev.ExecEnd).at];
    const wave = indicesOf(l, Ev.ExecStart).filter((i) => run.log.time[i] < firstEnd);
    expect(wave.map((i) => run.log.tx[i])).toEqual([0, 1, 2, 3]);
    const abort = first(l, Ev.Abort);
    expect(abort).toMatchObject({ tx: 3, key: "M[0]", other: 0, inc: 0 });
    // Incarnation 2 of tx 3 runs after the abort.
    expect(
      indicesOf(l, Ev.ExecStart).some((i) => i > abort.at && run.log.tx[i] === 3 && run.log.inc[i] === 1),
    ).toBe(true);
    expect(indicesOf(l, Ev.Commit).map((i) => run.log.tx[i])).toEqual([...Array(8).keys()]);
    expect(run.stateHash).toBe(run.sequentialStateHash);
    expect(text).toContain("Tx 3 read M[0] before tx 0, earlier in the block, wrote it");
    expect(text).toContain("incarnation 1 of tx 3 aborts and incarnation 2 runs it again");
    expect(text).toContain("commits in block order and ends in the state of running it one by one");
    return [
      formatInt(m.lanes),
      formatInt(wave.length),
      "3",
      "0",
      "1",
      "2",
      formatInt(indicesOf(l, Ev.Abort).length),
      formatTimes(m.speedup),
    ];
  },
  // 4. Naive beside Block-STM.
  (l, r, text) => {
    if (!r) throw new Error("compare side expected");
    const lost = lostUpdates(l.run.log);
    expect(lost.length).toBeGreaterThan(0);
    const drift = supplyDrift(l.run.unsafe!.supply);
    expect(drift).toHaveLength(1);
    expect(drift[0].created).toBeLessThan(0);
    const other = l.run.unsafe!.other!;
    expect(other.stateHash).not.toBe(l.run.stateHash);
    expect(text).toContain(`${other.stateHash}, not ${l.run.stateHash}`);
    expect(text).toContain("the block destroyed money");
    expect(r.run.stateHash).toBe(r.run.sequentialStateHash);
    expect(r.run.scenario.scheduler).toBe("blockstm");
    expect(text).toContain("Block-STM (right), on the same block: the state of running it one by one");
    const key = keyName(l.run.block.keys, lost[0].key);
    expect(text).toContain(`tx ${lost[0].tx} wrote ${key} over the update of tx ${lost[0].overwrote}`);
    return [
      formatInt(lost.length),
      String(lost[0].tx),
      String(lost[0].overwrote),
      formatInt(lost.length - 1),
      formatInt(-drift[0].created),
      formatInt(other.workers),
      formatTimes(r.m.speedup),
    ];
  },
  // 5. Account locks.
  (l, r, text) => {
    expect(r).toBeNull();
    const declared = declaredCriticalPathUs(l.run.block, l.run.sequential.costUs);
    expect(l.m.aborts).toBe(0);
    expect(l.run.elapsedUs).toBeGreaterThanOrEqual(declared);
    expect(declared).toBeGreaterThan(l.m.criticalPathUs);
    const queued = new Set(indicesOf(l, Ev.LockWait).map((i) => l.run.log.tx[i])).size;
    expect(text).toContain("Account locks start each one");
    return [
      "0",
      formatInt(queued),
      formatDuration(declared),
      formatDuration(l.m.criticalPathUs),
      formatDuration(l.run.elapsedUs),
      formatTimes(l.m.speedup),
    ];
  },
  // 6. Block access lists beside Block-STM.
  (l, r, text) => {
    if (!r) throw new Error("compare side expected");
    expect(r.m.levels).toBe(r.m.txs);
    expect(l.m.bound).toBe("longest-transaction");
    expect(l.m.reExecutions).toBe(0);
    expect(indicesOf(l, Ev.ListMismatch)).toEqual([]);
    expect(text).toContain("each depends on the one before");
    expect(text).toContain("bounded by the longest single transaction");
    expect(text).toContain("the block is valid");
    const size = listSize(l.run.block.accessList!);
    return [
      formatInt(l.m.txs),
      formatInt(l.run.scenario.accounts),
      formatTimes(r.m.speedup),
      formatTimes(l.m.speedup),
      formatInt(l.m.lanes),
      "0",
      formatInt(size.reads),
      formatInt(size.writes),
      formatInt(size.keys),
      formatInt(size.bytes),
    ];
  },
  // 7. Shards with receipts.
  (l, r, text) => {
    expect(r).toBeNull();
    const s = l.run.scenario;
    const p = place(l.run.block, s.shards);
    let cross = 0;
    for (let t = 0; t < l.run.block.n; t++) if (p.home[t] !== p.target[t]) cross++;
    expect(s.crossShard).toBe("receipts");
    expect(text).toContain("with receipts they send");
    return [
      formatInt(s.shards),
      formatInt(s.workers),
      formatInt(cross),
      formatInt(l.m.txs),
      formatPercent(cross / l.m.txs),
      formatInt(indicesOf(l, Ev.MsgSend).length),
      formatInt(l.run.rounds),
      formatTimes(l.m.speedup),
    ];
  },
  // 8. A real Ethereum block.
  ({ run, m }, _r, text) => {
    const eth = run.eth!;
    const cause = runPathCause(run);
    // One transaction alone is the critical path; the deepest chain is the router calls, and shorter.
    expect(cause.txs).toHaveLength(1);
    const tx = cause.txs[0];
    expect(Math.abs(run.sequential.costUs[tx] - cause.criticalPathUs)).toBeLessThan(
      0.01 * cause.criticalPathUs,
    );
    expect(cause.deepest.us).toBeLessThan(cause.criticalPathUs);
    expect(text).toContain(`one transaction alone: tx ${eth.labels[tx]} (gas limit`);
    return [
      formatInt(eth.number),
      formatInt(m.txs),
      formatInt(m.lanes),
      formatTimes(m.speedup),
      formatTimes(m.idealSpeedup),
      formatDuration(cause.criticalPathUs),
      (run.block.gas[tx] / 1e6).toFixed(1),
      formatInt(cause.deepest.txs.length),
      formatDuration(cause.deepest.us),
      (eth.gasLimitTotal / 1e6).toFixed(1),
      (eth.gasUsed! / 1e6).toFixed(1),
    ];
  },
];

describe("the guided story", () => {
  it("has a check per step, and every step's scenario and compare side are valid", () => {
    expect(CLAIMS).toHaveLength(STORY.length);
    for (const step of STORY) {
      expect(validateScenario(step.scenario).ok).toBe(true);
      if (step.compare) expect(validateScenario({ ...step.scenario, ...step.compare }).ok).toBe(true);
    }
  });

  STORY.forEach((step: StoryStep, i) => {
    it(`step ${i + 1} (${step.title}) states only what its run shows`, () => {
      const { left, right, text } = runs[i];
      const joined = text.join(" ");
      const figures = CLAIMS[i](left, right, joined);
      expectFigures(text, figures);
      // Every run is deterministic: the same step says the same thing again.
      expect(step.say(left.run, right?.run ?? null)).toEqual(text);
    });
  });

  it("clamps a step number to the story", () => {
    expect(storyStep(0).n).toBe(1);
    expect(storyStep(99).n).toBe(STORY.length);
    expect(storyStep(3).title).toBe(STORY[2].title);
  });
});
