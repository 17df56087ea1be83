import { describe, expect, it } from "vitest";
import { analyzeRun } from "../../src/engine/analysis/run-analysis";
import type { RunResult } from "../../src/engine/run-result";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { simulate } from "../../src/runtime/simulate";
import { layoutGraph, nodeAt } from "../../src/ui/views/graph/graph-layout";
import { buildGraphModel, type GraphModel } from "../../src/ui/views/graph/graph-model";

const run = (over: Partial<Scenario>): RunResult =>
  simulate({ ...DEFAULT_SCENARIO, txs: 300, accounts: 60, skew: 0.8, ...over });

const runs: Record<string, RunResult> = {
  teaching: run({ source: "mod3mod4", txs: 24, workers: 4 }),
  blockstm: run({}),
  batched: run({ scheduler: "batched" }),
  sequential: run({ scheduler: "sequential" }),
  receipts: run({ shards: 3, workers: 2, crossShard: "receipts" }),
  locks: run({ shards: 2, workers: 3, crossShard: "locks" }),
};

function edges(m: GraphModel): [number, number][] {
  return Array.from(m.edgeFrom, (f, e) => [f, m.edgeTo[e]]);
}

describe("buildGraphModel", () => {
  it("has one edge per writer and reader pair, from an earlier transaction of the serial order", () => {
    for (const [name, r] of Object.entries(runs)) {
      const m = buildGraphModel(r);
      const pairs = edges(m);
      expect(new Set(pairs.map(([a, b]) => `${a}>${b}`)).size, name).toBe(pairs.length);
      // A receipt run's serial order is by round: a later transaction's first leg may precede an earlier
      // one's second leg.
      if (name !== "receipts") for (const [a, b] of pairs) expect(a, name).toBeLessThan(b);
      expect(pairs.every(([a, b]) => a !== b)).toBe(true);
      for (let t = 0; t < m.txs; t++) {
        for (let e = m.inStart[t]; e < m.inStart[t + 1]; e++) expect(m.edgeTo[e]).toBe(t);
        for (let k = m.outStart[t]; k < m.outStart[t + 1]; k++) expect(m.edgeFrom[m.outEdge[k]]).toBe(t);
      }
    }
  });

  it("puts a transaction one level past each writer it read from", () => {
    const m = buildGraphModel(runs.blockstm);
    expect(m.columnKind).toBe("level");
    expect(m.columns).toBe(analyzeRun(runs.blockstm).graph.levels);
    for (const [a, b] of edges(m)) expect(m.column[b]).toBeGreaterThan(m.column[a]);
    // The teaching block: j reads M[j mod 3], writes M[j mod 4]; tx 1 reads M[1], which tx 1 itself writes
    // only after; tx 4 reads M[1] written by tx 1.
    const t = buildGraphModel(runs.teaching);
    expect(edges(t)).toContainEqual([1, 4]);
  });

  it("lays a batched run out by batch, with no dependency inside a batch", () => {
    const m = buildGraphModel(runs.batched);
    expect(m.columnKind).toBe("batch");
    expect(m.columns).toBeGreaterThan(1);
    for (const [a, b] of edges(m)) expect(m.column[b]).toBeGreaterThan(m.column[a]);
  });

  it("keeps the critical path in serial order along dependency edges", () => {
    for (const name of ["blockstm", "receipts"]) {
      const m = buildGraphModel(runs[name]);
      const pairs = new Set(edges(m).map(([a, b]) => `${a}>${b}`));
      expect(m.critical.length).toBeGreaterThan(0);
      for (let i = 1; i < m.critical.length; i++) {
        expect(pairs.has(`${m.critical[i - 1]}>${m.critical[i]}`), name).toBe(true);
      }
    }
  });

  it("marks the transactions that crossed shards and rows them by their lane", () => {
    for (const name of ["receipts", "locks"]) {
      const m = buildGraphModel(runs[name]);
      expect(m.shards).toBeGreaterThan(1);
      expect(
        m.crossShard.some((c) => c === 1),
        name,
      ).toBe(true);
      for (let t = 0; t < m.txs; t++) expect(m.lane[t]).toBeLessThan(m.lanes);
    }
    expect(buildGraphModel(runs.blockstm).crossShard.every((c) => c === 0)).toBe(true);
  });
});

describe("layoutGraph", () => {
  const boxes = [
    { left: 40, top: 20, width: 900, height: 300 },
    { left: 0, top: 0, width: 340, height: 220 },
  ];

  it("places every node inside its lane, in column order, without overlaps", () => {
    for (const [name, r] of Object.entries(runs)) {
      const m = buildGraphModel(r);
      for (const box of boxes) {
        const g = layoutGraph(m, box);
        expect(g.pitch, name).toBeGreaterThan(1);
        for (let t = 0; t < m.txs; t++) {
          expect(g.x[t]).toBeGreaterThanOrEqual(box.left);
          expect(g.x[t]).toBeLessThanOrEqual(box.left + box.width);
          expect(g.y[t]).toBeGreaterThanOrEqual(g.laneTop[m.lane[t]] - 0.01);
          expect(g.y[t]).toBeLessThanOrEqual(g.laneBottom[m.lane[t]] + 0.01);
          expect(g.x[t]).toBeGreaterThan(g.colLeft[m.column[t]]);
          expect(g.x[t]).toBeLessThan(g.colRight[m.column[t]]);
        }
        for (let c = 1; c < m.columns; c++) expect(g.colLeft[c]).toBeGreaterThanOrEqual(g.colRight[c - 1]);
        let closest = Number.POSITIVE_INFINITY;
        for (let a = 0; a < m.txs; a++) {
          for (let b = a + 1; b < m.txs; b++) {
            closest = Math.min(closest, Math.hypot(g.x[a] - g.x[b], g.y[a] - g.y[b]));
          }
        }
        expect(closest, name).toBeGreaterThan(g.pitch * 0.99);
      }
    }
  });

  it("finds each node where it is drawn, and none in empty space", () => {
    const m = buildGraphModel(runs.blockstm);
    const g = layoutGraph(m, boxes[0]);
    for (let t = 0; t < m.txs; t++) expect(nodeAt(g, g.x[t], g.y[t])).toBe(t);
    expect(nodeAt(g, 5, 5)).toBe(-1);
  });

  it("shrinks nodes to fit a 10,000-transaction block", () => {
    const m = buildGraphModel(run({ txs: 10_000, accounts: 10_000, skew: 0, workers: 16 }));
    const g = layoutGraph(m, boxes[0]);
    expect(g.pitch).toBeGreaterThan(1.5);
    expect(g.pitch).toBeLessThan(6);
  });
});
