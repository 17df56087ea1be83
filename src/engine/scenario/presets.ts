/**
 * Presets: named scenarios with a one-line lesson and chapter captions for talk mode. Plain data; every
 * lesson is checked against a real run of its scenario (presets.test.ts), so the numbers it implies hold.
 */

import type { EventLogData } from "../trace/eventlog";
import { Ev } from "../trace/kinds";
import { encodeLink, type LinkIssue } from "./link";
import { type ContractKindName, DEFAULT_SCENARIO, type Scenario } from "./scenario";
import type { ScenarioPatch, ViewState } from "./view-state";

export type EventName = keyof typeof Ev;

/** One talk-mode step: a caption and, optionally, where the playhead goes (on the left run). */
export interface Chapter {
  readonly caption: string;
  /** A point of the run as a fraction of its length: 0 = start, 1 = end. */
  readonly at?: number;
  /** The first event of this kind ("Abort" = the first abort). */
  readonly first?: EventName;
}

export interface Preset {
  /** The slug used in links (`?p=`) and by `npm run cli -- run ID`. */
  readonly id: string;
  readonly title: string;
  readonly lesson: string;
  readonly scenario: Scenario;
  /** The right side of a compare, when the lesson is a comparison. */
  readonly compare?: ScenarioPatch;
  readonly chapters: readonly Chapter[];
}

/**
 * Unsharded contract presets set locality 0: otherwise most traders, minters and voters of pool,
 * collection or proposal 0 come from its placement group, and the reuse of a few accounts would blur
 * the conflict the preset is about.
 */
function scenario(fields: Partial<Scenario>): Scenario {
  return { ...DEFAULT_SCENARIO, ...fields };
}

/** A mix of one contract kind. */
function only(kind: ContractKindName): Scenario["mix"] {
  return { transfer: 0, swap: 0, mint: 0, vote: 0, ship: 0, [kind]: 1 };
}

/** In gallery order; the first nine are on keys 1-9 in talk mode. */
export const PRESETS: readonly Preset[] = [
  {
    id: "mod3mod4",
    title: "The j mod 3 / j mod 4 block",
    lesson:
      "Transaction j reads M[j mod 3] and writes M[j mod 4]: Block-STM runs them all at once, aborts the ones that read too early, and still ends with the state of running them in order.",
    scenario: scenario({ source: "mod3mod4", txs: 8, workers: 4 }),
    chapters: [
      { caption: "Eight transactions: tx j reads M[j mod 3] and writes M[j mod 4].", at: 0 },
      {
        caption: "Four workers start the first four transactions without knowing what they touch.",
        first: "ExecStart",
      },
      {
        caption: "Tx 3 read M[0] before tx 0 wrote it: the read is stale, so tx 3 runs again.",
        first: "Abort",
      },
      { caption: "All eight commit in block order: the state of one-by-one execution, in less time.", at: 1 },
    ],
  },
  {
    id: "independent-transfers",
    title: "Independent transfers",
    lesson:
      "1,000 transfers among 10,000 accounts rarely touch the same balance: the longest chain is 5 transfers, so 16 workers could run them 16 times faster than one, and run them 10.8 times faster: almost nothing re-executes, and Block-STM's own work (multi-version memory, validation, the in-order commit) costs about a sixth of the speedup.",
    scenario: scenario({ accounts: 10_000, workers: 16 }),
    chapters: [
      { caption: "Each worker takes the next transfer; few pairs of transfers share an account.", at: 0 },
      { caption: "Validations pass: almost nothing re-executes.", at: 0.5 },
      { caption: "10.8x on the virtual clock, of an ideal 16x: the work was independent.", at: 1 },
      {
        caption:
          "On real hardware the Block-STM paper reports about 17-20x at 32 threads with 10,000 accounts.",
        at: 1,
      },
    ],
  },
  {
    id: "hot-account",
    title: "One hot account",
    lesson:
      "With only 2 accounts every transfer depends on the one before: Block-STM gets no speedup (0.81x): it runs them one at a time and pays for its re-executions besides.",
    scenario: scenario({ accounts: 2 }),
    chapters: [
      { caption: "Every transfer moves money between the same two accounts.", at: 0 },
      { caption: "Tx 1 read a balance that tx 0 then wrote: abort and re-execute.", first: "Abort" },
      { caption: "Later transactions meet a balance still being written: they wait.", first: "Suspend" },
      { caption: "The block runs one transaction at a time: about the speed of one core.", at: 1 },
    ],
  },
  {
    id: "optimistic-vs-declared",
    title: "Optimistic against declared access",
    lesson:
      "On the same block, Block-STM aborts and re-executes yet finishes first: account locks (right) never abort, but take about as long as the longest chain of declared conflicts, which is longer than the chain of reads of earlier writes that Block-STM follows.",
    scenario: scenario({ mix: { ...only("transfer"), swap: 0.5 }, skew: 1 }),
    compare: { scheduler: "accountlocks" },
    chapters: [
      {
        caption:
          "Left: Block-STM runs optimistically. Right: account locks: each transaction declares its accounts, as Solana transactions do, and waits for the earlier ones it conflicts with.",
        at: 0,
      },
      { caption: "Block-STM aborts a transaction that read too early and runs it again.", first: "Abort" },
      {
        caption: "Account locks never abort: a transaction waits in the queue of every key it declared.",
        at: 0.5,
      },
      { caption: "Here re-running costs less than waiting out every declared conflict.", at: 1 },
    ],
  },
  {
    id: "one-pool-vs-sixteen",
    title: "Swaps: one pool against sixteen",
    lesson:
      "Every swap rewrites its pool's reserves: on one pool the swaps form a chain; spread over sixteen pools they run side by side.",
    scenario: scenario({ mix: only("swap"), pools: 1, accounts: 10_000, locality: 0 }),
    compare: { pools: 16 },
    chapters: [
      { caption: "1,000 swaps on one pool (left) or spread over sixteen (right).", at: 0 },
      { caption: "A swap read reserves that an earlier swap changed: abort.", first: "Abort" },
      { caption: "A swap that would get less than its minimum output reverts (slippage).", first: "Revert" },
      { caption: "Sixteen pools: sixteen short chains instead of one long one.", at: 1 },
    ],
  },
  {
    id: "nft-mint",
    title: "NFT mint frenzy, without and with aggregators",
    lesson:
      "1,000 mints from one collection capped at 620: read then written, its counter is one hot key, so the 620 mints that fit run one at a time (1.27x); as an aggregator (right, as on Aptos) each mint adds to it unread and Block-STM runs the mints side by side (6.94x of 8), until the cap: 7 mints running as it filled abort (5 had assumed room that was gone, 2 met a mint below them while it re-ran), and all 380 past it revert sold out.",
    // Seed 3 draws a cap below the block's 1,000 mints, so the right side shows what happens at the cap.
    scenario: scenario({ seed: 3, mix: only("mint"), collections: 1, accounts: 10_000, locality: 0 }),
    compare: { aggregators: true },
    chapters: [
      { caption: "Everyone mints from the same collection: left without aggregators, right with.", at: 0 },
      { caption: "Left: each mint needs the count the previous mint wrote: it waits.", first: "Suspend" },
      { caption: "Left: commits trickle out one at a time.", at: 0.5 },
      {
        caption:
          "Right: the mints add to the counter without reading it and run side by side; past the cap of 620 they revert sold out.",
        at: 1,
      },
    ],
  },
  {
    id: "dao-vote",
    title: "DAO vote tally, without and with aggregators",
    lesson:
      "Every ballot adds its weight to the proposal's yes or no tally: read then written, the two tallies are two hot keys that cap the speedup near 2x (1.64x with 8 workers); as aggregators (right, which Aptos offers for hot counters) the ballots add to them unread, nothing conflicts, and the same 8 workers reach 6.81x.",
    scenario: scenario({ mix: only("vote"), proposals: 1, accounts: 10_000, locality: 0 }),
    compare: { aggregators: true },
    chapters: [
      { caption: "Each member casts one weighted ballot on one proposal: yes or no.", at: 0 },
      {
        caption: "Left: ballots on the same side add to the same tally: the next one waits.",
        first: "Suspend",
      },
      {
        caption: "Left: two tallies, two chains, about 2x. Right: aggregator tallies, ballots side by side.",
        at: 1,
      },
    ],
  },
  {
    id: "shard-locality",
    title: "Shards: 5% against 50% cross-shard",
    lesson:
      "Two-phase commit holds a cross-shard transaction's keys on both shards while prepare, vote and commit cross between them: with a few popular accounts, about 5% cross-shard runs several times faster than about 50%, where ten times as many transactions queue behind a cross-shard one.",
    scenario: scenario({
      shards: 4,
      workers: 4,
      crossShard: "locks",
      accounts: 10_000,
      skew: 0.8,
      locality: 0.933,
    }),
    compare: { locality: 0.333 },
    chapters: [
      { caption: "Four shards of four workers; each account lives on one shard; a few are popular.", at: 0 },
      {
        caption: "A cross-shard transaction: prepare, a vote, then commit; its keys stay locked meanwhile.",
        first: "MsgSend",
      },
      {
        caption: "Transactions on other keys go on; those that need a locked key queue behind it.",
        at: 0.5,
      },
      {
        caption:
          "Right: about half the transactions cross shards, popular keys stay locked while messages cross, and the run is several times slower.",
        at: 1,
      },
    ],
  },
  {
    id: "receipts-vs-locks",
    title: "Receipts against locks",
    lesson:
      "Receipts (as NEAR passes them between blocks) never lock: every shard keeps going and a cross-shard transfer completes a round later, not atomically; two-phase commit (right) keeps each transfer atomic but holds its keys while prepare, vote and commit cross between the shards, so with a few popular accounts it runs at about half the speed.",
    scenario: scenario({ shards: 4, workers: 4, accounts: 10_000, skew: 0.8 }),
    compare: { crossShard: "locks" },
    chapters: [
      { caption: "Same block, same four shards: receipts on the left, locks on the right.", at: 0 },
      { caption: "Cross-shard transfers debit at home; receipts carry the credits.", first: "MsgSend" },
      {
        caption: "Next round: the receipts run on their shards. No shard waited for another.",
        first: "MsgRecv",
      },
      {
        caption:
          "The price: debit and credit commit in different rounds, so the transfer is not atomic; the right side pays for atomicity in locked keys.",
        at: 1,
      },
    ],
  },
  {
    id: "eth-hot-token",
    title: "Ethereum 19807137: one hot token balance",
    lesson:
      "571 of this block's 712 transactions write the same token balance, so they form a chain; crediting fees inside every transaction (right) adds the fee recipient's balance to all of them, and nothing runs in parallel.",
    scenario: scenario({ source: "eth-19807137" }),
    compare: { feeMode: "in-tx" },
    chapters: [
      { caption: "A real mainnet block: 712 transactions, 587 of them ERC-20 transfers.", at: 0 },
      { caption: "571 of them write one token balance: each waits for the one before.", at: 0.25 },
      { caption: "Left: fees are credited after the block, as parallel EVMs such as pevm do.", at: 0.5 },
      { caption: "Right: every transaction also credits the fee recipient, so all of them conflict.", at: 1 },
    ],
  },
  {
    id: "popular-accounts",
    title: "Popular accounts",
    lesson:
      "Picked uniformly, 1,000 accounts rarely collide; with Zipf skew 1.5 (right) a few popular accounts appear in most transfers and the speedup collapses.",
    scenario: scenario({}),
    compare: { skew: 1.5 },
    chapters: [
      { caption: "Left: senders and receivers picked uniformly from 1,000 accounts.", at: 0 },
      { caption: "Right: the same block size with a few very popular accounts.", at: 0.5 },
      { caption: "Popularity, not block size, decides how much runs in parallel.", at: 1 },
    ],
  },
  {
    id: "eth-known-access",
    title: "Ethereum 14029313: access known up front",
    lesson:
      "Almost every transaction here is an ETH transfer, an ERC-20 transfer or an approval, whose accounts are known before running it: level batches from the declared accounts (right) do a little better than Block-STM (5.27x against 4.75x), with no aborts. Both cost each transaction its gas limit: 58.6 M gas in all, against 30.1 M the block used.",
    scenario: scenario({ source: "eth-14029313" }),
    compare: { scheduler: "batched" },
    chapters: [
      { caption: "A real mainnet block: 724 transactions, 689 with exactly known reads and writes.", at: 0 },
      { caption: "Left: Block-STM discovers conflicts as it runs.", first: "Abort" },
      { caption: "Right: level batches from the declared accounts, no aborts; a little faster.", at: 1 },
    ],
  },
  {
    id: "eth-router-calls",
    title: "Ethereum 19606599: calls with unknown access",
    lesson:
      "157 of 367 transactions call contracts whose storage use is unknown without running the EVM; TxLanes treats each as reading and writing its whole contract (an over-approximation), so the 34 Uniswap Universal Router calls form one chain of 1.22 ms. Yet tx 41 alone, costed at its 18.5 M gas limit, takes 2.64 ms: it, not the chain, sets the length of the run.",
    scenario: scenario({ source: "eth-19606599" }),
    chapters: [
      { caption: "A real mainnet block with many Uniswap Universal Router calls.", at: 0 },
      {
        caption:
          "Without an EVM, a call counts as touching its whole contract: approximate, on the safe side.",
        at: 0.3,
      },
      {
        caption:
          "Tx 41 alone (2.64 ms) outlasts the 34-call router chain (1.22 ms), but its cost is its gas limit: this block's limits add up to 70.8 M gas against 30.0 M used.",
        at: 1,
      },
    ],
  },
  {
    id: "eth-busy-accounts",
    title: "Ethereum 17666333: busy accounts",
    lesson:
      "854 of 961 transactions are plain ETH transfers, yet 450 touch one account's balance and 374 another's: two long chains keep 16 workers far from 16x.",
    scenario: scenario({ source: "eth-17666333", workers: 16 }),
    chapters: [
      { caption: "A real mainnet block: mostly plain ETH transfers.", at: 0 },
      {
        caption: "One account is in 450 of them, another in 374: each waits for the one before it.",
        at: 0.5,
      },
      { caption: "Cheap transfers, long chains: well below 16x.", at: 1 },
    ],
  },
  {
    id: "eth-more-workers",
    title: "Ethereum 12965000: when more workers stop helping",
    lesson:
      "Tx 53 alone, costed at its 14.25 M gas limit, takes 2.04 ms: longer than the block's longest chain, 25 calls to one contract (0.92 ms). 8 workers already reach 4.15x of the 4.60x it allows, and 32 workers (right) 4.40x.",
    scenario: scenario({ source: "eth-12965000" }),
    compare: { workers: 32 },
    chapters: [
      { caption: "A real mainnet block: the first block after the London upgrade.", at: 0 },
      { caption: "25 calls to one contract run in order, in 0.92 ms.", at: 0.5 },
      {
        caption:
          "Tx 53's gas limit, not the chain or the worker count, bounds the speedup; limits overstate use: this block's add up to 65.5 M gas against 30.0 M used.",
        at: 1,
      },
    ],
  },
  {
    id: "access-lists-two-accounts",
    title: "Block access lists: the 2-account block in parallel",
    lesson:
      "With 2 accounts every transfer depends on the one before, so Block-STM (right) runs them one at a time (0.83x); the block's access list gives each transaction its inputs, so 8 workers run all 100 at once (6.97x), for a list of 200 reads and 200 writes, about 6.9 kB.",
    scenario: scenario({ accounts: 2, txs: 100, scheduler: "bal" }),
    compare: { scheduler: "blockstm" },
    chapters: [
      {
        caption:
          "Left: every transaction starts at once, reading the state before the block plus the list's earlier writes. Right: Block-STM on the same block.",
        at: 0,
      },
      { caption: "Each execution is checked against its entry in the list as it ends.", first: "Commit" },
      {
        caption:
          "No transaction waited or ran twice: the longest single transaction, not the chain, bounds the run.",
        at: 1,
      },
    ],
  },
  {
    id: "naive-vs-blockstm",
    title: "Without validation (unsafe) against Block-STM",
    lesson:
      "The same 100 transfers among 50 accounts: 8 workers with no validation (left, unsafe) finish first but lose 18 updates, destroy 988 coins and end in another state with 7 workers; Block-STM (right) ends in the state of running the block in order.",
    scenario: scenario({ accounts: 50, txs: 100, scheduler: "naive" }),
    compare: { scheduler: "blockstm" },
    chapters: [
      {
        caption:
          "Left: workers run transfers at once on the shared state, with nothing checked (unsafe). Right: Block-STM on the same block.",
        at: 0,
      },
      {
        caption: "A transfer writes a balance over an update it never saw: that update is lost.",
        first: "LostUpdate",
      },
      {
        caption:
          "The unsafe run ends first, in the wrong state: the supply check shows money destroyed, and 7 workers would end in yet another state.",
        at: 1,
      },
    ],
  },
  {
    id: "access-list-corrupted",
    title: "Block access lists: a wrong entry is caught",
    lesson:
      "The 2-account block again, its list with one entry made wrong: tx 50's written value for balance[0] is off by one, so tx 50's check fails, and so does that of tx 51, which took balance[0] from the list after it; the block is rejected and its state stays as it was, where the builder's list as it is (right) checks out.",
    scenario: scenario({ accounts: 2, txs: 100, scheduler: "bal", corruptList: true }),
    compare: { corruptList: false },
    chapters: [
      {
        caption:
          "Left: every transaction runs at once against the list, one entry of which is wrong. Right: the same block with the builder's list.",
        at: 0,
      },
      {
        caption: "An execution disagrees with its entry in the list: the block is invalid.",
        first: "ListMismatch",
      },
      {
        caption:
          "Nothing re-executes and nothing is repaired: the block is rejected whole, its state left as it was before the block.",
        at: 1,
      },
    ],
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** The link that opens a preset: its scenario, its compare side and its chapters. */
export function presetLink(p: Preset): { search: string; hash: string } {
  return encodeLink(p.scenario, p.compare ? { preset: p.id, compare: p.compare } : { preset: p.id });
}

/**
 * The link's preset and chapter checked against the presets (the codec knows only their shape): an id
 * that names no preset, or a chapter the preset does not have, is dropped with an issue; the rest stays.
 */
export function checkPresetView(view: ViewState): { view: ViewState; issues: LinkIssue[] } {
  const { preset: id, chapter, ...rest } = view;
  const issues: LinkIssue[] = [];
  const preset = id === undefined ? undefined : findPreset(id);
  if (id !== undefined && !preset)
    issues.push({
      part: "p",
      message: `p: there is no preset "${id}" (presets: ${PRESETS.map((p) => p.id).join(", ")})`,
    });
  const out: ViewState = preset ? { ...rest, preset: preset.id } : rest;
  if (chapter === undefined) return { view: out, issues };
  if (preset && chapter <= preset.chapters.length) return { view: { ...out, chapter }, issues };
  const message = preset
    ? `ch: chapter must be from 1 to ${preset.chapters.length} for preset "${preset.id}" (got ${chapter})`
    : `ch: a chapter belongs to a preset; give one with p= (got chapter ${chapter} without a preset)`;
  issues.push({ part: "ch", message });
  return { view: out, issues };
}

/** Playhead time (run microseconds) of a chapter on a run, or undefined when it names no moment or none occurs. */
export function chapterTime(c: Chapter, log: EventLogData, elapsedUs: number): number | undefined {
  if (c.at !== undefined) return c.at * elapsedUs;
  if (c.first === undefined) return undefined;
  const kind = Ev[c.first];
  for (let i = 0; i < log.length; i++) if (log.kind[i] === kind) return log.time[i];
  return undefined;
}
