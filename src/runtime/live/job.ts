import type { Block } from "../../engine/block";
import type { CostModel, SchedulerName } from "../../engine/scenario/scenario";
import type { Units } from "../../engine/schedulers/units";
import type { ControlDims } from "./control";
import type { Fault } from "./shared-log";

/**
 * What the host sends a worker thread for one phase of a run (one message per thread per phase, never one
 * per transaction). Everything the threads share is a SharedArrayBuffer; the rest is small and cloned.
 */

/** Run a list of units with a scheduler on the group's threads; its executor memory is `arena`. */
export interface PieceStep {
  readonly op: "piece";
  readonly scheduler: SchedulerName;
  readonly units: Units;
  /** Initialized by the host (Arena.shared(arena, true)); threads attach to it. */
  readonly arena: SharedArrayBuffer;
  /** Lane of the group's first thread. */
  readonly laneBase: number;
  /** Sharded receipts: the round this piece belongs to (logged as RoundStart); -1 otherwise. */
  readonly round: number;
}

/**
 * A cross-shard transaction under two-phase commit, for the group's first thread (the others wait):
 * the home shard prepares, the target votes, the home executes `piece` (the transaction alone) and commits.
 */
export interface CrossStep {
  readonly op: "cross";
  readonly tx: number;
  readonly role: "home" | "target";
  readonly homeLane: number;
  readonly targetLane: number;
  readonly homeShard: number;
  readonly targetShard: number;
  /** Home only: the transaction as a one-unit sequential piece. */
  readonly piece: PieceStep | null;
}

export type Step = PieceStep | CrossStep;

export interface PhaseJob {
  readonly control: SharedArrayBuffer;
  readonly dims: ControlDims;
  readonly logs: SharedArrayBuffer;
  readonly logCapacity: number;
  /** The state (Float64Array over all keys) the run reads and updates. */
  readonly state: SharedArrayBuffer;
  /** The block, its arrays in shared memory. */
  readonly block: Block;
  readonly cost: CostModel;
  /** Burn iterations per microsecond of modelled cost (already multiplied by cost.work). */
  readonly itersPerUs: number;
  /** Every task is stretched to this many times its modelled cost by sleeping (1 = full speed). */
  readonly slowdown: number;
  readonly thread: number;
  readonly group: number;
  /** This thread's index within its group: its worker number for the executors. */
  readonly rank: number;
  readonly groupSize: number;
  /** Threads taking part in this phase (the start barrier). */
  readonly phaseThreads: number;
  /** The group's program: every thread of the group gets the same steps. */
  readonly steps: readonly Step[];
  readonly fault: Fault | null;
}

/** What a thread reports at the end of a phase. */
export interface PhaseReport {
  readonly thread: number;
  /** Why this thread stopped the run, or null. */
  readonly error: string | null;
  /** Transaction the thread was on when it failed (-1 if none). */
  readonly tx: number;
  /** Time (us since the run's origin) it finished the phase. */
  readonly endUs: number;
}
