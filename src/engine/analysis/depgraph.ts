import type { SequentialTrace } from "./sequential-trace";

/** Edge key of a leg edge: a receipt leg needs its transaction's earlier leg (payload or result). */
export const LEG_EDGE = -1;

/**
 * Dependencies of the serial order, in CSR: unit i depends on dep[depStart[i]..depStart[i+1]], each an
 * earlier unit. Read-after-write edges come from what the sequential run actually read, so a reverted
 * write set (smaller than declared) gives fewer edges than declared access would.
 */
export interface DepGraph {
  readonly units: number;
  readonly depStart: Int32Array;
  readonly dep: Int32Array;
  /** Key of the first read that made the edge, or LEG_EDGE for an earlier leg of the same transaction. */
  readonly depKey: Int32Array;
  /** Longest chain of dependencies ending at each unit, counted in edges (0 = depends on nothing). */
  readonly level: Int32Array;
  /** Number of distinct levels (max level + 1; 0 for an empty order). */
  readonly levels: number;
}

export function buildDepGraph(trace: SequentialTrace): DepGraph {
  const n = trace.units;
  const { readStart, readKey, readFrom, unitTx } = trace;
  const depStart = new Int32Array(n + 1);
  // At most one edge per read plus one leg edge per unit.
  const dep = new Int32Array(readStart[n] + n);
  const depKey = new Int32Array(readStart[n] + n);
  const level = new Int32Array(n);
  // seen[j] === i + 1 while building unit i's edges: deduplicates edges to the same writer.
  const seen = new Int32Array(n);
  // Last unit of each transaction so far (legs of one transaction appear in serial order).
  let maxTx = -1;
  for (let i = 0; i < n; i++) if (unitTx[i] > maxTx) maxTx = unitTx[i];
  const lastUnitOfTx = new Int32Array(maxTx + 1).fill(-1);
  let m = 0;
  let levels = 0;
  let cur = 0;
  let lv = 0;
  const add = (j: number, key: number): void => {
    if (seen[j] === cur + 1) return;
    seen[j] = cur + 1;
    dep[m] = j;
    depKey[m] = key;
    m++;
    if (level[j] + 1 > lv) lv = level[j] + 1;
  };
  for (let i = 0; i < n; i++) {
    depStart[i] = m;
    cur = i;
    lv = 0;
    const prevLeg = lastUnitOfTx[unitTx[i]];
    if (prevLeg >= 0) add(prevLeg, LEG_EDGE);
    lastUnitOfTx[unitTx[i]] = i;
    for (let r = readStart[i]; r < readStart[i + 1]; r++) {
      const j = readFrom[r];
      // A read of the unit's own earlier write is not a dependency.
      if (j >= 0 && j < i) add(j, readKey[r]);
    }
    level[i] = lv;
    if (lv + 1 > levels) levels = lv + 1;
  }
  depStart[n] = m;
  return { units: n, depStart, dep: dep.slice(0, m), depKey: depKey.slice(0, m), level, levels };
}
