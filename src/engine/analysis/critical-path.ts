import type { SchedulerName } from "../scenario/scenario";
import type { DepGraph } from "./depgraph";
import type { SequentialTrace } from "./sequential-trace";

export interface CriticalPath {
  /** Longest chain of dependent units, weighted by what any schedule pays for them: no schedule finishes sooner. */
  readonly criticalPathUs: number;
  /** Units on that chain, in serial order. */
  readonly units: Int32Array;
  /** Sum of every unit's cost: what one worker pays for the whole serial order. */
  readonly totalWorkUs: number;
}

/**
 * Kinds of bound. A scheduler that learns the values a transaction reads only by running the transactions
 * it depends on (declared access is a superset of those dependencies) is bound by the serial order's
 * read-after-write chains. One told every read's value up front (a block access list), or one that
 * ignores dependencies altogether (naive, unsafe), is bound only by its longest single transaction:
 * nothing chains.
 */
export type BoundKind = "read-after-write" | "longest-transaction";

/** How each bound is named wherever it is shown. */
export const BOUND_LABEL: Readonly<Record<BoundKind, string>> = {
  "read-after-write": "read-after-write critical path",
  "longest-transaction": "longest single transaction",
};

/** The bound each scheduler declares: what its runs are measured against. */
export const SCHEDULER_BOUND: Readonly<Record<SchedulerName, BoundKind>> = {
  sequential: "read-after-write",
  blockstm: "read-after-write",
  batched: "read-after-write",
  accountlocks: "read-after-write",
  bal: "longest-transaction",
  naive: "longest-transaction",
};

/** What a critical path needs from the serial run. */
type PathTrace = Pick<SequentialTrace, "costUs" | "claimUs" | "targetLeg" | "readStart" | "readFrom">;

/** A graph of the same units with no edges: what the longest-transaction bound measures. */
function unchained(graph: DepGraph): DepGraph {
  const n = graph.units;
  return { ...graph, depStart: new Int32Array(n + 1), dep: new Int32Array(0), depKey: new Int32Array(0) };
}

/** The critical path a bound kind measures, over the serial order's graph. */
export function boundPath(bound: BoundKind, graph: DepGraph, trace: PathTrace): CriticalPath {
  return criticalPath(bound === "read-after-write" ? graph : unchained(graph), trace);
}

/**
 * The heaviest chain of the graph. A unit on a chain cannot read before the unit it depends on has
 * published, and must then still execute: each costs at least its execution (`costUs - claimUs`). Taking
 * a unit from the scheduler can overlap the previous unit of the chain, except for the first one: every
 * unit starts no sooner than `claimUs`. A unit split into legs (`targetLeg`) makes its late reads only
 * after its debit: its chain is the debit from its early writers' end, then the rest from the later of the
 * debit's end and its late writers' end.
 */
export function criticalPath(graph: DepGraph, trace: PathTrace): CriticalPath {
  const { costUs, claimUs, targetLeg } = trace;
  const n = graph.units;
  const { depStart, dep } = graph;
  // finish[i]: earliest end of unit i on its heaviest chain; via[i]: its previous unit (-1 = none).
  const finish = new Float64Array(n);
  const via = new Int32Array(n).fill(-1);
  let totalWorkUs = 0;
  let end = -1;
  for (let i = 0; i < n; i++) {
    let start = claimUs;
    const waitFor = (j: number): void => {
      if (finish[j] > start) {
        start = finish[j];
        via[i] = j;
      }
    };
    const before = targetLeg ? targetLeg.beforeUs[i] : 0;
    if (targetLeg && before > 0) {
      // The debit's reads, then the target leg's, on the debit's clock shifted by what the debit costs.
      const { readStart, readFrom } = trace;
      for (const late of [0, 1]) {
        start += late * before;
        for (let r = readStart[i]; r < readStart[i + 1]; r++) {
          const j = readFrom[r];
          if (j >= 0 && j !== i && targetLeg.lateRead[r] === late) waitFor(j);
        }
      }
      start -= before;
    } else {
      for (let e = depStart[i]; e < depStart[i + 1]; e++) waitFor(dep[e]);
    }
    finish[i] = start + (costUs[i] - claimUs);
    totalWorkUs += costUs[i];
    if (end < 0 || finish[i] > finish[end]) end = i;
  }
  let length = 0;
  for (let u = end; u >= 0; u = via[u]) length++;
  const units = new Int32Array(length);
  for (let u = end, k = length - 1; u >= 0; u = via[u], k--) units[k] = u;
  return { criticalPathUs: end < 0 ? 0 : finish[end], units, totalWorkUs };
}

/**
 * min(lanes, totalWork / criticalPath): the best speedup any scheduler could reach on these lanes. No run
 * finishes before its critical path, and its lanes together pay at least the total work.
 */
export function idealSpeedup(path: CriticalPath, lanes: number): number {
  const parallelism = path.criticalPathUs > 0 ? path.totalWorkUs / path.criticalPathUs : 1;
  return Math.min(lanes, parallelism);
}
