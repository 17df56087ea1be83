import type { SequentialTrace } from "./analysis/sequential-trace";
import type { UnsafeCheck } from "./analysis/unsafe";
import type { Block } from "./block";
import type { EthBlockInfo } from "./ethereum/import";
import type { Scenario } from "./scenario/scenario";
import type { RunMode } from "./scenario/view-state";
import type { Tamper } from "./schedulers/bal/tamper";
import type { EventLogData } from "./trace/eventlog";

export type { SequentialTrace };

/** One run of a scenario by one driver. Plain data: it crosses from the worker by structured clone. */
export interface RunResult {
  readonly scenario: Scenario;
  readonly mode: RunMode;
  readonly block: Block;
  readonly log: EventLogData;
  /** Total worker lanes (workers per shard x shards); lane w belongs to shard floor(w / workers). */
  readonly lanes: number;
  /** Virtual makespan (virtual) or measured wall time (live), in microseconds. */
  readonly elapsedUs: number;
  /** Sequential execution of the same serial order: virtual cost, or measured time in live mode. */
  readonly sequentialUs: number;
  readonly stateHash: string;
  readonly sequentialStateHash: string;
  readonly sequential: SequentialTrace;
  /** Sharded runs: number of rounds (receipts) or 2PC exchanges (locks); 1 when unsharded. */
  readonly rounds: number;
  /** Present when the block is a real Ethereum block: labels, hottest keys, fee mode, gas-limit note. */
  readonly eth?: EthBlockInfo;
  /** bal runs whose list was made wrong on purpose (the corrupt-list toggle): the entry changed. */
  readonly listTamper?: Tamper;
  /** Unsafe schedulers only (their state differs on purpose): the supply check and another worker count's state. */
  readonly unsafe?: UnsafeCheck;
  /** Live runs only: how they were measured. */
  readonly live?: LiveStats;
}

/** One timed repetition of a live run: the sequential run and the parallel run right after it. */
export interface Repetition {
  readonly sequentialUs: number;
  readonly parallelUs: number;
}

/** What only a live run has to say. */
export interface LiveStats {
  readonly threads: number;
  /** Burn loop iterations per microsecond of modelled cost on this machine (calibrated once per pool). */
  readonly itersPerUs: number;
  readonly slowdown: number;
  /** Events that did not fit in the shared logs: the run went on, the log is missing them. */
  readonly droppedEvents: number;
  /** Timed repetitions, in the order they ran; the reported run is the median one by speedup. */
  readonly repetitions: readonly Repetition[];
  /** Lowest and highest speedup over the repetitions (equal when there was one). */
  readonly speedupMin: number;
  readonly speedupMax: number;
}
