/** Labels, units, tooltips and steps of the knobs; their ranges are the validator's (engine/scenario/ranges). */

import type { ChoiceKnob, CostField, FlagKnob, NumberKnob } from "../app/knobs";
import { UPLOAD_SOURCE } from "../app/upload";
import { COST_RANGES, FLAGS, RANGES, type Range, rangeText, SLOWDOWN_RANGE } from "../engine/scenario/ranges";
import { type ContractKindName, ETH_BLOCKS, SCHEDULER_LABELS } from "../engine/scenario/scenario";

/** A knob's bounds are the validator's range; its step is the knob's own. */
const bounds = (r: Range): { min: number; max: number } => ({ min: r.min, max: r.max });
/** The range as a tooltip says it (without the unit: the label shows it). */
const span = (r: Range): string => rangeText({ ...r, unit: undefined });

export interface NumberKnobDef {
  readonly label: string;
  readonly unit?: string;
  readonly title: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export const NUMBER_DEFS: Readonly<Record<NumberKnob, NumberKnobDef>> = {
  workers: {
    label: "Workers",
    unit: "per shard",
    title: `Virtual workers per shard, ${span(RANGES.workers)}. The virtual clock can run more workers than this machine has cores.`,
    ...bounds(RANGES.workers),
    step: 1,
  },
  shards: {
    label: "Shards",
    title: `How many shards the state is split across, ${span(RANGES.shards)} (1 = unsharded). Each shard has its own workers.`,
    ...bounds(RANGES.shards),
    step: 1,
  },
  txs: {
    label: "Block size",
    unit: "tx",
    title: `Transactions in the block, ${span(RANGES.txs)}.`,
    ...bounds(RANGES.txs),
    step: 100,
  },
  accounts: {
    label: "Accounts",
    title: `Accounts to draw senders and receivers from, ${span(RANGES.accounts)}. Fewer accounts, more conflicts.`,
    ...bounds(RANGES.accounts),
    step: 1,
  },
  skew: {
    label: "Skew",
    unit: "Zipf s",
    title:
      `Zipf exponent for picking accounts, pools, collections, proposals and items, ${span(RANGES.skew)}. ` +
      "0 is uniform; higher values make a few keys hot.",
    ...bounds(RANGES.skew),
    step: 0.1,
  },
  locality: {
    label: "Locality",
    unit: "0–1",
    title:
      `Probability that a transaction's counterparty lives in its own placement group, ${span(RANGES.locality)}. ` +
      "Higher keeps more transactions inside one shard.",
    ...bounds(RANGES.locality),
    step: 0.05,
  },
  seed: {
    label: "Seed",
    title: `Seed of the workload generator, ${span(RANGES.seed)}: the same seed gives the same block and the same run.`,
    ...bounds(RANGES.seed),
    step: 1,
  },
  pools: {
    label: "Pools",
    title: `AMM pools the swaps trade against, ${span(RANGES.pools)}. Fewer pools, more swaps on the same reserves.`,
    ...bounds(RANGES.pools),
    step: 1,
  },
  collections: {
    label: "Collections",
    title: `NFT collections the mints draw from, ${span(RANGES.collections)}. Every mint of one collection bumps its counter.`,
    ...bounds(RANGES.collections),
    step: 1,
  },
  proposals: {
    label: "Proposals",
    title: `DAO proposals the votes go to, ${span(RANGES.proposals)}. Every vote on one proposal updates its tally.`,
    ...bounds(RANGES.proposals),
    step: 1,
  },
  items: {
    label: "Items",
    title: `Supply-chain items the shipments hand on, ${span(RANGES.items)}. Fewer items, more hand-offs in a row.`,
    ...bounds(RANGES.items),
    step: 1,
  },
};

export const COST_DEFS: Readonly<Record<CostField, NumberKnobDef>> = {
  gasPerUs: {
    label: "Speed",
    unit: "gas/µs",
    title:
      `Gas one virtual core executes per microsecond, ${span(COST_RANGES.gasPerUs)}. Scales every time and the ` +
      "transactions per second; not the speedup, unless the overheads below matter.",
    ...bounds(COST_RANGES.gasPerUs),
    step: 500,
  },
  validateUsPerRead: {
    label: "Validation",
    unit: "µs/read",
    title: `Virtual time to validate one read, ${span(COST_RANGES.validateUsPerRead)}. Higher makes Block-STM's validation cost more.`,
    ...bounds(COST_RANGES.validateUsPerRead),
    step: 0.05,
  },
  taskUs: {
    label: "Task cost",
    unit: "µs",
    title: `Virtual time to take a task from the scheduler, ${span(COST_RANGES.taskUs)}. Higher penalises many small tasks.`,
    ...bounds(COST_RANGES.taskUs),
    step: 0.1,
  },
  mvReadUs: {
    label: "MV read",
    unit: "µs",
    title: `Block-STM: virtual time of one read through multi-version memory, beyond what its gas covers, ${span(COST_RANGES.mvReadUs)}. Measured by npm run cli -- calibrate.`,
    ...bounds(COST_RANGES.mvReadUs),
    step: 0.05,
  },
  mvWriteUs: {
    label: "MV write",
    unit: "µs",
    title: `Block-STM: virtual time to publish one write into multi-version memory (with the read set it came from), ${span(COST_RANGES.mvWriteUs)}. Measured by npm run cli -- calibrate.`,
    ...bounds(COST_RANGES.mvWriteUs),
    step: 0.05,
  },
  commitUs: {
    label: "Commit",
    unit: "µs",
    title: `Block-STM: virtual time of one in-order commit under the commit lock, besides its validation, ${span(COST_RANGES.commitUs)}. Commits run one at a time, so higher caps the speedup. Measured by npm run cli -- calibrate.`,
    ...bounds(COST_RANGES.commitUs),
    step: 0.05,
  },
  resumeUs: {
    label: "Resume",
    unit: "µs",
    title: `Block-STM: virtual time to make one suspended transaction ready again, ${span(COST_RANGES.resumeUs)}: a step of the worker whose execution it waited for, which lowers the execution index only after all of them. Measured by npm run cli -- calibrate.`,
    ...bounds(COST_RANGES.resumeUs),
    step: 0.01,
  },
  msgUs: {
    label: "Message latency",
    unit: "µs",
    title:
      `One-way latency of a cross-shard message, ${span(COST_RANGES.msgUs)}, on the virtual clock. Higher makes ` +
      "cross-shard transactions (receipts and 2PC) slow the sharded run down. A stand-in for a network hop: " +
      "on NEAR a receipt runs in a later block, about 600,000 µs (one block time) on.",
    ...bounds(COST_RANGES.msgUs),
    step: 5,
  },
};

/** Live mode's teaching pace: 1 = full speed. */
export const SLOWDOWN_DEF: NumberKnobDef = {
  label: "Slowdown",
  unit: "×",
  title:
    `Live mode: every task is stretched to this many times its cost by sleeping, ${span(SLOWDOWN_RANGE)}, so a run ` +
    "lasts long enough to watch. Sleeping hides the scheduler's own overhead (task claims, validation, " +
    "bookkeeping), so the slower the run, the closer its speedup comes to the ideal speedup: measure at 1× " +
    "for the real figure. A slowed run runs once; at 1× the figures are the median of repetitions.",
  ...bounds(SLOWDOWN_RANGE),
  step: 1,
};

/** A FLAGS text as a tooltip: capitalised, with a full stop. */
const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/** On/off knobs: the tooltip is what the scenario field does, as ranges.ts says it once. */
export const FLAG_DEFS: Readonly<Record<FlagKnob, { readonly label: string; readonly title: string }>> = {
  aggregators: {
    label: "Aggregators",
    title: sentence(FLAGS.aggregators),
  },
  corruptList: {
    label: "Corrupt one list entry",
    title: sentence(FLAGS.corruptList),
  },
};

/** Why the corrupt-list toggle is off: only the block-access-list scheduler has a list to corrupt. */
export const CORRUPT_LIST_OFF =
  "Applies to the block access lists scheduler only: the others run without a list.";

export interface ChoiceKnobDef {
  readonly label: string;
  readonly title: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

export const CHOICE_DEFS: Readonly<Record<ChoiceKnob, ChoiceKnobDef>> = {
  scheduler: {
    label: "Scheduler",
    title:
      "Sequential: one after another (the baseline). Block-STM: optimistic; execute, validate, re-execute on " +
      "conflict (Aptos). Account locks: transactions declare their keys; each runs as soon as every earlier one " +
      "it conflicts with has finished, no barrier (as Agave replays a block). Level batches: the same declared " +
      "conflicts, run batch by batch with a barrier between (like Solana's replay stage before Agave 2.1). Block access lists: " +
      "the block carries each transaction's reads and written values (EIP-7928), so all run at once and are " +
      "checked against the list. Naive (unsafe): " +
      "parallel on shared state with no validation, as a first attempt would; its final state is wrong.",
    options: (["blockstm", "accountlocks", "batched", "bal", "sequential", "naive"] as const).map(
      (value) => ({
        value,
        label: SCHEDULER_LABELS[value],
      }),
    ),
  },
  crossShard: {
    label: "Cross-shard",
    title:
      "How a transaction spanning two shards commits. Receipts: its first leg commits now, the second runs on " +
      "the other shard next round (refund on failure). Locks: two-phase commit on keys: it holds its keys on " +
      "both shards through prepare, a vote (no if it would fail there) and commit or abort, while " +
      "transactions on other keys go on; each shard then runs on key locks, whatever the scheduler.",
    options: [
      { value: "receipts", label: "Receipts" },
      { value: "locks", label: "Locks (2PC)" },
    ],
  },
  source: {
    label: "Block",
    title:
      "Synthetic: drawn from the knobs below. Teaching: transaction j reads M[j mod 3] and writes M[j mod 4], " +
      "the classic Block-STM example (only the block size applies). Mainnet: a real Ethereum block, its " +
      "transactions as they were (the workload knobs do not apply).",
    options: [
      { value: "synthetic", label: "Synthetic" },
      { value: "mod3mod4", label: "Teaching (j mod 3 / j mod 4)" },
      ...ETH_BLOCKS.map((n) => ({ value: `eth-${n}`, label: `Mainnet ${n}` })),
    ],
  },
  feeMode: {
    label: "Fee recipient",
    title:
      "Real blocks only. Every transaction pays the block's fee recipient. In-tx: credited inside each " +
      "transaction, so all of them write one balance and serialize. Lazy: each fee is recorded apart and " +
      "swept after the block, as parallel EVMs do. Same final state.",
    options: [
      { value: "lazy", label: "Lazy" },
      { value: "in-tx", label: "In each tx" },
    ],
  },
};

/** One line per mainnet block: what is in it (public/blocks/README.md). */
export const ETH_BLOCK_NOTES: Readonly<Record<string, string>> = {
  "eth-12965000": "First London block, 259 txs: ERC-20 transfers and contract calls.",
  "eth-14029313": "724 txs: many ETH transfers and ERC-20 approvals.",
  "eth-17666333": "961 txs: mostly plain ETH transfers.",
  "eth-19606599": "367 txs: many Uniswap Universal Router calls.",
  "eth-19807137": "712 txs: 587 ERC-20 transfer calls on hot token contracts.",
  [UPLOAD_SOURCE]: "A block file you opened: its transactions as they were.",
};

export const MIX_DEFS: Readonly<
  Record<ContractKindName, { readonly label: string; readonly title: string }>
> = {
  transfer: { label: "Transfer", title: "Payment between two accounts; fails without funds." },
  swap: {
    label: "Swap",
    title: "Trade against a constant-product AMM pool; reverts past its slippage limit.",
  },
  mint: { label: "Mint", title: "Mint from an NFT collection with a supply cap." },
  vote: { label: "Vote", title: "Vote on a DAO proposal, once per voter, weighted." },
  ship: { label: "Ship", title: "Hand a supply-chain item to its next holder; only its current holder can." },
};
