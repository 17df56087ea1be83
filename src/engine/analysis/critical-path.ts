import type { DepGraph } from "./depgraph";

export interface CriticalPath {
  /** Longest chain of dependent units, weighted by their cost: no schedule can finish sooner. */
  readonly criticalPathUs: number;
  /** Units on that chain, in serial order. */
  readonly units: Int32Array;
  /** Sum of every unit's cost: the sequential run's execution time without overheads. */
  readonly totalWorkUs: number;
}

export function criticalPath(graph: DepGraph, costUs: Float64Array): CriticalPath {
  const n = graph.units;
  const { depStart, dep } = graph;
  // finish[i]: cost of the heaviest chain ending at unit i; via[i]: its previous unit (-1 = none).
  const finish = new Float64Array(n);
  const via = new Int32Array(n).fill(-1);
  let totalWorkUs = 0;
  let end = -1;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let e = depStart[i]; e < depStart[i + 1]; e++) {
      const j = dep[e];
      if (finish[j] > best) {
        best = finish[j];
        via[i] = j;
      }
    }
    finish[i] = best + costUs[i];
    totalWorkUs += costUs[i];
    if (end < 0 || finish[i] > finish[end]) end = i;
  }
  let length = 0;
  for (let u = end; u >= 0; u = via[u]) length++;
  const units = new Int32Array(length);
  for (let u = end, k = length - 1; u >= 0; u = via[u], k--) units[k] = u;
  return { criticalPathUs: end < 0 ? 0 : finish[end], units, totalWorkUs };
}

/** min(lanes, totalWork / criticalPath): the best speedup any scheduler could reach on these lanes. */
export function idealSpeedup(path: CriticalPath, lanes: number): number {
  const parallelism = path.criticalPathUs > 0 ? path.totalWorkUs / path.criticalPathUs : 1;
  return Math.min(lanes, parallelism);
}
