/**
 * The dependency graph of a run at transaction level: a column per transaction (its dependency level, or
 * its batch for a batched run), its row (the lane of its first execution: a node keeps its place for the
 * whole run, however often it re-executes elsewhere), read-after-write edges between
 * transactions, and the critical path. All from the run; nothing depends on the playhead.
 */
import { analyzeRun } from "../../../engine/analysis/run-analysis";
import type { RunResult } from "../../../engine/run-result";
import { Ev } from "../../../engine/trace/kinds";

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
  const { graph, path } = analyzeRun(result);
  const unitTx = result.sequential.unitTx;
  const shards = Math.max(1, result.scenario.shards);
  const workersPerShard = Math.max(1, Math.round(result.lanes / shards));
  const batched = result.scenario.scheduler === "batched";

  const lane = new Int32Array(txs);
  const placed = new Uint8Array(txs);
  const batch = new Int32Array(txs);
  const crossShard = new Uint8Array(txs);
  const batchesOn = new Int32Array(shards);
  const log = result.log;
  for (let i = 0; i < log.length; i++) {
    const tx = log.tx[i];
    const shard = Math.min(shards - 1, Math.floor(Math.max(0, log.worker[i]) / workersPerShard));
    switch (log.kind[i]) {
      case Ev.BatchStart:
        batchesOn[shard]++;
        break;
      case Ev.ExecStart:
        if (tx >= 0 && tx < txs && !placed[tx]) {
          placed[tx] = 1;
          lane[tx] = Math.max(0, Math.min(result.lanes - 1, log.worker[i]));
          batch[tx] = Math.max(0, batchesOn[shard] - 1);
        }
        break;
      case Ev.MsgSend:
      case Ev.MsgRecv:
        if (tx >= 0 && tx < txs) crossShard[tx] = 1;
        break;
    }
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
  // Sort by (reader, writer) and keep the first edge of each pair.
  const order = Array.from(from.keys()).sort((i, j) => to[i] - to[j] || from[i] - from[j] || i - j);
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
