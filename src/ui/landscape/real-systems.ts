/**
 * What real systems run for each approach on screen, dated and sourced, and how TxLanes differs. The one
 * source for the "Real systems" panel and the README section of that name (a test checks the README holds
 * every entry as `readmeLine` writes it).
 */

export interface RealSystem {
  /** The approach as the page names it (a scheduler, a knob, a figure). */
  readonly approach: string;
  readonly who: string;
  /** What the system does, as of `asOf`. */
  readonly what: string;
  /** How the model here differs from it. */
  readonly differs: string;
  readonly asOf: string;
  readonly source: { readonly title: string; readonly url: string };
}

/** The source of the throughput chart's reference line. */
export const TPS_REFERENCE: RealSystem = {
  approach: "100k TPS reference line",
  who: "Ethereum roadmap (the Surge)",
  what: "Ethereum's roadmap names 100,000+ transactions per second across L1 and L2 (the rollups together) as a key goal.",
  differs:
    "The throughput chart draws it as a reference only: one executor's simulated or measured rate on one block is not a network's throughput across rollups.",
  asOf: "October 2024",
  source: {
    title: "V. Buterin, Possible futures of the Ethereum protocol, part 2: The Surge",
    url: "https://vitalik.eth.limo/general/2024/10/17/futures2.html",
  },
};

export const REAL_SYSTEMS: readonly RealSystem[] = [
  {
    approach: "Block-STM",
    who: "Aptos",
    what: "Executes each block optimistically in parallel over multi-version memory, validating every transaction and re-executing it when a read turns out stale, so the result equals running the block in its preset order.",
    differs:
      "TxLanes follows the paper's scheduler (execution and validation indices, ESTIMATE markers) on a virtual clock with a stated cost model, or on this machine's Web Workers; it does not model Aptos's storage or gas metering, nor where Aptos's executor has moved on from the paper: there a waiting transaction resumes as the same incarnation, a commit follows validation waves and re-checks only its aggregator (delayed field) reads, where TxLanes re-validates every read at commit unless the transaction began after every lower one had committed, and a second executor (BlockSTMv2) exists.",
    asOf: "paper 2022",
    source: {
      title: "Gelashvili et al., Block-STM, arXiv 2203.06871",
      url: "https://arxiv.org/abs/2203.06871",
    },
  },
  {
    approach: "Aggregators (hot counters)",
    who: "Aptos",
    what: "Counters that many transactions update are aggregators (AIP-47, Aggregators V2, August 2023): a transaction adds to one with try_add, which tells it only whether the limit held; Block-STM records the range of values that answer holds for and re-executes the transaction only if the value, once the earlier transactions' additions are known, falls outside it. A snapshot carries a value derived from the counter (a token's index) without reading it. Concurrent token collections keep their supply in aggregators (AIP-43, July 2023), so mints from one collection can run in parallel.",
    differs:
      "With the aggregators knob on, the mint counter (limit: the cap), the mint revenue and the vote tallies are aggregators, and Block-STM checks each tryAdd against its range as AIP-47 describes; a speculative tryAdd here sums the deltas published so far, where Aptos may use the last committed value, the VM's exchange of delayed fields in and out of resources is not modelled, and no snapshot is kept (a mint returns no token index). Level batches, account locks and two-phase commit, which Aptos does not run, let deltas of one key run together only while its limit cannot be reached.",
    asOf: "AIPs of 2023",
    source: {
      title: "Aptos AIP-47: Aggregators V2",
      url: "https://github.com/aptos-foundation/AIPs/blob/main/aips/aip-047-aggregators-v2.md",
    },
  },
  {
    approach: "Account locks",
    who: "Solana (Agave validator)",
    what: "Every transaction lists the accounts it reads and writes; the runtime takes read and write locks on them, so transactions with no conflicting account run in parallel (Sealevel), and the block producer's scheduler hands transactions to threads by those locks.",
    differs:
      "TxLanes runs one fixed block in its order, each transaction waiting for the earlier ones it conflicts with; a Solana leader schedules a stream of incoming transactions, and its cost model and fees are not modelled.",
    asOf: "as of 2024",
    source: {
      title: "Solana Labs, Sealevel: parallel processing of smart contracts (2019)",
      url: "https://medium.com/solana-labs/sealevel-parallel-processing-thousands-of-smart-contracts-d814b378192",
    },
  },
  {
    approach: "Declared access",
    who: "Sui",
    what: "Transactions that touch only objects owned by one address skip consensus ordering; transactions on shared objects are ordered by consensus first, then executed, in parallel where their objects differ.",
    differs:
      "TxLanes has no owned/shared split: every key goes through the same scheduler, and consensus is not modelled.",
    asOf: "as of 2024",
    source: {
      title: "Sui documentation: object ownership",
      url: "https://docs.sui.io/concepts/object-ownership",
    },
  },
  {
    approach: "Optimistic execution",
    who: "Monad",
    what: "Runs a block's transactions optimistically in parallel and re-executes a transaction when an input it read was changed by an earlier one, committing results in block order.",
    differs:
      "TxLanes's Block-STM is the same kind of optimistic execution, but it does not model Monad's pipelining of execution behind consensus or its storage.",
    asOf: "as of 2025",
    source: {
      title: "Monad documentation: parallel execution",
      url: "https://docs.monad.xyz/monad-arch/execution/parallel-execution",
    },
  },
  {
    approach: "Sharding with receipts",
    who: "NEAR",
    what: "A sharded chain (Nightshade): a transaction that touches another shard produces a receipt that executes on the receiving shard in a later block, so a cross-shard transfer is not atomic.",
    differs:
      "In TxLanes a receipt runs in the next round of one block's execution; on NEAR it waits for a later block and can be delayed further when the receiving shard is congested.",
    asOf: "as of 2024",
    source: {
      title: "NEAR Protocol specification: receipts",
      url: "https://nomicon.io/RuntimeSpec/Receipts",
    },
  },
  {
    approach: "Execution sharding",
    who: "Ethereum",
    what: "Dropped execution sharding for a rollup-centric roadmap: execution scales on rollups, and the base chain shards data for them instead (blobs since EIP-4844 in March 2024, sampled by PeerDAS since the Fusaka upgrade of December 2025).",
    differs:
      "TxLanes's sharded schedulers shard execution across shards of one chain, which Ethereum does not do.",
    asOf: "roadmap of 2020, as of November 2026",
    source: {
      title: "V. Buterin, A rollup-centric Ethereum roadmap",
      url: "https://ethereum-magicians.org/t/a-rollup-centric-ethereum-roadmap/4698",
    },
  },
  {
    approach: "Block access lists",
    who: "Ethereum (EIP-7928)",
    what: "The block carries every account and storage slot its transactions access, with the values they wrote, so clients can read, execute and validate in parallel; the list must be complete and accurate, and missing or spurious entries make the block invalid. Scheduled for the Glamsterdam upgrade (EIP-7773): live on the Sepolia testnet since 6 October 2026, with no mainnet date set yet.",
    differs:
      "TxLanes's list holds the keys each transaction reads and writes and the values it wrote, built by its own sequential run; the EIP also records balance, nonce and code changes and is committed to in the block header.",
    asOf: "November 2026",
    source: { title: "EIP-7928: Block-Level Access Lists", url: "https://eips.ethereum.org/EIPS/eip-7928" },
  },
  TPS_REFERENCE,
];

/** One entry as a README bullet: the README section is these lines, in this order. */
export function readmeLine(s: RealSystem): string {
  return `- **${s.approach}: ${s.who}** (${s.asOf}). ${s.what} _Here:_ ${s.differs} Source: [${s.source.title}](${s.source.url}).`;
}
