/** Labels, units, tooltips and input hints of the knobs. The validator has the final word on ranges. */

import type { ChoiceKnob, NumberKnob } from "../app/knobs";
import type { ContractKindName } from "../engine/scenario/scenario";

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
    title:
      "Virtual workers per shard, 1 to 64. The virtual clock can run more workers than this machine has cores.",
    min: 1,
    max: 64,
    step: 1,
  },
  shards: {
    label: "Shards",
    title:
      "How many shards the state is split across, 1 to 64 (1 = unsharded). Each shard has its own workers.",
    min: 1,
    max: 64,
    step: 1,
  },
  txs: {
    label: "Block size",
    unit: "tx",
    title: "Transactions in the block, 1 to 100,000.",
    min: 1,
    max: 100_000,
    step: 100,
  },
  accounts: {
    label: "Accounts",
    title: "Accounts to draw senders and receivers from, 2 to 1,000,000. Fewer accounts, more conflicts.",
    min: 2,
    max: 1_000_000,
    step: 1,
  },
  skew: {
    label: "Skew",
    unit: "Zipf s",
    title:
      "Zipf exponent for picking accounts, pools, collections, proposals and items, 0 to 4. " +
      "0 is uniform; higher values make a few keys hot.",
    min: 0,
    max: 4,
    step: 0.1,
  },
  locality: {
    label: "Locality",
    unit: "0–1",
    title:
      "Probability that a transaction's counterparty lives in its own placement group, 0 to 1. " +
      "Higher keeps more transactions inside one shard.",
    min: 0,
    max: 1,
    step: 0.05,
  },
  seed: {
    label: "Seed",
    title:
      "Seed of the workload generator, 0 to 4,294,967,295: the same seed gives the same block and the same run.",
    min: 0,
    max: 4_294_967_295,
    step: 1,
  },
};

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
      "conflict (Aptos). Batched: transactions declare their keys and run in conflict-free batches (Solana-style).",
    options: [
      { value: "blockstm", label: "Block-STM" },
      { value: "batched", label: "Batched" },
      { value: "sequential", label: "Sequential" },
    ],
  },
  crossShard: {
    label: "Cross-shard",
    title:
      "How a transaction spanning two shards commits. Receipts: its first leg commits now, the second runs on " +
      "the other shard next round (refund on failure). Locks: two-phase commit over both shards.",
    options: [
      { value: "receipts", label: "Receipts" },
      { value: "locks", label: "Locks (2PC)" },
    ],
  },
  source: {
    label: "Block",
    title:
      "Synthetic: drawn from the knobs below. Teaching: transaction j reads M[j mod 3] and writes M[j mod 4], " +
      "the classic Block-STM example (only the block size applies).",
    options: [
      { value: "synthetic", label: "Synthetic" },
      { value: "mod3mod4", label: "Teaching" },
    ],
  },
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
