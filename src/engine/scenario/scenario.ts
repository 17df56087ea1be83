/** The Scenario: everything a run depends on. Versioned: links and files carry `v`. */
export const SCENARIO_VERSION = 1;

export const CONTRACT_KINDS = ["transfer", "swap", "mint", "vote", "ship"] as const;
export type ContractKindName = (typeof CONTRACT_KINDS)[number];

export const SCHEDULERS = ["sequential", "blockstm", "batched", "accountlocks", "bal", "naive"] as const;
export type SchedulerName = (typeof SCHEDULERS)[number];

/** What each scheduler is called on screen (controls, headers, tags, chart lines). */
export const SCHEDULER_LABELS: Readonly<Record<SchedulerName, string>> = {
  sequential: "Sequential",
  blockstm: "Block-STM",
  batched: "Level batches",
  accountlocks: "Account locks",
  bal: "Block access lists",
  naive: "Naive (unsafe)",
};

/**
 * What runs a scenario, as views name it: two-phase commit on keys dispatches every shard on key locks,
 * whatever the scheduler setting.
 */
export function runLabel(s: Pick<Scenario, "scheduler" | "shards" | "crossShard">): string {
  return s.shards > 1 && s.crossShard === "locks"
    ? "Two-phase commit on keys"
    : SCHEDULER_LABELS[s.scheduler];
}

/**
 * Schedulers that do not reproduce sequential execution, on purpose (they show what goes wrong without
 * the others' care): marked unsafe wherever they appear, and their state mismatch is their lesson.
 */
export const UNSAFE_SCHEDULERS: readonly SchedulerName[] = ["naive"];
export const isUnsafe = (s: SchedulerName): boolean => UNSAFE_SCHEDULERS.includes(s);
/** Every scheduler whose final state must equal sequential execution, on every block. */
export const SAFE_SCHEDULERS: readonly SchedulerName[] = SCHEDULERS.filter((s) => !isUnsafe(s));

/** Whether a run of the scenario corrupts its block access list: the flag applies to the bal scheduler only. */
export const corruptsList = (s: Pick<Scenario, "scheduler" | "corruptList">): boolean =>
  s.corruptList && s.scheduler === "bal";

/** A block access list is per block: bal runs a whole block on one shard; the others run on any number. */
export const runsOnShards = (s: SchedulerName, shards: number): boolean => shards === 1 || s !== "bal";

export const CROSS_SHARD = ["receipts", "locks"] as const;
export type CrossShardName = (typeof CROSS_SHARD)[number];

/** Relative weights of the contract kinds (need not sum to 1; at least one must be > 0). */
export type Mix = Record<ContractKindName, number>;

/**
 * What the virtual clock charges (microseconds). Contract execution is the modelled part (gasPerUs); the
 * scheduler's own work is measured: `npm run cli -- calibrate` times the engine's code for each of those
 * fields on the live pool (README: Calibration).
 */
export interface CostModel {
  /** Gas executed per microsecond on one core: 7,000 makes a 21,000-gas transfer cost 3 us. */
  gasPerUs: number;
  /** Validating one read of the read set: validation tasks, Block-STM's commit-time check, a list's check. */
  validateUsPerRead: number;
  /** Taking a task from the scheduler, per task; also each hand-off (a lock granted, a batch opened). */
  taskUs: number;
  /** Block-STM: one read through multi-version memory, beyond what its gas covers. */
  mvReadUs: number;
  /** Block-STM: publishing one write into multi-version memory (with the read set it came from). */
  mvWriteUs: number;
  /** Block-STM: one in-order commit under the commit lock, besides its validation. */
  commitUs: number;
  /** Block-STM: making one suspended dependent ready again, a step of the worker whose execution it waited for. */
  resumeUs: number;
  /** One-way latency of a cross-shard message (virtual clock). */
  msgUs: number;
  /** Live runs: real work burned per unit of modelled cost (1 = calibrated to gasPerUs; 0 = raw engine speed). */
  work: number;
}

/**
 * Where the block comes from: a synthetic block drawn from the knobs below; the classic teaching block
 * where transaction j reads M[j mod 3] and writes M[j mod 4] (knobs other than txs are ignored for it); or
 * a real Ethereum mainnet block ("eth-<number>": the workload knobs are ignored, the block is the block).
 */
export const ETH_BLOCKS = [12965000, 14029313, 17666333, 19606599, 19807137] as const;
export const SOURCES = ["synthetic", "mod3mod4", ...ETH_BLOCKS.map((n) => `eth-${n}` as const)] as const;
export type SourceName = (typeof SOURCES)[number];

/** The mainnet block number of an Ethereum source, or null for the other sources. */
export function ethBlockOf(source: SourceName): number | null {
  return source.startsWith("eth-") ? Number(source.slice(4)) : null;
}

/**
 * How an imported Ethereum block pays its fee recipient: "in-tx" credits the recipient inside every
 * transaction (every transaction writes the same balance); "lazy" records each fee apart and sweeps them
 * after the block, as parallel EVMs do. Both end in the same state. Synthetic blocks ignore it.
 */
export const FEE_MODES = ["lazy", "in-tx"] as const;
export type FeeMode = (typeof FEE_MODES)[number];

export interface Scenario {
  v: typeof SCENARIO_VERSION;
  source: SourceName;
  seed: number;
  /** Block size. */
  txs: number;
  mix: Mix;
  accounts: number;
  /** Zipf exponent for picking accounts, pools, collections, proposals and items; 0 = uniform. */
  skew: number;
  pools: number;
  collections: number;
  proposals: number;
  items: number;
  scheduler: SchedulerName;
  /** Workers per shard. */
  workers: number;
  shards: number;
  crossShard: CrossShardName;
  feeMode: FeeMode;
  /** Probability that a transaction's counterparty is drawn from its own placement group. */
  locality: number;
  /** Mint counters and revenues and vote tallies are aggregators (FLAGS in ranges.ts says what that does). */
  aggregators: boolean;
  /** bal only: one entry of the block access list is made wrong (FLAGS in ranges.ts says which). */
  corruptList: boolean;
  cost: CostModel;
}

export const DEFAULT_COST: CostModel = {
  gasPerUs: 7000,
  validateUsPerRead: 0.0791,
  taskUs: 0.0563,
  mvReadUs: 0.0693,
  mvWriteUs: 0.151,
  commitUs: 0.0505,
  resumeUs: 0.0134,
  msgUs: 20,
  work: 1,
};

export const DEFAULT_SCENARIO: Scenario = {
  v: SCENARIO_VERSION,
  source: "synthetic",
  seed: 42,
  txs: 1000,
  mix: { transfer: 1, swap: 0, mint: 0, vote: 0, ship: 0 },
  accounts: 1000,
  skew: 0,
  pools: 16,
  collections: 4,
  proposals: 4,
  items: 1000,
  scheduler: "blockstm",
  workers: 8,
  shards: 1,
  crossShard: "receipts",
  feeMode: "lazy",
  locality: 0.9,
  aggregators: false,
  corruptList: false,
  cost: DEFAULT_COST,
};
