import type { SchedulerName } from "../scenario/scenario";
import type { RunMode } from "../scenario/view-state";
import type { EventLogData } from "../trace/eventlog";
import { type BoundKind, boundPath, type CriticalPath, SCHEDULER_BOUND } from "./critical-path";
import { buildDepGraph, type DepGraph } from "./depgraph";
import { type LogIndex, logIndexOf } from "./log-index";
import type { SequentialTrace } from "./sequential-trace";

/** The parts of a run the analysis reads (a runtime RunResult has all of them). */
export interface RunInput {
  readonly mode: RunMode;
  readonly scenario: { readonly scheduler: SchedulerName; readonly shards?: number };
  readonly block: { readonly n: number };
  readonly log: EventLogData;
  /** Total worker lanes; an event's `worker` is its lane. */
  readonly lanes: number;
  readonly elapsedUs: number;
  readonly sequentialUs: number;
  readonly sequential: SequentialTrace;
  readonly rounds: number;
}

export interface RunAnalysis {
  readonly graph: DepGraph;
  /** The bound the run's scheduler declares, and its critical path. */
  readonly bound: BoundKind;
  readonly path: CriticalPath;
  readonly index: LogIndex;
}

// Views ask again at every frame: compute each part once per trace or log.
const byTrace = new WeakMap<
  SequentialTrace,
  { graph: DepGraph; paths: Partial<Record<BoundKind, CriticalPath>> }
>();

/** Dependency graph, critical path and log index of a run, computed on first use and then cached. */
export function analyzeRun(run: RunInput): RunAnalysis {
  const bound = SCHEDULER_BOUND[run.scenario.scheduler];
  let serial = byTrace.get(run.sequential);
  if (!serial) {
    serial = { graph: buildDepGraph(run.sequential), paths: {} };
    byTrace.set(run.sequential, serial);
  }
  const path = serial.paths[bound] ?? boundPath(bound, serial.graph, run.sequential);
  serial.paths[bound] = path;
  const index = logIndexOf(run.log, run.lanes, run.scenario.shards);
  return { graph: serial.graph, bound, path, index };
}
