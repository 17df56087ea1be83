import { type BoundKind, idealSpeedup } from "./critical-path";
import { Count, countsAt, eventsUpTo, laneBusyAt } from "./log-index";
import { analyzeRun, type RunInput } from "./run-analysis";

export interface Metrics {
  /** The playhead the counters stop at, clamped to the run's end. */
  readonly atUs: number;
  readonly finished: boolean;
  /** Events with time <= atUs. */
  readonly events: number;
  /** Committed units (transactions; or legs of a sharded receipt run). */
  readonly committed: number;
  /** Executions started (a two-phase commit's legs make one). */
  readonly executions: number;
  /** Executions beyond the first of each unit. */
  readonly reExecutions: number;
  readonly validations: number;
  readonly aborts: number;
  readonly suspensions: number;
  /** Time spent on incarnations later aborted and on partial executions that suspended. */
  readonly wastedUs: number;
  /** Committed units whose final execution reverted (their own logic said no). */
  readonly reverts: number;
  readonly batches: number;
  readonly crossShardMessages: number;
  /** Per lane: time spent executing or validating up to atUs, and that as a share of atUs. */
  readonly laneBusyUs: Float64Array;
  readonly laneUtilization: Float64Array;
  /** Mean utilization over all lanes. */
  readonly utilization: number;

  // Properties of the whole run (they do not move with the playhead).
  /** "simulated" for the virtual clock, "measured" for real workers: every throughput figure says which. */
  readonly clock: "simulated" | "measured";
  readonly txs: number;
  readonly units: number;
  readonly lanes: number;
  readonly rounds: number;
  readonly elapsedUs: number;
  readonly sequentialUs: number;
  /** Transactions per second of the run's clock. */
  readonly tps: number;
  /** sequentialUs / elapsedUs. */
  readonly speedup: number;
  /** The bound the run's scheduler declares (BOUND_LABEL names it): idealSpeedup and criticalPathUs are its. */
  readonly bound: BoundKind;
  /** min(lanes, totalWorkUs / criticalPathUs): no run of this block on these lanes beats it. */
  readonly idealSpeedup: number;
  /** speedup / idealSpeedup: how much of the available parallelism the scheduler used. */
  readonly efficiency: number;
  readonly criticalPathUs: number;
  readonly totalWorkUs: number;
  /** Dependency levels of the serial order (1 = fully independent). */
  readonly levels: number;
}

/**
 * Metrics of a run counting only events with time <= atTimeUs, so views can call it at the playhead:
 * after a one-time pass per run (cached), each call costs O(log events + lanes x log intervals).
 */
export function computeMetrics(run: RunInput, atTimeUs = Number.POSITIVE_INFINITY): Metrics {
  const { graph, bound, path, index } = analyzeRun(run);
  const atUs = Math.max(0, Math.min(atTimeUs, run.elapsedUs));
  // Past the end everything counts, including events a live run logged after its measured end.
  const events = atTimeUs >= run.elapsedUs ? run.log.length : eventsUpTo(run.log, atTimeUs);
  const c = countsAt(index, events);
  const laneBusyUs = new Float64Array(run.lanes);
  const laneUtilization = new Float64Array(run.lanes);
  let busyTotal = 0;
  for (let l = 0; l < run.lanes; l++) {
    laneBusyUs[l] = laneBusyAt(index, l, atUs);
    laneUtilization[l] = atUs > 0 ? laneBusyUs[l] / atUs : 0;
    busyTotal += laneUtilization[l];
  }
  const elapsedS = run.elapsedUs / 1e6;
  const speedup = run.elapsedUs > 0 ? run.sequentialUs / run.elapsedUs : 0;
  const ideal = idealSpeedup(path, run.lanes);
  return {
    atUs,
    finished: atTimeUs >= run.elapsedUs,
    events,
    committed: c[Count.Commits],
    executions: c[Count.Executions],
    reExecutions: c[Count.ReExecutions],
    validations: c[Count.Validations],
    aborts: c[Count.Aborts],
    suspensions: c[Count.Suspensions],
    wastedUs: index.wasted[events],
    reverts: c[Count.Reverts],
    batches: c[Count.Batches],
    crossShardMessages: c[Count.Messages],
    laneBusyUs,
    laneUtilization,
    utilization: run.lanes > 0 ? busyTotal / run.lanes : 0,
    clock: run.mode === "virtual" ? "simulated" : "measured",
    txs: run.block.n,
    units: run.sequential.units,
    lanes: run.lanes,
    rounds: run.rounds,
    elapsedUs: run.elapsedUs,
    sequentialUs: run.sequentialUs,
    tps: elapsedS > 0 ? run.block.n / elapsedS : 0,
    speedup,
    bound,
    idealSpeedup: ideal,
    efficiency: ideal > 0 ? speedup / ideal : 0,
    criticalPathUs: path.criticalPathUs,
    totalWorkUs: path.totalWorkUs,
    levels: graph.levels,
  };
}
