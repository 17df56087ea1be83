/**
 * The dependency graph of a run at transaction level: a column per transaction (its dependency level, or
 * its batch for a batched run), its row (the lane of its first execution: a node keeps its place for the
 * whole run, however often it re-executes elsewhere), read-after-write edges between
 * transactions, and the critical path. All from the run; nothing depends on the playhead.
 */
import { analyzeRun } from "../../../engine/analysis/run-analysis";
import type { RunResult } from "../../../engine/run-result";

export interface GraphModel {
  readonly txs: number;
  /** "level": x = dependency level of the serial order; "batch": x = the declared-access batch it ran in. */
  readonly columnKind: "level" | "batch";
  readonly column: Int32Array;
  readonly columns: number;
  /** Lane that last executed each transaction (0 if it never ran). */
  readonly lane: Int32Array;
  readonly lanes: number;
  readonly shards: number;
  readonly workersPerShard: number;
  /** Transaction-level edges, writer -> reader, grouped by reader (CSR `inStart`), with the key read. */
  readonly inStart: Int32Array;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeKey: Int32Array;
  /** Edges grouped by writer: edge indices out of each transaction. */
  readonly outStart: Int32Array;
  readonly outEdge: Int32Array;
  /** Transactions that exchanged a cross-shard message. */
  readonly crossShard: Uint8Array;
  /** Transactions of the critical path, in serial order. */
  readonly critical: Int32Array;
}

export function buildGraphModel(result: RunResult): GraphModel {
  const txs = result.block.n;
  const { graph, path, index } = analyzeRun(result);
  const unitTx = result.sequential.unitTx;
  const { shards, workersPerShard } = index;
  const batched = result.scenario.scheduler === "batched";

  // Where each transaction first ran, as the log's index found it: its row, and its batch on its shard.
  const lane = new Int32Array(txs);
  const batch = new Int32Array(txs);
  const crossShard = new Uint8Array(txs);
  for (let tx = 0; tx < Math.min(txs, index.firstLane.length); tx++) {
    if (index.firstLane[tx] >= 0) {
      lane[tx] = Math.min(result.lanes - 1, index.firstLane[tx]);
      batch[tx] = Math.max(0, index.firstBatch[tx]);
    }
    crossShard[tx] = index.messaged[tx];
  }

  // A transaction's level is that of its last unit (a receipt's later legs depend on its earlier ones).
  const column = batched ? batch : new Int32Array(txs);
  if (!batched) {
    for (let u = 0; u < graph.units; u++) {
      const tx = unitTx[u];
      if (graph.level[u] > column[tx]) column[tx] = graph.level[u];
    }
  }
  let columns = 0;
  for (let t = 0; t < txs; t++) if (column[t] + 1 > columns) columns = column[t] + 1;

  const edges = txEdges(txs, unitTx, graph.depStart, graph.dep, graph.depKey);
  const critical: number[] = [];
  for (const u of path.units) if (critical[critical.length - 1] !== unitTx[u]) critical.push(unitTx[u]);

  return {
    txs,
    columnKind: batched ? "batch" : "level",
    column,
    columns,
    lane,
    lanes: result.lanes,
    shards,
    workersPerShard,
    ...edges,
    crossShard,
    critical: Int32Array.from(critical),
  };
}

/** Unit edges mapped to transactions: no edge between legs of one transaction, one edge per pair. */
function txEdges(
  txs: number,
  unitTx: Int32Array,
  depStart: Int32Array,
  dep: Int32Array,
  depKey: Int32Array,
): Pick<GraphModel, "inStart" | "edgeFrom" | "edgeTo" | "edgeKey" | "outStart" | "outEdge"> {
  const from: number[] = [];
  const to: number[] = [];
  const key: number[] = [];
  for (let u = 0; u + 1 < depStart.length; u++) {
    for (let e = depStart[u]; e < depStart[u + 1]; e++) {
      const a = unitTx[dep[e]];
      const b = unitTx[u];
      if (a === b) continue;
      from.push(a);
      to.push(b);
      key.push(depKey[e]);
    }
  }
  // Order by (reader, writer, position) and keep the first edge of each pair: a counting sort by reader,
  // then each reader's few edges by writer (an insertion sort keeps ties in their order). A comparison
  // sort of every edge took most of the time of building the model of a 10,000-transaction run.
  const n = from.length;
  const readerStart = new Int32Array(txs + 1);
  for (let i = 0; i < n; i++) readerStart[to[i] + 1]++;
  for (let t = 0; t < txs; t++) readerStart[t + 1] += readerStart[t];
  const order = new Int32Array(n);
  const place = readerStart.slice(0, txs);
  for (let i = 0; i < n; i++) order[place[to[i]]++] = i;
  for (let t = 0; t < txs; t++) {
    for (let k = readerStart[t] + 1; k < readerStart[t + 1]; k++) {
      const i = order[k];
      let j = k - 1;
      for (; j >= readerStart[t] && from[order[j]] > from[i]; j--) order[j + 1] = order[j];
      order[j + 1] = i;
    }
  }
  const kept = order.filter(
    (i, k) => k === 0 || to[i] !== to[order[k - 1]] || from[i] !== from[order[k - 1]],
  );
  const m = kept.length;
  const edgeFrom = Int32Array.from(kept, (i) => from[i]);
  const edgeTo = Int32Array.from(kept, (i) => to[i]);
  const edgeKey = Int32Array.from(kept, (i) => key[i]);
  const inStart = new Int32Array(txs + 1);
  const outStart = new Int32Array(txs + 1);
  for (let e = 0; e < m; e++) {
    inStart[edgeTo[e] + 1]++;
    outStart[edgeFrom[e] + 1]++;
  }
  for (let t = 0; t < txs; t++) {
    inStart[t + 1] += inStart[t];
    outStart[t + 1] += outStart[t];
  }
  const outEdge = new Int32Array(m);
  const fill = outStart.slice(0, txs);
  for (let e = 0; e < m; e++) outEdge[fill[edgeFrom[e]]++] = e;
  return { inStart, edgeFrom, edgeTo, edgeKey, outStart, outEdge };
}
