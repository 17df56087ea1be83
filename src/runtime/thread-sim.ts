/**
 * The measured thread sweep's simulated twin: the same block and scheduler on the virtual clock, with the
 * scenario's cost model, at each thread count the live sweep measures (threads = workers × shards). Pure runs
 * of the virtual driver; the sweep worker computes them one by one off the main thread.
 */
import { computeMetrics } from "../engine/analysis/metrics";
import type { Scenario } from "../engine/scenario/scenario";
import type { LoadedBlock } from "./block-source";
import { simulate } from "./simulate";

export interface SimThreadPoint {
  /** Virtual threads: workers × shards. */
  readonly threads: number;
  /** Simulated sequential time over this run's time, on the virtual clock. */
  readonly speedup: number;
}

/** The scenario as run on `threads` threads: its workers per shard set, everything else kept. */
export function atThreads(scenario: Scenario, threads: number): Scenario {
  return { ...scenario, workers: threads / scenario.shards };
}

/** One simulated point: a real virtual-driver run of `loaded` (the scenario's block) on `threads` threads. */
export function simThreadPoint(scenario: Scenario, threads: number, loaded: LoadedBlock): SimThreadPoint {
  const result = simulate(atThreads(scenario, threads), loaded);
  return { threads, speedup: computeMetrics(result).speedup };
}
