/**
 * The contention chart's live sweep: measured runs of the shown block on 1 thread per shard, then 2, ... up
 * to the cores this machine has, each point the median of the live repetitions with their range.
 */
import { speedupOf } from "./repetitions";
import type { LiveRunResult } from "./run-live";
import { threadsForCores } from "./support";

export interface ThreadSweepPoint {
  /** Threads the run used (workers × shards). */
  readonly threads: number;
  /** Measured speedup over the measured sequential run: the median repetition's. */
  readonly speedup: number;
  readonly speedupMin: number;
  readonly speedupMax: number;
  /** Timed repetitions behind the point. */
  readonly runs: number;
}

/**
 * Thread counts to measure for a scenario of `shards` shards on `cores` reported cores: every whole number of
 * threads per shard (each shard gets its own), from one each up to the cores (capped like a live run).
 */
export function threadSweepPlan(shards: number, cores: number): number[] {
  const most = threadsForCores(cores);
  const plan: number[] = [];
  for (let t = shards; t <= most; t += shards) plan.push(t);
  return plan;
}

/** A measured run as a point of the sweep: its times are its median repetition's. */
export function threadSweepPoint(run: LiveRunResult): ThreadSweepPoint {
  return {
    threads: run.live.threads,
    speedup: speedupOf({ sequentialUs: run.sequentialUs, parallelUs: run.elapsedUs }),
    speedupMin: run.live.speedupMin,
    speedupMax: run.live.speedupMax,
    runs: run.live.repetitions.length,
  };
}
