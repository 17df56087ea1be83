/**
 * The contention sweep: the current scenario re-run along one contention knob (hot-key skew, or number of
 * accounts as in the Block-STM paper's benchmark), once per scheduler, on a synthetic block of at most
 * SWEEP_MAX_TXS transactions so the whole sweep takes a second or two. Pure: the sweep worker runs it off
 * the main thread; tests run it directly.
 */
import { computeMetrics } from "../engine/analysis/metrics";
import { runsOnShards, SCHEDULERS, type Scenario, type SchedulerName } from "../engine/scenario/scenario";
import { simulate } from "./simulate";

export type SweepAxis = "skew" | "accounts";

/**
 * Skew: Zipf exponents from uniform (0) to a few keys taking most transactions (2). Accounts: the paper's
 * 2, 10, 100, 1,000 and 10,000, with points between.
 */
export const SWEEP_VALUES: Readonly<Record<SweepAxis, readonly number[]>> = {
  skew: [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2],
  accounts: [2, 4, 10, 30, 100, 300, 1000, 3000, 10000],
};
export const SWEEP_MAX_TXS = 2000;

export interface SweepTask {
  readonly scheduler: SchedulerName;
  /** Skew or number of accounts, by the sweep's axis. */
  readonly value: number;
}

export interface SweepPoint extends SweepTask {
  /** Sequential time over this run's time, on the virtual clock. */
  readonly speedup: number;
  /** min(lanes, total work / critical path) of the same block. */
  readonly idealSpeedup: number;
  readonly aborts: number;
}

export interface SweepPlan {
  readonly axis: SweepAxis;
  /** The scenario every point starts from: synthetic, block size capped. */
  readonly base: Scenario;
  /** Value by value, every scheduler at each, so all lines grow together as points arrive. */
  readonly tasks: readonly SweepTask[];
}

export function sweepPlan(s: Scenario, axis: SweepAxis): SweepPlan {
  // Speed against contention of honest runs: a list corrupted on purpose is one run's lesson, not a line's.
  const base: Scenario = {
    ...s,
    source: "synthetic",
    txs: Math.min(s.txs, SWEEP_MAX_TXS),
    corruptList: false,
  };
  // Every scheduler that can run the scenario's shards (bal runs one shard: a sharded sweep has no bal line).
  const schedulers = SCHEDULERS.filter((x) => runsOnShards(x, base.shards));
  const tasks = SWEEP_VALUES[axis].flatMap((value) => schedulers.map((scheduler) => ({ scheduler, value })));
  return { axis, base, tasks };
}

/** One point of the sweep: a real virtual-driver run. */
export function sweepPoint(base: Scenario, axis: SweepAxis, task: SweepTask): SweepPoint {
  const result = simulate({ ...base, scheduler: task.scheduler, [axis]: task.value });
  const m = computeMetrics(result);
  return { ...task, speedup: m.speedup, idealSpeedup: m.idealSpeedup, aborts: m.aborts };
}
