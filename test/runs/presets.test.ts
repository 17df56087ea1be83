import { beforeAll, describe, expect, it } from "vitest";
import { declaredCriticalPathUs } from "../../src/engine/analysis/declared-path";
import { listCheck, listedWrite } from "../../src/engine/analysis/list-check";
import { listSize } from "../../src/engine/analysis/list-size";
import { computeMetrics, type Metrics } from "../../src/engine/analysis/metrics";
import { runPathCause } from "../../src/engine/analysis/path-cause";
import { lostUpdates, supplyDrift } from "../../src/engine/analysis/unsafe";
import { keyName } from "../../src/engine/block";
import { Revert } from "../../src/engine/contracts/contract";
import type { RunResult } from "../../src/engine/run-result";
import { decodeLink } from "../../src/engine/scenario/link";
import {
  chapterTime,
  checkPresetView,
  findPreset,
  PRESETS,
  presetLink,
} from "../../src/engine/scenario/presets";
import { isUnsafe, type Scenario } from "../../src/engine/scenario/scenario";
import { validateScenario } from "../../src/engine/scenario/validate";
import { place } from "../../src/engine/sharding/placement";
import { stateHash } from "../../src/engine/state-hash";
import { Ev } from "../../src/engine/trace/kinds";
import { readBlockFile } from "../../src/runtime/block-file";
import { loadBlock } from "../../src/runtime/block-source";
import { simulate } from "../../src/runtime/simulate";

interface Side {
  run: RunResult;
  m: Metrics;
}

async function runScenario(s: Scenario): Promise<Side> {
  const run = simulate(s, await loadBlock(s, readBlockFile));
  return { run, m: computeMetrics(run) };
}

const runs = new Map<string, { left: Side; right?: Side }>();

beforeAll(async () => {
  for (const p of PRESETS) {
    const left = await runScenario(p.scenario);
    const right = p.compare ? await runScenario({ ...p.scenario, ...p.compare }) : undefined;
    runs.set(p.id, { left, right });
  }
});

/** The first event of a kind: where a chapter with `first` puts the playhead. */
function firstEvent(s: Side, kind: number): { tx: number; key: string; other: number } {
  const { log, block } = s.run;
  for (let i = 0; i < log.length; i++)
    if (log.kind[i] === kind)
      return {
        tx: log.tx[i],
        key: log.key[i] >= 0 ? keyName(block.keys, log.key[i]) : "",
        other: log.other[i],
      };
  throw new Error(`no event of kind ${kind}`);
}

/** Cross-shard share of a locks run: one 2PC exchange per cross-shard transaction. */
const crossShare = (s: Side) => s.m.rounds / s.m.txs;

/** Transactions of a locks run queued behind a cross-shard one on some key. */
function queuedBehindCross(s: Side): number {
  const p = place(s.run.block, s.run.scenario.shards);
  const queued = new Set<number>();
  const { log } = s.run;
  for (let i = 0; i < log.length; i++) {
    const holder = log.other[i];
    if (log.kind[i] === Ev.LockWait && p.home[holder] !== p.target[holder]) queued.add(log.tx[i]);
  }
  return queued.size;
}

/** How long, on average, a cross-shard transaction of a locks run held its keys on a shard. */
function meanHoldUs(s: Side): number {
  const { log } = s.run;
  const since = new Map<string, number>();
  let sum = 0;
  let n = 0;
  for (let i = 0; i < log.length; i++) {
    const id = `${log.tx[i]}:${log.key[i]}`;
    if (log.kind[i] === Ev.LockHold) since.set(id, log.time[i]);
    if (log.kind[i] === Ev.LockRelease) {
      sum += log.time[i] - (since.get(id) ?? log.time[i]);
      n++;
    }
  }
  return n > 0 ? sum / n : 0;
}

/**
 * Figures a lesson or caption may state: numbers (matched with or without thousands separators) or the
 * digits a figure is written with (toFixed). A number stated in a text must be one of its preset's figures.
 */
type Figures = readonly (number | string)[];

/** Block-STM paper (Gelashvili et al., PPoPP 2023): about 17-20x at 32 threads with 10,000 accounts. */
const PAPER = [17, 20, 32, 10_000];
/** Per yes/no vote: two tallies. */
const TALLIES = 2;
/** The mod3mod4 block's own definition: tx j reads M[j mod 3], writes M[j mod 4]. */
const MOD3MOD4 = [3, 4];

const ms = (us: number) => (us / 1000).toFixed(2);
const mGas = (gas: number) => (gas / 1e6).toFixed(1);
const percent = (x: number, step: number) => Math.round((100 * x) / step) * step;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  sixteen: 16,
};

/** Every number a text states: digits and number words (names such as ERC-20 and two-phase commit left out). */
function statedNumbers(text: string): string[] {
  const plain = text.replace(/ERC-20|EIP-\d+|two-phase/gi, "");
  const digits = (plain.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((d) => d.replaceAll(",", ""));
  const words = (plain.toLowerCase().match(/[a-z]+/g) ?? [])
    .filter((w) => Object.hasOwn(NUMBER_WORDS, w))
    .map((w) => String(NUMBER_WORDS[w]));
  return [...digits, ...words];
}

/** What each preset says sets its critical path (left run): a chain, or one named transaction alone. */
const STATED_CAUSE: Record<string, "chain" | "one-transaction" | { tx: number }> = {
  "eth-router-calls": { tx: 41 },
  "eth-more-workers": { tx: 53 },
  "access-lists-two-accounts": "one-transaction",
  "naive-vs-blockstm": "one-transaction",
  "access-list-corrupted": "one-transaction",
};

/**
 * The claim each lesson makes, checked on its own run (left) and compare side (right); returns the figures
 * its lesson and captions may state, each computed from those runs.
 */
const CLAIMS: Record<string, (l: Side, r: Side | undefined) => Figures> = {
  mod3mod4: (l) => {
    const { run, m } = l;
    expect(m.txs).toBe(8);
    const abort = firstEvent(l, Ev.Abort);
    expect(abort).toEqual({ tx: 3, key: "M[0]", other: 0 });
    expect(m.aborts).toBeGreaterThanOrEqual(1);
    expect(m.speedup).toBeGreaterThan(1.5);
    // The first wave: tx 0-3 all start before any execution ends.
    const starts = [...Array(run.log.length).keys()]
      .filter((i) => run.log.kind[i] === Ev.ExecStart)
      .slice(0, 4);
    expect(starts.map((i) => run.log.tx[i])).toEqual([0, 1, 2, 3]);
    const firstEnd = run.log.time[run.log.kind.indexOf(Ev.ExecEnd)];
    for (const i of starts) expect(run.log.time[i]).toBeLessThan(firstEnd);
    const commits = [...Array(run.log.length).keys()].filter((i) => run.log.kind[i] === Ev.Commit);
    expect(commits.map((i) => run.log.tx[i])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    return [...MOD3MOD4, m.txs, m.lanes, starts.length, abort.tx, abort.other, 0];
  },
  "independent-transfers": ({ run, m }) => {
    expect(m.reExecutions).toBeLessThan(0.02 * m.txs);
    // Without Block-STM's own work the same run gets 70% of the ideal or more; that work costs a sixth.
    const free = {
      ...run.scenario.cost,
      mvReadUs: 0,
      mvWriteUs: 0,
      validateUsPerRead: 0,
      commitUs: 0,
      resumeUs: 0,
    };
    const bare = computeMetrics(simulate({ ...run.scenario, cost: free }));
    expect(bare.speedup).toBeGreaterThanOrEqual(0.7 * 16);
    expect(Math.round(1 / (1 - m.speedup / bare.speedup))).toBe(6);
    const { deepest } = runPathCause(run);
    return [
      m.txs,
      run.scenario.accounts,
      deepest.units,
      m.lanes,
      m.idealSpeedup,
      m.speedup.toFixed(1),
      ...PAPER,
    ];
  },
  "hot-account": (l) => {
    const { m } = l;
    const abort = firstEvent(l, Ev.Abort);
    expect(abort).toMatchObject({ tx: 1, other: 0 });
    expect(m.speedup).toBeLessThan(1.5);
    expect(m.speedup).toBeGreaterThan(0.5);
    expect(m.levels).toBe(m.txs);
    // Every transfer depends on the one before: the critical path is the whole block.
    expect(runPathCause(l.run).txs).toHaveLength(m.txs);
    return [l.run.scenario.accounts, m.speedup.toFixed(2), abort.tx, abort.other];
  },
  "optimistic-vs-declared": (l, r) => {
    if (!r) throw new Error("compare side expected");
    expect(r.run.scenario.scheduler).toBe("accountlocks");
    expect(l.m.aborts).toBeGreaterThan(0);
    expect(r.m.aborts).toBe(0);
    expect(firstEvent(r, Ev.LockWait).other).toBeGreaterThanOrEqual(0);
    expect(l.m.speedup).toBeGreaterThan(r.m.speedup);
    expect(r.run.stateHash).toBe(l.run.stateHash);
    // The stated cause: account locks follow the declared chain, longer than the read-after-write one.
    const declared = declaredCriticalPathUs(r.run.block, r.run.sequential.costUs);
    expect(Math.abs(r.run.elapsedUs - declared)).toBeLessThan(0.05 * declared);
    expect(declared).toBeGreaterThan(1.2 * r.m.criticalPathUs);
    expect(l.run.elapsedUs).toBeLessThan(declared);
    return [];
  },
  "one-pool-vs-sixteen": (l, r) => {
    expect(l.m.speedup).toBeLessThan(2);
    expect(firstEvent(l, Ev.Abort).key).toMatch(/^reserve/);
    expect(firstEvent(l, Ev.Revert).other).toBe(Revert.Slippage);
    expect(r?.m.speedup).toBeGreaterThan(3 * l.m.speedup);
    return [l.m.txs, r!.run.scenario.pools];
  },
  "nft-mint": (l, r) => {
    if (!r) throw new Error("compare side expected");
    expect([l.run.scenario.aggregators, r.run.scenario.aggregators]).toEqual([false, true]);
    // The same block and the same end state: the counter's adds commute, the cap holds either way.
    expect(r.run.stateHash).toBe(l.run.stateHash);
    const { revert } = l.run.sequential;
    const fit = revert.filter((x) => x === 0).length;
    const soldOut = revert.filter((x) => x === Revert.SoldOut).length;
    expect(fit + soldOut).toBe(l.m.txs);
    const cap = l.run.block.args[5];
    expect(fit).toBe(cap);
    // Left: the mints that fit form one chain on the counter (each waits for the one before).
    expect(firstEvent(l, Ev.Suspend).key).toMatch(/^minted\[0\]/);
    expect(l.m.levels).toBe(fit + 1);
    expect(l.m.speedup).toBeLessThan(1.5);
    // Right: side by side; the only aborts are on the counter, by the mints that ran as the cap filled.
    expect(r.m.speedup).toBeGreaterThan(4 * l.m.speedup);
    const aborted = new Set<number>();
    const { log } = r.run;
    // Which incarnations published writes: a mint that wrote had assumed room under the cap.
    const wrote = new Set<string>();
    for (let i = 0; i < log.length; i++)
      if (log.kind[i] === Ev.ExecEnd && log.other[i] === 1) wrote.add(`${log.tx[i]}/${log.inc[i]}`);
    // Which transactions were aborted, and not yet executed again, at each point of the log.
    const rerunning = new Set<number>();
    let assumedRoom = 0;
    let metRerun = 0;
    for (let i = 0; i < log.length; i++) {
      if (log.kind[i] === Ev.ExecEnd) rerunning.delete(log.tx[i]);
      if (log.kind[i] !== Ev.Abort) continue;
      expect(keyName(r.run.block.keys, log.key[i])).toBe("minted[0]");
      // An abort either undoes a mint that assumed room under the cap, or one that found none, whose
      // validation met the ESTIMATE of a mint below it being re-executed.
      if (wrote.has(`${log.tx[i]}/${log.inc[i]}`)) assumedRoom++;
      else {
        expect(rerunning.has(log.other[i])).toBe(true);
        metRerun++;
      }
      rerunning.add(log.tx[i]);
      aborted.add(log.tx[i]);
    }
    expect(aborted.size).toBeGreaterThan(0);
    for (const t of aborted) expect(revert[t]).toBe(Revert.SoldOut);
    for (const t of aborted) expect(t).toBeLessThan(cap + r.m.lanes);
    return [
      l.m.txs,
      cap,
      l.m.speedup.toFixed(2),
      r.m.speedup.toFixed(2),
      r.m.lanes,
      aborted.size,
      assumedRoom,
      metRerun,
      soldOut,
    ];
  },
  "dao-vote": (l, r) => {
    if (!r) throw new Error("compare side expected");
    expect([l.run.scenario.aggregators, r.run.scenario.aggregators]).toEqual([false, true]);
    expect(r.run.stateHash).toBe(l.run.stateHash);
    expect(l.m.reverts).toBe(0); // one ballot per member
    expect(firstEvent(l, Ev.Suspend).key).toMatch(/^tally/);
    expect(l.m.idealSpeedup).toBeLessThan(2.5);
    expect(l.m.speedup).toBeGreaterThan(1.3);
    // Right: the same workers, no conflict left (voters vote once; the tallies take deltas).
    expect(r.m.lanes).toBe(l.m.lanes);
    expect(r.m.aborts + r.m.suspensions).toBe(0);
    expect(r.m.speedup).toBeGreaterThan(3 * l.m.speedup);
    return [TALLIES, Math.round(l.m.idealSpeedup), l.m.speedup.toFixed(2), l.m.lanes, r.m.speedup.toFixed(2)];
  },
  "shard-locality": (l, r) => {
    if (!r) throw new Error("compare side expected");
    expect(crossShare(l)).toBeGreaterThan(0.03);
    expect(crossShare(l)).toBeLessThan(0.08);
    expect(crossShare(r)).toBeGreaterThan(0.42);
    expect(crossShare(r)).toBeLessThan(0.58);
    expect(l.m.speedup).toBeGreaterThan(3 * r.m.speedup);
    // The stated cause: about ten times as many transactions queue behind a cross-shard one.
    const queued = queuedBehindCross(r) / queuedBehindCross(l);
    expect(queued).toBeGreaterThan(6);
    expect(queued).toBeLessThan(15);
    const s = l.run.scenario;
    return [
      percent(crossShare(l), 5),
      percent(crossShare(r), 5),
      percent(queued / 100, 5),
      s.shards,
      s.workers,
    ];
  },
  "receipts-vs-locks": (l, r) => {
    if (!r) throw new Error("compare side expected");
    expect(l.m.rounds).toBeGreaterThanOrEqual(2);
    expect(l.m.crossShardMessages).toBeGreaterThan(0);
    // Receipts lock nothing; two-phase commit holds keys while at least two messages cross.
    expect(meanHoldUs(l)).toBe(0);
    expect(meanHoldUs(r)).toBeGreaterThanOrEqual(2 * r.run.scenario.cost.msgUs);
    // About half the speed.
    expect(l.m.speedup / r.m.speedup).toBeGreaterThan(1.6);
    expect(l.m.speedup / r.m.speedup).toBeLessThan(2.6);
    return [l.run.scenario.shards];
  },
  "eth-hot-token": (l, r) => {
    const eth = l.run.eth!;
    expect([eth.txs, eth.kinds["erc20-transfer"], eth.hottestKeys[0].txs]).toEqual([712, 587, 571]);
    // Most waits are on that one balance.
    const suspends = [...Array(l.run.log.length).keys()].filter((i) => l.run.log.kind[i] === Ev.Suspend);
    const onHot = suspends.filter((i) => l.run.log.key[i] === eth.hottestKeys[0].key);
    expect(onHot.length).toBeGreaterThan(0.5 * suspends.length);
    // Their chain is the critical path.
    expect(runPathCause(l.run).txs).toHaveLength(eth.hottestKeys[0].txs);
    expect(r?.m.levels).toBe(712);
    expect(r?.m.speedup).toBeLessThan(1.05);
    expect(l.m.speedup).toBeGreaterThan(1.5 * (r?.m.speedup ?? Number.POSITIVE_INFINITY));
    return [eth.txs, eth.kinds["erc20-transfer"], eth.hottestKeys[0].txs];
  },
  "popular-accounts": (l, r) => {
    if (!r) throw new Error("compare side expected");
    // Popular accounts chain most transfers together: a third of the parallelism or less is left...
    expect(r.m.idealSpeedup).toBeLessThan(l.m.idealSpeedup / 3);
    // ...and the speedup falls with it.
    expect(l.m.speedup).toBeGreaterThan(2.5 * r.m.speedup);
    return [l.run.scenario.accounts, r.run.scenario.skew];
  },
  "eth-known-access": (l, r) => {
    const eth = l.run.eth!;
    expect([eth.txs, eth.exact]).toEqual([724, 689]);
    expect(r?.m.aborts).toBe(0);
    if (!r) throw new Error("compare side expected");
    // A little better: ahead of Block-STM, by less than a fifth.
    expect(r.m.speedup).toBeGreaterThan(l.m.speedup);
    expect(r.m.speedup).toBeLessThan(1.2 * l.m.speedup);
    return [
      eth.txs,
      eth.exact,
      mGas(eth.gasLimitTotal),
      mGas(eth.gasUsed!),
      r.m.speedup.toFixed(2),
      l.m.speedup.toFixed(2),
    ];
  },
  "eth-router-calls": ({ run, m }) => {
    const eth = run.eth!;
    expect([eth.txs, eth.kinds.call, eth.conservative]).toEqual([367, 157, 157]);
    const router = eth.hottestContracts[0];
    expect(router).toMatchObject({ name: "Uniswap Universal Router", txs: 34, conservative: 34 });
    expect(m.levels).toBe(34);
    // The router calls are the deepest chain; one transaction alone is longer and is the critical path.
    const cause = runPathCause(run);
    expect(cause.deepest.txs.map((t) => eth.targets[t])).toEqual(Array(router.txs).fill(router.name));
    const tx = cause.longest.tx;
    expect(cause.longest.us).toBeGreaterThan(cause.deepest.us);
    return [
      eth.txs,
      eth.conservative,
      router.txs,
      ms(cause.deepest.us),
      tx,
      run.block.gas[tx] / 1e6,
      ms(cause.criticalPathUs),
      mGas(eth.gasLimitTotal),
      mGas(eth.gasUsed!),
    ];
  },
  "eth-busy-accounts": ({ run, m }) => {
    const eth = run.eth!;
    expect([eth.txs, eth.kinds["eth-transfer"]]).toEqual([961, 854]);
    const hot = eth.hottestKeys.slice(0, 2).map((k) => k.txs);
    expect(hot).toEqual([450, 374]);
    expect(m.speedup).toBeLessThan(0.5 * 16);
    // The longer chain is the critical path.
    expect(runPathCause(run).txs).toHaveLength(hot[0]);
    return [eth.txs, eth.kinds["eth-transfer"], ...hot, hot.length, m.lanes];
  },
  "access-lists-two-accounts": (l, r) => {
    if (!r) throw new Error("compare side expected");
    expect([l.run.block.n, l.run.scenario.accounts, l.m.lanes]).toEqual([100, 2, 8]);
    expect(r.m.speedup.toFixed(2)).toBe("0.83");
    expect(l.m.speedup.toFixed(2)).toBe("6.97");
    expect(r.m.levels).toBe(100);
    expect(l.m.bound).toBe("longest-transaction");
    const size = listSize(l.run.block.accessList!);
    expect([size.reads, size.writes, (size.bytes / 1000).toFixed(1)]).toEqual([200, 200, "6.9"]);
    expect(l.m.reExecutions + l.m.suspensions).toBe(0);
    return [
      l.run.block.n,
      l.run.scenario.accounts,
      l.m.lanes,
      r.m.speedup.toFixed(2),
      l.m.speedup.toFixed(2),
      size.reads,
      size.writes,
      (size.bytes / 1000).toFixed(1),
    ];
  },
  "access-list-corrupted": (l, r) => {
    if (!r) throw new Error("compare side expected");
    expect([l.run.block.n, l.run.scenario.accounts]).toEqual([100, 2]);
    const c = listCheck(l.run);
    expect(c.tamper).toEqual({ tx: 50, key: 0, kind: "value" });
    expect(keyName(l.run.block.keys, 0)).toBe("balance[0]");
    expect(c.caught).toBeGreaterThanOrEqual(0);
    expect(c.txs).toEqual([50, 51]);
    // tx 51 took balance[0] from the list after tx 50: tx 50 is its last writer there.
    const list = r.run.block.accessList!;
    expect(listedWrite(list, 50, 0)).not.toBeNull();
    expect(list.readKey.subarray(list.readStart[51], list.readStart[52])).toContain(0);
    expect(l.run.stateHash).toBe(stateHash(l.run.block.keys.initial));
    expect(r.run.listTamper).toBeUndefined();
    expect(r.run.stateHash).toBe(r.run.sequentialStateHash);
    expect(l.run.sequentialStateHash).toBe(r.run.stateHash);
    expect(l.m.reExecutions).toBe(0);
    return [l.run.block.n, l.run.scenario.accounts, c.tamper!.tx, c.tamper!.key, c.txs[1], 1];
  },
  "naive-vs-blockstm": (l, r) => {
    if (!r) throw new Error("compare side expected");
    const { run } = l;
    expect([run.block.n, run.scenario.accounts, l.m.lanes]).toEqual([100, 50, 8]);
    const lost = lostUpdates(run.log);
    expect(lost).toHaveLength(18);
    const drift = supplyDrift(run.unsafe!.supply);
    expect(drift).toEqual([{ currency: "coins", created: -988 }]);
    expect(run.unsafe!.other?.workers).toBe(7);
    expect(run.unsafe!.other?.stateHash).not.toBe(run.stateHash);
    expect(run.stateHash).not.toBe(run.sequentialStateHash);
    expect(l.m.elapsedUs).toBeLessThan(r.m.elapsedUs);
    expect(r.run.stateHash).toBe(r.run.sequentialStateHash);
    expect(r.run.stateHash).toBe(run.sequentialStateHash);
    return [run.block.n, run.scenario.accounts, l.m.lanes, lost.length, -drift[0].created, 7];
  },
  "eth-more-workers": (l, r) => {
    if (!r) throw new Error("compare side expected");
    const eth = l.run.eth!;
    const contract = eth.hottestContracts[0];
    expect(contract.txs).toBe(25);
    expect(l.m.levels).toBe(25);
    expect(l.m.speedup).toBeGreaterThan(0.9 * l.m.idealSpeedup);
    expect(r.m.speedup).toBeLessThan(1.1 * l.m.speedup);
    // The 25 calls are the deepest chain; one transaction alone is longer and is the critical path.
    const cause = runPathCause(l.run);
    expect(cause.deepest.txs.map((t) => eth.targets[t])).toEqual(Array(contract.txs).fill(contract.name));
    const tx = cause.longest.tx;
    expect(cause.longest.us).toBeGreaterThan(cause.deepest.us);
    return [
      tx,
      l.run.block.gas[tx] / 1e6,
      ms(cause.criticalPathUs),
      contract.txs,
      ms(cause.deepest.us),
      l.m.lanes,
      l.m.speedup.toFixed(2),
      l.m.idealSpeedup.toFixed(2),
      r.m.lanes,
      r.m.speedup.toFixed(2),
      mGas(eth.gasLimitTotal),
      mGas(eth.gasUsed!),
    ];
  },
};

describe("presets", () => {
  it("are at least ten, with unique slugs, a title, a one-line lesson and 3-5 chapters", () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.title.length).toBeGreaterThan(0);
      expect(p.lesson).not.toMatch(/\n/);
      expect(p.chapters.length).toBeGreaterThanOrEqual(3);
      expect(p.chapters.length).toBeLessThanOrEqual(5);
      for (const c of p.chapters) if (c.at !== undefined) expect(c.at >= 0 && c.at <= 1).toBe(true);
      expect(findPreset(p.id)).toBe(p);
    }
    expect(findPreset("no-such-preset")).toBeUndefined();
  });

  it("include the ones issue 5 asks for", () => {
    const required = [
      "independent-transfers",
      "hot-account",
      "mod3mod4",
      "nft-mint",
      "one-pool-vs-sixteen",
      "dao-vote",
      "optimistic-vs-declared",
      "shard-locality",
      "receipts-vs-locks",
      "eth-hot-token",
    ];
    for (const id of required) expect(findPreset(id), id).toBeDefined();
  });

  it("check a link's preset and chapter, keeping the rest of its view", () => {
    const ok = { preset: "hot-account", chapter: 4, t: 5 };
    expect(checkPresetView(ok)).toEqual({ view: ok, issues: [] });
    const unknown = checkPresetView({ preset: "hot-acount", chapter: 2, t: 5 });
    expect(unknown.view).toEqual({ t: 5 });
    expect(unknown.issues.map((i) => i.part)).toEqual(["p", "ch"]);
    expect(unknown.issues[0].message).toMatch(/^p: there is no preset "hot-acount" \(presets: mod3mod4, /);
    expect(checkPresetView({ preset: "hot-account", chapter: 5 })).toEqual({
      view: { preset: "hot-account" },
      issues: [{ part: "ch", message: 'ch: chapter must be from 1 to 4 for preset "hot-account" (got 5)' }],
    });
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))(
    "%s: valid scenario and compare side, exact link",
    (_, p) => {
      expect(validateScenario(p.scenario)).toEqual({ ok: true, scenario: p.scenario });
      if (p.compare) expect(validateScenario({ ...p.scenario, ...p.compare }).ok).toBe(true);
      const { search, hash } = presetLink(p);
      const d = decodeLink(search, hash);
      expect(d.issues).toEqual([]);
      expect(d.scenario).toEqual(p.scenario);
      expect(d.view).toEqual(p.compare ? { preset: p.id, compare: p.compare } : { preset: p.id });
    },
  );

  it.each(PRESETS.map((p) => [p.id, p] as const))("%s: the lesson holds on its run", (id, p) => {
    const { left, right } = runs.get(id)!;
    // An unsafe scheduler's state differs on purpose, and so does a block rejected for a list corrupted on
    // purpose: their lessons say how, checked in CLAIMS.
    for (const side of [left, right])
      if (side && !isUnsafe(side.run.scenario.scheduler) && !side.run.listTamper)
        expect(side.run.stateHash).toBe(side.run.sequentialStateHash);
    expect(right === undefined).toBe(p.compare === undefined);
    // Every chapter names a moment of the run, and they come in order.
    const times = p.chapters.map((c) => chapterTime(c, left.run.log, left.run.elapsedUs));
    for (const t of times) expect(t).toBeDefined();
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
    expect(Object.hasOwn(CLAIMS, id), `no claim checked for ${id}`).toBe(true);
    const figures = new Set(CLAIMS[id](left, right).map((f) => String(f)));
    // Every number the lesson and the captions state is a figure of these runs.
    for (const text of [p.lesson, ...p.chapters.map((c) => c.caption)])
      for (const n of statedNumbers(text)) expect(figures, `${n} in "${text}"`).toContain(n);
    // The stated cause of the critical path is the analysis's.
    const cause = runPathCause(left.run);
    const stated = STATED_CAUSE[id] ?? "chain";
    if (typeof stated === "string") expect(cause.cause).toBe(stated);
    else expect([cause.cause, cause.longest.tx]).toEqual(["one-transaction", stated.tx]);
  });
});
