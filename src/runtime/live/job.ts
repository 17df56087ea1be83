import type { Block } from "../../engine/block";
import type { CostModel, SchedulerName } from "../../engine/scenario/scenario";
import type { Units } from "../../engine/schedulers/units";
import type { Placement } from "../../engine/sharding/placement";
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
 * The whole block under two-phase commit on keys: every thread of every shard drives the one executor, as
 * worker `thread` (its lane), on the memory `arena` the host initialized.
 */
export interface TwoPhaseStep {
  readonly op: "twophase";
  readonly arena: SharedArrayBuffer;
  readonly placement: Placement;
  readonly workersPerShard: number;
}

export type Step = PieceStep | TwoPhaseStep;

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
  /**
   * Time (us since the run's origin) its part of the phase ended: when it found the block done, or, if it
   * had been waiting for work since, when it began to wait (its wake-up is not the run's time).
   */
  readonly endUs: number;
  /** Time the last thread at the end barrier then spent finishing the executor (us; 0 for the others). */
  readonly finishUs: number;
}
