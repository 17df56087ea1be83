import type { CriticalPath } from "./critical-path";
import type { DepGraph } from "./depgraph";
import { analyzeRun, type RunInput } from "./run-analysis";
import type { SequentialTrace } from "./sequential-trace";

/**
 * A transaction whose own execution is at least this share of the critical path sets it: no chain of
 * other transactions could make the run as long.
 */
export const DOMINANT_SHARE = 0.5;

/** The costliest transaction on the critical path. */
export interface PathTx {
  readonly tx: number;
  /** What it costs on the path (its execution; see criticalPath). */
  readonly us: number;
  /** us / criticalPathUs. */
  readonly share: number;
}

/** The chain of the most units (the serial order's levels), weighted as the critical path is. */
export interface LongestChain {
  /** Units on it: transactions, or legs where a sharded receipt run splits a transaction. */
  readonly units: number;
  readonly us: number;
  /** Its transactions, in serial order. */
  readonly txs: readonly number[];
}

/** What sets a run's critical path: a chain of transactions, or one transaction on its own. */
export interface PathCause {
  readonly criticalPathUs: number;
  /** Transactions along the critical path, in serial order (a transaction split in legs appears once). */
  readonly txs: readonly number[];
  readonly longest: PathTx;
  /** "one-transaction" when `longest` is at least DOMINANT_SHARE of the path, otherwise "chain". */
  readonly cause: "one-transaction" | "chain";
  /** The chain of the most units: a long chain of cheap transactions may still be shorter in time. */
  readonly deepest: LongestChain;
}

type CauseTrace = Pick<SequentialTrace, "costUs" | "claimUs" | "unitTx">;

/** Names what sets the critical path: its transactions, its costliest one and that one's share of it. */
export function pathCause(path: CriticalPath, graph: DepGraph, trace: CauseTrace): PathCause {
  const { costUs, claimUs, unitTx } = trace;
  const txs: number[] = [];
  let longest: PathTx = { tx: -1, us: 0, share: 0 };
  for (const u of path.units) {
    const tx = unitTx[u];
    if (txs[txs.length - 1] !== tx) txs.push(tx);
    const us = costUs[u] - claimUs;
    if (us > longest.us) longest = { tx, us, share: 0 };
  }
  const share = path.criticalPathUs > 0 ? longest.us / path.criticalPathUs : 0;
  longest = { ...longest, share };
  return {
    criticalPathUs: path.criticalPathUs,
    txs,
    longest,
    cause: share >= DOMINANT_SHARE ? "one-transaction" : "chain",
    deepest: deepestChain(graph, trace),
  };
}

/** The chain of the most units (ties: the costlier), and its cost counted as criticalPath counts it. */
function deepestChain(graph: DepGraph, trace: CauseTrace): LongestChain {
  const n = graph.units;
  const { depStart, dep, level } = graph;
  const finish = new Float64Array(n);
  const via = new Int32Array(n).fill(-1);
  let best = -1;
  for (let i = 0; i < n; i++) {
    let start = trace.claimUs;
    for (let e = depStart[i]; e < depStart[i + 1]; e++) {
      const j = dep[e];
      if (level[j] + 1 === level[i] && (via[i] < 0 || finish[j] > start)) {
        start = Math.max(start, finish[j]);
        via[i] = j;
      }
    }
    finish[i] = start + trace.costUs[i] - trace.claimUs;
    if (best < 0 || level[i] > level[best] || (level[i] === level[best] && finish[i] > finish[best]))
      best = i;
  }
  if (best < 0) return { units: 0, us: 0, txs: [] };
  const txs: number[] = [];
  for (let u = best; u >= 0; u = via[u]) if (txs[0] !== trace.unitTx[u]) txs.unshift(trace.unitTx[u]);
  return { units: level[best] + 1, us: finish[best], txs };
}

const byPath = new WeakMap<CriticalPath, PathCause>();

/** pathCause of a run's own bound, computed once per critical path. */
export function runPathCause(run: RunInput): PathCause {
  const { path, graph } = analyzeRun(run);
  let cause = byPath.get(path);
  if (!cause) {
    cause = pathCause(path, graph, run.sequential);
    byPath.set(path, cause);
  }
  return cause;
}
